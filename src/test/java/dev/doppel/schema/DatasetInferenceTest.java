package dev.doppel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What inference makes of every column of the real datasets in the shared folder, written down column by column: the
 * kind and format a user would expect, the missing counts the datasets' README gives, and the dialect.
 */
class DatasetInferenceTest {

    /** Reads a shared dataset and infers it; skips the test when the dataset is absent. */
    private static Inferred infer(String dataset) {
        RawTable table = TableReaders.read(TestData.require(dataset), ReadOptions.DEFAULTS);
        return new Inferred(table, SchemaInference.infer(table, Map.of()));
    }

    private record Inferred(RawTable table, List<ColumnProfile> columns) {
        /** Column name to {@link ColumnSpec#describe()}, in file order. */
        Map<String, String> kinds() {
            Map<String, String> kinds = new LinkedHashMap<>();
            for (ColumnProfile c : columns) {
                kinds.put(c.spec().name(), c.spec().describe());
            }
            return kinds;
        }

        ColumnProfile column(String name) {
            return columns.stream().filter(c -> c.spec().name().equals(name)).findFirst().orElseThrow();
        }
    }

    private static Map<String, String> expected(String... nameThenKind) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenKind.length; i += 2) {
            map.put(nameThenKind[i], nameThenKind[i + 1]);
        }
        return map;
    }

    @Test
    void telcoChurnColumnsHaveTheExpectedKinds() {
        Inferred telco = infer("telco_churn.csv");
        assertThat(telco.table().rows()).isEqualTo(7043);
        assertThat(telco.kinds()).containsExactlyEntriesOf(expected(
                "customerID", "identifier",
                "gender", "categorical",
                "SeniorCitizen", "boolean 0/1",
                "Partner", "boolean No/Yes",
                "Dependents", "boolean No/Yes",
                "tenure", "integer",
                "PhoneService", "boolean No/Yes",
                "MultipleLines", "categorical",
                "InternetService", "categorical",
                "OnlineSecurity", "categorical",
                "OnlineBackup", "categorical",
                "DeviceProtection", "categorical",
                "TechSupport", "categorical",
                "StreamingTV", "categorical",
                "StreamingMovies", "categorical",
                "Contract", "categorical",
                "PaperlessBilling", "boolean No/Yes",
                "PaymentMethod", "categorical",
                "MonthlyCharges", "decimal(2)",
                "TotalCharges", "decimal(2)",
                "Churn", "boolean No/Yes"));
        ColumnProfile total = telco.column("TotalCharges");
        assertThat(total.missingCount()).isEqualTo(11);
        assertThat(total.spec().missing()).as("its missing cells are a single space").isEqualTo(" ");
        assertThat(telco.column("customerID").distinct()).isEqualTo(7043);
        assertThat(telco.column("PaymentMethod").distinct()).isEqualTo(4);
        assertThat(telco.table().dialect()).isEqualTo(new FileDialect(',', false, "\r\n", false, false));
    }

    @Test
    void bankMarketingColumnsHaveTheExpectedKinds() {
        Inferred bank = infer("bank_marketing.csv");
        assertThat(bank.table().rows()).isEqualTo(45211);
        assertThat(bank.kinds()).containsExactlyEntriesOf(expected(
                "age", "integer",
                "job", "categorical",
                "marital", "categorical",
                "education", "categorical",
                "default", "boolean no/yes",
                "balance", "integer",
                "housing", "boolean no/yes",
                "loan", "boolean no/yes",
                "contact", "categorical",
                "day", "integer",
                "month", "categorical",
                "duration", "integer",
                "campaign", "integer",
                "pdays", "integer",
                "previous", "integer",
                "poutcome", "categorical",
                "y", "boolean no/yes"));
        // "unknown" is a category of its own in this file, not a default missing marker
        for (ColumnProfile c : bank.columns()) {
            assertThat(c.missingCount()).as(c.spec().name()).isZero();
        }
        assertThat(bank.column("month").distinct()).isEqualTo(12);
        assertThat(bank.column("job").distinct()).isEqualTo(12);
        assertThat(bank.table().dialect()).isEqualTo(new FileDialect(';', false, "\n", true, false));
    }

    @Test
    void marketingCampaignColumnsHaveTheExpectedKinds() {
        Inferred marketing = infer("marketing_campaign.tsv");
        assertThat(marketing.table().rows()).isEqualTo(2240);
        assertThat(marketing.kinds()).containsExactlyEntriesOf(expected(
                "ID", "identifier",
                "Year_Birth", "integer",
                "Education", "categorical",
                "Marital_Status", "categorical",
                "Income", "integer",
                "Kidhome", "integer",
                "Teenhome", "integer",
                "Dt_Customer", "date dd-MM-yyyy",
                "Recency", "integer",
                "MntWines", "integer",
                "MntFruits", "integer",
                "MntMeatProducts", "integer",
                "MntFishProducts", "integer",
                "MntSweetProducts", "integer",
                "MntGoldProds", "integer",
                "NumDealsPurchases", "integer",
                "NumWebPurchases", "integer",
                "NumCatalogPurchases", "integer",
                "NumStorePurchases", "integer",
                "NumWebVisitsMonth", "integer",
                "AcceptedCmp3", "boolean 0/1",
                "AcceptedCmp4", "boolean 0/1",
                "AcceptedCmp5", "boolean 0/1",
                "AcceptedCmp1", "boolean 0/1",
                "AcceptedCmp2", "boolean 0/1",
                "Complain", "boolean 0/1",
                "Z_CostContact", "integer",
                "Z_Revenue", "integer",
                "Response", "boolean 0/1"));
        assertThat(marketing.column("Income").missingCount()).isEqualTo(24);
        assertThat(marketing.column("Income").spec().missing()).isEmpty();
        assertThat(marketing.column("Dt_Customer").notes()).as("the data says day first").isEmpty();
        assertThat(marketing.column("Z_CostContact").distinct()).isEqualTo(1);
        assertThat(marketing.column("Z_CostContact").notes()).contains("constant");
        assertThat(marketing.column("Z_Revenue").notes()).contains("constant");
        assertThat(marketing.column("Marital_Status").distinct()).isEqualTo(8);
        assertThat(marketing.table().dialect()).isEqualTo(new FileDialect('\t', false, "\r\n", false, false));
    }

    @Test
    void adultColumnsHaveTheExpectedKindsWithPaddingTrimmed() {
        Inferred adult = infer("adult.csv");
        assertThat(adult.table().rows()).as("the trailing blank line is not a row").isEqualTo(32561);
        assertThat(adult.kinds()).containsExactlyEntriesOf(expected(
                "age", "integer",
                "workclass", "categorical",
                "fnlwgt", "integer",
                "education", "categorical",
                "education-num", "integer",
                "marital-status", "categorical",
                "occupation", "categorical",
                "relationship", "categorical",
                "race", "categorical",
                "sex", "categorical",
                "capital-gain", "integer",
                "capital-loss", "integer",
                "hours-per-week", "integer",
                "native-country", "categorical",
                "class", "categorical"));
        assertThat(adult.column("workclass").missingCount()).isEqualTo(1836);
        assertThat(adult.column("occupation").missingCount()).isEqualTo(1843);
        assertThat(adult.column("native-country").missingCount()).isEqualTo(583);
        // " ?" after ", ": the padding belongs to the separator, the marker is "?"
        assertThat(adult.column("workclass").spec().missing()).isEqualTo("?");
        assertThat(adult.column("workclass").distinct()).isEqualTo(8);
        assertThat(adult.column("class").distinct()).isEqualTo(2);
        String[] classes = adult.table().column(adult.table().indexOf("class"));
        assertThat(classes).as("values are trimmed").contains("<=50K", ">50K").doesNotContain(" <=50K");
        assertThat(adult.table().dialect()).isEqualTo(new FileDialect(',', true, "\n", false, false));
    }

    @Test
    void mallCustomersColumnsHaveTheExpectedKinds() {
        Inferred mall = infer("mall_customers.csv");
        assertThat(mall.table().rows()).as("the last line has no newline").isEqualTo(200);
        assertThat(mall.kinds()).containsExactlyEntriesOf(expected(
                "CustomerID", "identifier",
                "Genre", "categorical",
                "Age", "integer",
                "Annual Income (k$)", "integer",
                "Spending Score (1-100)", "integer"));
        String[] ids = mall.table().column(0);
        assertThat(ids[0]).as("zero padding is kept").isEqualTo("0001");
        assertThat(mall.table().dialect()).isEqualTo(new FileDialect(',', false, "\r\n", false, false));
    }

    @Test
    void customersPiiColumnsHaveTheExpectedKinds() {
        Inferred customers = infer("customers_pii_10000.csv");
        assertThat(customers.table().rows()).isEqualTo(10000);
        assertThat(customers.kinds()).containsExactlyEntriesOf(expected(
                "Index", "identifier",
                "Customer Id", "identifier",
                "First Name", "categorical",
                "Last Name", "categorical",
                "Company", "text",
                "City", "text",
                "Country", "categorical",
                "Phone 1", "identifier",
                "Phone 2", "identifier",
                "Email", "identifier",
                "Subscription Date", "date yyyy-MM-dd",
                "Website", "text"));
        assertThat(customers.column("Country").distinct()).isEqualTo(243);
        String[] companies = customers.table().column(customers.table().indexOf("Company"));
        assertThat(java.util.Arrays.stream(companies).filter(c -> c.contains(",")).count())
                .as("quoted companies keep their commas").isEqualTo(3360);
        assertThat(customers.table().dialect()).isEqualTo(new FileDialect(',', false, "\n", false, false));
    }

    @Test
    void peoplePiiColumnsHaveTheExpectedKinds() {
        Inferred people = infer("people_pii_1000.csv");
        assertThat(people.table().rows()).isEqualTo(1000);
        assertThat(people.kinds()).containsExactlyEntriesOf(expected(
                "Index", "identifier",
                "User Id", "identifier",
                "First Name", "text",
                "Last Name", "text",
                "Sex", "categorical",
                "Email", "identifier",
                "Phone", "identifier",
                "Date of birth", "date yyyy-MM-dd",
                "Job Title", "text"));
        assertThat(people.column("Sex").distinct()).isEqualTo(2);
        assertThat(people.table().dialect()).isEqualTo(new FileDialect(',', false, "\n", false, false));
    }

    @Test
    void noDatasetHasAColumnLeftEmptyOrUnnamed() {
        for (String dataset : TestData.ALL) {
            Inferred inferred = infer(dataset);
            for (ColumnProfile c : inferred.columns()) {
                assertThat(c.spec().name()).as(dataset).isNotBlank().doesNotStartWith(" ").doesNotStartWith("\uFEFF");
                assertThat(c.spec().kind()).as(dataset + " " + c.spec().name()).isNotEqualTo(ColumnKind.EMPTY);
                assertThat(c.rows()).isEqualTo(inferred.table().rows());
            }
        }
    }
}
