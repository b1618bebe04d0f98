package dev.doppel.db;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.doppel.CliRunner.Run;
import dev.doppel.TestData;
import dev.doppel.error.OutputException;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.pipeline.TableLoading;
import dev.doppel.pipeline.TableRequest;
import dev.doppel.pipeline.TableResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading into a real PostgreSQL server through COPY. Runs when {@code DOPPEL_TEST_PG_URL} names a server (.ci/run
 * starts a private one from the machine's Debian packages and sets it) and the shared telco data is there; skips with
 * a message otherwise. Everything happens in a schema of its own, dropped at the end.
 */
class PostgresLoadTest {
    static final long MILLION = 1_000_000;

    @TempDir
    static Path dir;

    static String url;
    static String schema;
    static SynthModel model;

    @BeforeAll
    static void setUp() throws Exception {
        url = System.getenv("DOPPEL_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "skipped: DOPPEL_TEST_PG_URL is not set (.ci/run starts a private"
                + " PostgreSQL server and sets it, e.g. jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres)");
        Path telco = TestData.require("telco_churn.csv");
        Path modelFile = dir.resolve("telco.model.json");
        Run fit = doppel("fit", telco.toString(), "--profile", "profiles/telco.yaml", "-o", modelFile.toString(), "-q");
        assertThat(fit.code()).as(fit.err()).isZero();
        model = ModelFile.read(modelFile);
        schema = "doppel_test_" + Long.toHexString(System.nanoTime());
        sql("CREATE SCHEMA " + schema);
        String pwUser = System.getenv("DOPPEL_TEST_PG_PASSWORD_USER");
        if (pwUser != null) {
            sql("GRANT ALL ON SCHEMA " + schema + " TO " + pwUser);
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static DatabaseTarget target(String table, IfExists ifExists) {
        return DatabaseTarget.parse(url, schema + "." + table, ifExists);
    }

    /**
     * A million telco-like rows through COPY: the same count, the declared types, and per-column summaries computed
     * by PostgreSQL equal to those of the CSV written from the same seed.
     */
    @Test
    void aMillionRowsThroughCopyMatchTheCsvOfTheSameSeed() throws Exception {
        TableResult loaded = TableLoading.run(
                new TableRequest(model, MILLION, 7, 2, target("telco", IfExists.FAIL)), Progress.NONE);
        assertThat(loaded.action()).isEqualTo(TableLoader.Action.CREATED);
        assertThat(count("telco")).isEqualTo(MILLION);

        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable"
                        + " FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name = 'telco'"
                        + " ORDER BY ordinal_position")) {
            while (rs.next()) {
                String type = rs.getString(2);
                if (rs.getObject(3) != null) {
                    type += "(" + rs.getInt(3) + ")";
                } else if (type.equals("numeric")) {
                    type += "(" + rs.getInt(4) + "," + rs.getInt(5) + ")";
                }
                types.put(rs.getString(1), type + (rs.getString(6).equals("NO") ? " not null" : ""));
            }
        }
        // 21 columns; only TotalCharges has empty cells in the real data (11 rows), so only it is nullable
        assertThat(types).hasSize(21)
                .containsEntry("customerID", "character varying(10) not null")
                .containsEntry("gender", "character varying(6) not null")
                .containsEntry("SeniorCitizen", "boolean not null")
                .containsEntry("tenure", "integer not null")
                .containsEntry("MultipleLines", "character varying(16) not null")
                .containsEntry("PaymentMethod", "character varying(25) not null")
                .containsEntry("MonthlyCharges", "numeric(18,2) not null")
                .containsEntry("TotalCharges", "numeric(18,2)")
                .containsEntry("Churn", "boolean not null");

        Path csv = dir.resolve("telco.csv");
        Sampling.run(new SampleRequest(model, MILLION, 7, 2, OutputFormat.CSV, Compression.SNAPPY, csv, true),
                Progress.NONE);
        try (Connection c = connect()) {
            TableSummaries.assertSame(TableSummaries.ofTable(c, schema + ".telco", model.columns()),
                    TableSummaries.ofCsv(csv, model.columns(), ','));
        }
        Files.delete(csv);
    }

    /** Missing column, too-short VARCHAR, NOT NULL the model cannot fill: refused before any row, columns named. */
    @Test
    void refusesIncompatibleTablesBeforeWritingAnything() throws Exception {
        String columns = "\"customerID\" VARCHAR(10), gender TEXT, \"SeniorCitizen\" BOOLEAN, \"Partner\" BOOLEAN,"
                + " \"Dependents\" BOOLEAN, tenure INTEGER, \"PhoneService\" BOOLEAN, \"MultipleLines\" TEXT,"
                + " \"InternetService\" TEXT, \"OnlineSecurity\" TEXT, \"OnlineBackup\" TEXT, \"DeviceProtection\" TEXT,"
                + " \"TechSupport\" TEXT, \"StreamingTV\" TEXT, \"StreamingMovies\" TEXT, \"Contract\" TEXT,"
                + " \"PaperlessBilling\" BOOLEAN, \"PaymentMethod\" TEXT, \"MonthlyCharges\" NUMERIC(8,2),"
                + " \"TotalCharges\" NUMERIC(10,2), \"Churn\" BOOLEAN";
        sql("CREATE TABLE " + schema + ".fits (" + columns + ")",
                "CREATE TABLE " + schema + ".no_contract (" + columns.replace(" \"Contract\" TEXT,", "") + ")",
                "CREATE TABLE " + schema + ".short_payment ("
                        + columns.replace("\"PaymentMethod\" TEXT", "\"PaymentMethod\" VARCHAR(12)") + ")",
                "CREATE TABLE " + schema + ".total_not_null ("
                        + columns.replace("\"TotalCharges\" NUMERIC(10,2)", "\"TotalCharges\" NUMERIC(10,2) NOT NULL") + ")",
                "CREATE TABLE " + schema + ".all_three (" + columns.replace(" \"Contract\" TEXT,", "")
                        .replace("\"PaymentMethod\" TEXT", "\"PaymentMethod\" VARCHAR(12)")
                        .replace("\"TotalCharges\" NUMERIC(10,2)", "\"TotalCharges\" NUMERIC(10,2) NOT NULL")
                        + ", region TEXT NOT NULL, note TEXT, created TIMESTAMP NOT NULL DEFAULT now())");
        assertRefused("no_contract", "\"Contract\" is missing");
        assertRefused("short_payment", "\"PaymentMethod\" is VARCHAR(12): too short: the model's values take up to 25"
                + " characters");
        assertRefused("total_not_null", "\"TotalCharges\" is NOT NULL, but the model leaves 0.2% of its cells empty");
        String all = refusal("all_three");
        assertThat(all).contains("\"Contract\" is missing", "\"PaymentMethod\" is VARCHAR(12)",
                        "\"TotalCharges\" is NOT NULL", "\"region\" is NOT NULL without a default")
                .doesNotContain("\"note\"", "\"created\"");
        for (String table : new String[] {"no_contract", "short_payment", "total_not_null", "all_three"}) {
            assertThat(count(table)).as(table).isZero();
        }
        // the same columns in a fitting shape take the rows
        TableResult ok = TableLoading.run(new TableRequest(model, 5000, 1, 2, target("fits", IfExists.APPEND)),
                Progress.NONE);
        assertThat(ok.action()).isEqualTo(TableLoader.Action.APPENDED);
        assertThat(count("fits")).isEqualTo(5000);
    }

    private static void assertRefused(String table, String problem) {
        assertThat(refusal(table)).contains(problem);
    }

    private static String refusal(String table) {
        try {
            TableLoading.run(new TableRequest(model, 5000, 1, 2, target(table, IfExists.APPEND)), Progress.NONE);
        } catch (OutputException e) {
            assertThat(e.getMessage()).contains("does not fit the model, nothing was written");
            return e.getMessage();
        }
        throw new AssertionError(table + " was not refused");
    }

    /** A row the server refuses midway rolls back the whole COPY; a created table disappears with it. */
    @Test
    void aFailedLoadLeavesTheTableAsItWas() throws Exception {
        TableLoading.run(new TableRequest(model, 20, 1, 1, target("checked", IfExists.FAIL)), Progress.NONE);
        sql("DELETE FROM " + schema + ".checked WHERE tenure >= 70",
                "ALTER TABLE " + schema + ".checked ADD CONSTRAINT short_tenure CHECK (tenure < 70)");
        long before = count("checked");
        assertThat(before).isPositive();
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 200_000, 2, 2, target("checked", IfExists.APPEND)), Progress.NONE))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("rolled back")
                .hasMessageContaining("SQLSTATE 23514")
                .hasMessageContaining("constraint short_tenure")
                .hasMessageNotContaining("Failing row");
        assertThat(count("checked")).isEqualTo(before);

        Progress stop = new Progress() {
            @Override
            public void start(String task, long total) {}

            @Override
            public void advance(long done) {
                if (done > 50_000) {
                    throw new IllegalStateException("stopped");
                }
            }

            @Override
            public void finish() {}
        };
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 200_000, 2, 2, target("never", IfExists.FAIL)), stop)).hasMessage("stopped");
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('" + schema + ".never')")) {
            rs.next();
            assertThat(rs.getString(1)).as("table created by the failed load").isNull();
        }
    }

    /**
     * Passwords come from PGPASSWORD or a .pgpass file (read by the driver), never the command line; a failed login
     * names the database, not the password.
     */
    @Test
    void passwordsComeFromTheEnvironmentOrAPgpassFile() throws Exception {
        String user = System.getenv("DOPPEL_TEST_PG_PASSWORD_USER");
        String password = System.getenv("DOPPEL_TEST_PG_PASSWORD");
        assumeTrue(user != null && password != null,
                "skipped: DOPPEL_TEST_PG_PASSWORD_USER/DOPPEL_TEST_PG_PASSWORD not set (.ci/run sets them)");
        String base = url.substring(0, url.indexOf('?'));
        DatabaseTarget asUser = DatabaseTarget.parse(base + "?user=" + user, schema + ".secured", IfExists.APPEND);
        String pgpassProperty = "org.postgresql.pgpassfile";
        Path pgpass = dir.resolve("pgpass");
        try {
            System.setProperty(pgpassProperty, dir.resolve("no-such-pgpass").toString());
            assertThatThrownBy(() -> TableLoading.run(new TableRequest(model, 100, 1, 1, asUser), Progress.NONE, Map.of()))
                    .isInstanceOf(OutputException.class)
                    .hasMessageContaining("cannot connect")
                    .hasMessageNotContaining(password);

            TableLoading.run(new TableRequest(model, 100, 1, 1, asUser), Progress.NONE, Map.of("PGPASSWORD", password));
            assertThat(count("secured")).isEqualTo(100);

            String hostPort = base.substring("jdbc:postgresql://".length(), base.lastIndexOf('/'));
            Files.writeString(pgpass, hostPort.replace(':', '\u0000').replace("\u0000", ":") + ":*:" + user + ":"
                    + password + "\n");
            System.setProperty(pgpassProperty, pgpass.toString());
            DatabaseTarget noUser = DatabaseTarget.parse(base, schema + ".secured", IfExists.APPEND);
            TableLoading.run(new TableRequest(model, 100, 2, 1, noUser), Progress.NONE, Map.of("PGUSER", user));
            assertThat(count("secured")).isEqualTo(200);
        } finally {
            System.clearProperty(pgpassProperty);
        }
    }
}
