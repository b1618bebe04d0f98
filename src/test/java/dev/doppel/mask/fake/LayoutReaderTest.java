package dev.doppel.mask.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.privacy.PersonalData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layout reader masking uses gives {@link Fakes#layoutOf}'s layout for every value, real or awkward. */
class LayoutReaderTest {
    private static final List<PersonalData> KINDS = List.of(PersonalData.PHONE, PersonalData.EMAIL,
            PersonalData.WEBSITE, PersonalData.CUSTOMER_ID, PersonalData.RECORD_ID, PersonalData.POSTCODE,
            PersonalData.IBAN, PersonalData.CARD_NUMBER, PersonalData.IP_ADDRESS, PersonalData.FULL_NAME,
            PersonalData.FIRST_NAME, PersonalData.LAST_NAME, PersonalData.COMPANY, PersonalData.CITY);

    /**
     * Pieces awkward values are made of: prefixes and punctuation phones use, the "(0)" trunk mark, e-mail and URL
     * parts in mixed case, reserved and free-mail domains, two-label suffixes, white space, and non-ASCII letters whose
     * case mapping is not ASCII's (dotless i, Kelvin sign, dotted capital I).
     */
    private static final List<String> PIECES = List.of("+", "00", "0", "(0)", "(0", "(", ")", "1", "44", "353", "7",
            "555", "12", "-", ".", " ", "x", "#", "/", "@", "@", "www.", "WWW.", "http://", "HTTPS://", "https://",
            ":8080", "?q", "#top", "example", "Example.", ".test", ".INVALID", ".localhost", "gmx.de", "GMAIL.com",
            "yahoo.co.uk", "co.uk", ".com", ".Org", ".museum", ".au", "com.au", "max", "Muster", "_", "a", "B", "f",
            "F", "g", "Z", "DE", "4111", "ı", "K", "İ", "é", "Jürgen", "\t", "DE13 4306 0967 1234 5678 90",
            "4111-1111-1111-1111", "2001:db8::1", "192.168.0.1", ",", "Groß, Jürgen");

    @Test
    void awkwardValuesGetTheSameLayoutAsLayoutsGives() {
        SplittableRandom rnd = new SplittableRandom(5);
        LayoutReader reader = new LayoutReader();
        int withLayout = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder value = new StringBuilder();
            int pieces = 1 + rnd.nextInt(7);
            for (int p = 0; p < pieces; p++) {
                value.append(PIECES.get(rnd.nextInt(PIECES.size())));
            }
            String v = value.toString();
            for (PersonalData what : KINDS) {
                String expected = Fakes.layoutOf(what, v);
                assertThat(reader.layoutOf(what, v)).as("%s of value #%d", what, i).isEqualTo(expected);
                withLayout += expected != null ? 1 : 0;
            }
        }
        assertThat(withLayout).as("values that have a layout (so both paths were compared)").isGreaterThan(100_000);
        assertThat(reader.layoutOf(PersonalData.PHONE, null)).isNull();
        assertThat(reader.layoutOf(PersonalData.EMAIL, "")).isNull();
        assertThat(reader.layoutOf(PersonalData.CUSTOMER_ID, "a".repeat(65))).isNull();
    }

    @Test
    void realValuesGetTheSameLayoutAsLayoutsGives() {
        LayoutReader reader = new LayoutReader();
        String customers = "customers_pii_10000.csv";
        String people = "people_pii_1000.csv";
        check(reader, PersonalData.PHONE, PiiColumns.column(customers, "Phone 1"));
        check(reader, PersonalData.PHONE, PiiColumns.column(customers, "Phone 2"));
        check(reader, PersonalData.PHONE, PiiColumns.column(people, "Phone"));
        check(reader, PersonalData.EMAIL, PiiColumns.column(customers, "Email"));
        check(reader, PersonalData.EMAIL, PiiColumns.column(people, "Email"));
        check(reader, PersonalData.WEBSITE, PiiColumns.column(customers, "Website"));
        check(reader, PersonalData.CUSTOMER_ID, PiiColumns.column(customers, "Customer Id"));
        check(reader, PersonalData.RECORD_ID, PiiColumns.column(people, "User Id"));
        check(reader, PersonalData.RECORD_ID, PiiColumns.column(people, "Index"));
    }

    private static void check(LayoutReader reader, PersonalData what, List<String> values) {
        for (String v : values) {
            assertThat(reader.layoutOf(what, v)).as(what.key()).isEqualTo(Fakes.layoutOf(what, v));
        }
    }
}
