package dev.doppel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What detection makes of the real datasets: the two PII-shaped ones have every personal column found with the role a
 * data-protection officer expects; the two business datasets have no direct identifier but their customer key.
 */
class DatasetPersonalDataTest {

    private record Found(RawTable table, Map<String, Detection> byColumn) {
        Detection of(String column) {
            return byColumn.get(column);
        }

        Set<String> directIdentifiers() {
            Set<String> direct = new HashSet<>();
            byColumn.forEach((name, d) -> {
                if (d.role() == PrivacyRole.DIRECT_IDENTIFIER) {
                    direct.add(name);
                }
            });
            return direct;
        }
    }

    private static Found detect(String dataset) {
        RawTable table = TableReaders.read(TestData.require(dataset), ReadOptions.DEFAULTS);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        List<Detection> detections =
                PersonalDataDetector.detect(table, inferred.stream().map(ColumnProfile::spec).toList());
        Map<String, Detection> byColumn = new LinkedHashMap<>();
        for (int c = 0; c < table.columnCount(); c++) {
            byColumn.put(table.names().get(c), detections.get(c));
        }
        return new Found(table, byColumn);
    }

    private static void assertDetected(Found found, String column, PrivacyRole role, PersonalData what) {
        Detection d = found.of(column);
        assertThat(d.role()).as(column + ": " + d.evidence()).isEqualTo(role);
        assertThat(d.what()).as(column + ": " + d.evidence()).isEqualTo(what);
    }

    /** No evidence quotes a cell: no value of six characters or more of its column appears in it. */
    private static void assertEvidenceHoldsNoValue(Found found) {
        for (int c = 0; c < found.table().columnCount(); c++) {
            String evidence = found.of(found.table().names().get(c)).evidence();
            for (String v : new HashSet<>(List.of(found.table().column(c)))) {
                if (v != null && v.length() >= 6) {
                    assertThat(evidence).doesNotContain(v);
                }
            }
        }
    }

    @Test
    void customersPiiHasEveryPersonalColumnFound() {
        Found found = detect("customers_pii_10000.csv");
        assertDetected(found, "Index", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.RECORD_ID);
        assertDetected(found, "Customer Id", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.CUSTOMER_ID);
        assertDetected(found, "First Name", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.FIRST_NAME);
        assertDetected(found, "Last Name", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.LAST_NAME);
        assertDetected(found, "Company", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.COMPANY);
        assertDetected(found, "City", PrivacyRole.QUASI_IDENTIFIER, PersonalData.CITY);
        assertDetected(found, "Country", PrivacyRole.QUASI_IDENTIFIER, PersonalData.COUNTRY);
        assertDetected(found, "Phone 1", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.PHONE);
        assertDetected(found, "Phone 2", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.PHONE);
        assertDetected(found, "Email", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.EMAIL);
        assertDetected(found, "Website", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.WEBSITE);
        assertDetected(found, "Subscription Date", PrivacyRole.OTHER, null);
        assertThat(found.of("Email").evidence())
                .isEqualTo("header says e-mail; 100% of the first 5,000 values are e-mail addresses");
        assertThat(found.of("Phone 1").evidence()).contains("of the first 5,000 values are phone numbers");
        assertThat(found.of("Website").evidence()).contains("100% of the first 5,000 values are web addresses");
        assertEvidenceHoldsNoValue(found);
    }

    @Test
    void peoplePiiHasEveryPersonalColumnFound() {
        Found found = detect("people_pii_1000.csv");
        assertDetected(found, "User Id", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.CUSTOMER_ID);
        assertDetected(found, "First Name", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.FIRST_NAME);
        assertDetected(found, "Last Name", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.LAST_NAME);
        assertDetected(found, "Sex", PrivacyRole.QUASI_IDENTIFIER, PersonalData.GENDER);
        assertDetected(found, "Email", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.EMAIL);
        assertDetected(found, "Phone", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.PHONE);
        assertDetected(found, "Date of birth", PrivacyRole.QUASI_IDENTIFIER, PersonalData.BIRTH_DATE);
        assertDetected(found, "Job Title", PrivacyRole.QUASI_IDENTIFIER, PersonalData.JOB_TITLE);
        assertThat(found.of("Phone").evidence()).isEqualTo("header says phone number; 100% of 1,000 values are phone numbers");
        assertThat(found.of("Date of birth").evidence()).contains("of 1,000 values are dates");
        assertThat(found.of("Date of birth").action()).isEqualTo(MaskAction.GENERALISE);
        assertEvidenceHoldsNoValue(found);
    }

    @Test
    void telcoChurnHasNoDirectIdentifierButItsCustomerId() {
        Found found = detect("telco_churn.csv");
        assertThat(found.directIdentifiers()).containsExactly("customerID");
        assertDetected(found, "customerID", PrivacyRole.DIRECT_IDENTIFIER, PersonalData.CUSTOMER_ID);
        assertDetected(found, "gender", PrivacyRole.QUASI_IDENTIFIER, PersonalData.GENDER);
        assertDetected(found, "PhoneService", PrivacyRole.OTHER, null);
        assertDetected(found, "MultipleLines", PrivacyRole.OTHER, null);
    }

    @Test
    void bankMarketingHasNoDirectIdentifier() {
        Found found = detect("bank_marketing.csv");
        assertThat(found.directIdentifiers()).isEmpty();
        assertDetected(found, "age", PrivacyRole.QUASI_IDENTIFIER, PersonalData.AGE);
        assertDetected(found, "job", PrivacyRole.QUASI_IDENTIFIER, PersonalData.JOB_TITLE);
        assertDetected(found, "contact", PrivacyRole.OTHER, null);
        assertDetected(found, "balance", PrivacyRole.OTHER, null);
    }
}
