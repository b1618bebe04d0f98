package dev.doppel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How header and values combine into a role, a kind and evidence, on small made-up columns. */
class PersonalDataDetectorTest {

    private static ColumnSpec text(String name) {
        return ColumnSpec.of(name, ColumnKind.TEXT);
    }

    private static String[] repeat(int n, String... cycle) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = cycle[i % cycle.length];
        }
        return values;
    }

    @Test
    void germanAndEnglishHeadersAreRecognised() {
        String[] words = repeat(10, "aa", "bb");
        assertThat(PersonalDataDetector.detect("Vorname", words, text("Vorname")).what()).isEqualTo(PersonalData.FIRST_NAME);
        assertThat(PersonalDataDetector.detect("Nachname", words, text("Nachname")).what()).isEqualTo(PersonalData.LAST_NAME);
        assertThat(PersonalDataDetector.detect("surname", words, text("surname")).what()).isEqualTo(PersonalData.LAST_NAME);
        assertThat(PersonalDataDetector.detect("Straße", words, text("Straße")).what()).isEqualTo(PersonalData.STREET_ADDRESS);
        assertThat(PersonalDataDetector.detect("Firma", words, text("Firma")).what()).isEqualTo(PersonalData.COMPANY);
        assertThat(PersonalDataDetector.detect("Ort", words, text("Ort")).what()).isEqualTo(PersonalData.CITY);
        assertThat(PersonalDataDetector.detect("Beruf", words, text("Beruf")).what()).isEqualTo(PersonalData.JOB_TITLE);
        assertThat(PersonalDataDetector.detect("Kundennummer", words, text("Kundennummer")).what())
                .isEqualTo(PersonalData.CUSTOMER_ID);
        assertThat(HeaderRules.match("E-Mail")).contains(PersonalData.EMAIL);
        assertThat(HeaderRules.match("Handy")).contains(PersonalData.PHONE);
        assertThat(HeaderRules.match("Tel.")).contains(PersonalData.PHONE);
        assertThat(HeaderRules.match("PLZ")).contains(PersonalData.POSTCODE);
        assertThat(HeaderRules.match("zip_code")).contains(PersonalData.POSTCODE);
        assertThat(HeaderRules.match("Geburtsdatum")).contains(PersonalData.BIRTH_DATE);
        assertThat(HeaderRules.match("dob")).contains(PersonalData.BIRTH_DATE);
        assertThat(HeaderRules.match("Kreditkarte")).contains(PersonalData.CARD_NUMBER);
        assertThat(HeaderRules.match("IPAddress")).contains(PersonalData.IP_ADDRESS);
        assertThat(HeaderRules.match("IPv6")).contains(PersonalData.IP_ADDRESS);
        assertThat(HeaderRules.match("Geschlecht")).contains(PersonalData.GENDER);
        assertThat(HeaderRules.match("customerEmail")).contains(PersonalData.EMAIL);
        assertThat(HeaderRules.match("Homepage")).contains(PersonalData.WEBSITE);
    }

    @Test
    void headersThatOnlyMentionAPersonalWordAreNotClaims() {
        assertThat(HeaderRules.match("PhoneService")).isEmpty();
        assertThat(HeaderRules.match("MultipleLines")).isEmpty();
        assertThat(HeaderRules.match("product name")).isEmpty();
        assertThat(HeaderRules.match("NumWebPurchases")).isEmpty();
        assertThat(HeaderRules.match("contact")).isEmpty();
    }

    @Test
    void valuesAloneRecogniseEmailAddressesAndSayHowMany() {
        String[] values = repeat(50, "a1@example.com", "b2@example.org", "c3@example.net", "d4@example.de");
        Detection d = PersonalDataDetector.detect("col7", values, ColumnSpec.of("col7", ColumnKind.IDENTIFIER));
        assertThat(d.what()).isEqualTo(PersonalData.EMAIL);
        assertThat(d.role()).isEqualTo(PrivacyRole.DIRECT_IDENTIFIER);
        assertThat(d.action()).isEqualTo(MaskAction.FAKE);
        assertThat(d.evidence()).isEqualTo("100% of 50 values are e-mail addresses");
    }

    @Test
    void aValueRuleNeedsNinetyPercent() {
        String[] values = repeat(10, "x@example.com");
        values[0] = "not one";
        assertThat(PersonalDataDetector.detect("col", values, text("col")).evidence()).startsWith("90.0% of 10");
        values[1] = "nor this";
        assertThat(PersonalDataDetector.detect("col", values, text("col")).role()).isEqualTo(PrivacyRole.OTHER);
    }

    @Test
    void missingCellsAreLeftOutOfTheShare() {
        String[] values = repeat(20, "555-123-4567", "(555)987-6543");
        Arrays.fill(values, 0, 10, null);
        Detection d = PersonalDataDetector.detect("Telefon", values, text("Telefon"));
        assertThat(d.evidence()).isEqualTo("header says phone number; 100% of 10 values are phone numbers");
    }

    @Test
    void aHeaderClaimTheValuesDoNotBearOutIsKeptAndSaysSo() {
        Detection d = PersonalDataDetector.detect("Phone", repeat(8, "aa", "bb"), text("Phone"));
        assertThat(d.what()).isEqualTo(PersonalData.PHONE);
        assertThat(d.evidence()).isEqualTo("header says phone number; only 0.0% of 8 values are phone numbers");
    }

    @Test
    void valuesThatClearlySaySomethingElseWinOverTheHeader() {
        Detection d = PersonalDataDetector.detect("Name", repeat(10, "a@example.com", "b@example.com"), text("Name"));
        assertThat(d.what()).isEqualTo(PersonalData.EMAIL);
        assertThat(d.evidence()).startsWith("header says name, but 100% of 10 values");
    }

    @Test
    void bareDigitsAloneAreNotTakenForPhoneNumbersWithoutAHeader() {
        String[] digits = repeat(10, "5551234567", "5559876543");
        assertThat(PersonalDataDetector.detect("code", digits, text("code")).role()).isEqualTo(PrivacyRole.OTHER);
        assertThat(PersonalDataDetector.detect("Mobil", digits, text("Mobil")).what()).isEqualTo(PersonalData.PHONE);
    }

    @Test
    void ibansAndCardNumbersAreRecognisedByTheirCheckDigits() {
        String[] ibans = repeat(10, "DE13430609671234567890", "GB50DOPP40512312345678");
        assertThat(PersonalDataDetector.detect("konto", ibans, text("konto")).what()).isEqualTo(PersonalData.IBAN);
        String[] cards = repeat(10, "4111111111111111", "5500000000000004");
        Detection card = PersonalDataDetector.detect("pay", cards, ColumnSpec.of("pay", ColumnKind.INTEGER));
        assertThat(card.what()).isEqualTo(PersonalData.CARD_NUMBER);
        String[] broken = repeat(10, "4111111111111112", "5500000000000005");
        assertThat(PersonalDataDetector.detect("pay", broken, ColumnSpec.of("pay", ColumnKind.INTEGER)).role())
                .isEqualTo(PrivacyRole.OTHER);
    }

    @Test
    void ipAddressesOfBothVersionsAreRecognised() {
        String[] ips = repeat(10, "10.0.0.1", "2001:db8::1", "192.168.1.20");
        assertThat(PersonalDataDetector.detect("src", ips, text("src")).what()).isEqualTo(PersonalData.IP_ADDRESS);
    }

    @Test
    void birthDatesAreConfirmedByPlausibleAges() {
        ColumnSpec date = new ColumnSpec("dob", ColumnKind.DATE, 0, "yyyy-MM-dd", null, null, "", false);
        Detection d = PersonalDataDetector.detect("dob", repeat(10, "1980-01-31", "2001-12-01"), date);
        assertThat(d.role()).isEqualTo(PrivacyRole.QUASI_IDENTIFIER);
        assertThat(d.evidence()).contains("100% of 10 values");
        Detection implausible = PersonalDataDetector.detect("dob", repeat(10, "1700-01-31", "3001-12-01"), date);
        assertThat(implausible.evidence()).contains("only 0.0% of 10 values");
        ColumnSpec other = new ColumnSpec("signed", ColumnKind.DATE, 0, "yyyy-MM-dd", null, null, "", false);
        assertThat(PersonalDataDetector.detect("signed", repeat(10, "1980-01-31"), other).role())
                .as("a date without a birth-date header").isEqualTo(PrivacyRole.OTHER);
    }

    @Test
    void aUniqueColumnWithoutAPersonalHeaderIsARecordKey() {
        Detection d = PersonalDataDetector.detect("Index", repeat(5, "1", "2", "3", "4", "5"),
                ColumnSpec.of("Index", ColumnKind.IDENTIFIER));
        assertThat(d.what()).isEqualTo(PersonalData.RECORD_ID);
        assertThat(d.role()).isEqualTo(PrivacyRole.DIRECT_IDENTIFIER);
        assertThat(d.action()).isEqualTo(MaskAction.PSEUDONYMISE);
    }

    @Test
    void evidenceNeverHoldsACellValue() {
        String[] values = repeat(20, "zq-marker-1@example.com", "zq-marker-2", "+49 30 99887766");
        for (String header : new String[] {"Email", "Name", "Phone", "col", "Vorname"}) {
            Detection d = PersonalDataDetector.detect(header, values, text(header));
            assertThat(d.evidence()).doesNotContain("zq-marker").doesNotContain("99887766").doesNotContain("example");
        }
    }
}
