package dev.doppel.db;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.CliRunner.Run;
import dev.doppel.error.ExitCodes;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading into the embedded database (SQLite): needs no server, so it always runs. The model is fitted from the demo
 * table that ships with Doppel (profiles/data/demo_customers.csv: ids, dates, date-times, decimals with empty cells,
 * booleans in two spellings, labels with umlauts).
 */
class SqliteLoadTest {
    static final int ROWS = 20_000;

    @TempDir
    static Path dir;

    static Path modelFile;
    static SynthModel model;

    @BeforeAll
    static void fit() {
        modelFile = dir.resolve("demo.model.json");
        Run fit = doppel("fit", "profiles/data/demo_customers.csv", "--profile", "profiles/demo.yaml", "-o",
                modelFile.toString(), "-q");
        assertThat(fit.code()).as(fit.err()).isZero();
        model = ModelFile.read(modelFile);
    }

    private static DatabaseTarget target(String file, String table, IfExists ifExists) {
        return DatabaseTarget.parse("sqlite:" + dir.resolve(file), table, ifExists);
    }

    private static Connection open(String file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(String file, String... sql) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void createsTheTableFromTheModelAndHoldsWhatTheCsvOfTheSameSeedHolds() throws Exception {
        TableResult result = TableLoading.run(
                new TableRequest(model, ROWS, 5, 2, target("same.db", "customers", IfExists.APPEND)), Progress.NONE);
        assertThat(result.action()).isEqualTo(TableLoader.Action.CREATED);
        assertThat(result.rows()).isEqualTo(ROWS);
        Path csv = dir.resolve("same.csv");
        Sampling.run(new SampleRequest(model, ROWS, 5, 3, OutputFormat.CSV, Compression.SNAPPY, csv, true),
                Progress.NONE);
        try (Connection c = open("same.db")) {
            assertThat(count(c, "customers")).isEqualTo(ROWS);
            List<String> declared = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(customers)")) {
                while (rs.next()) {
                    declared.add(rs.getString(2) + " " + rs.getString(3) + (rs.getInt(4) == 1 ? " NOT NULL" : ""));
                }
            }
            // ids have the shape C-dddddd; total_spend is empty where tenure is 0, so it stays nullable
            assertThat(declared).containsExactly(
                    "customer_id VARCHAR(8) NOT NULL", "signup_date DATE NOT NULL", "age INTEGER NOT NULL",
                    "gender VARCHAR(7) NOT NULL", "region VARCHAR(19) NOT NULL", "plan VARCHAR(7) NOT NULL",
                    "contract VARCHAR(8) NOT NULL", "tenure_months INTEGER NOT NULL", "monthly_fee REAL NOT NULL",
                    "total_spend REAL", "newsletter BOOLEAN NOT NULL", "support_calls INTEGER NOT NULL",
                    "last_login TIMESTAMP NOT NULL", "churned BOOLEAN NOT NULL");
            TableSummaries.assertSame(TableSummaries.ofTable(c, "customers", model.columns()),
                    TableSummaries.ofCsv(csv, model.columns(), ','));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT typeof(signup_date), typeof(monthly_fee), typeof(newsletter), typeof(age) FROM customers LIMIT 1")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .containsExactly("text", "real", "integer", "integer");
            }
        }
    }

    @Test
    void theSameRowsWhateverTheThreadCount() throws Exception {
        TableLoading.run(new TableRequest(model, 30_000, 9, 1, target("threads.db", "one", IfExists.FAIL)), Progress.NONE);
        TableLoading.run(new TableRequest(model, 30_000, 9, 3, target("threads.db", "three", IfExists.FAIL)), Progress.NONE);
        try (Connection c = open("threads.db"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM (SELECT * FROM one EXCEPT SELECT * FROM three)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            assertThat(count(c, "one")).isEqualTo(30_000);
            assertThat(count(c, "three")).isEqualTo(30_000);
        }
    }

    @Test
    void appendsToAFittingTableReplacesOrRefusesAsAsked() throws Exception {
        TableLoading.run(new TableRequest(model, 1000, 1, 2, target("modes.db", "t", IfExists.APPEND)), Progress.NONE);
        TableResult again = TableLoading.run(
                new TableRequest(model, 500, 2, 2, target("modes.db", "t", IfExists.APPEND)), Progress.NONE);
        assertThat(again.action()).isEqualTo(TableLoader.Action.APPENDED);
        try (Connection c = open("modes.db")) {
            assertThat(count(c, "t")).isEqualTo(1500);
        }
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 10, 2, 2, target("modes.db", "t", IfExists.FAIL)), Progress.NONE))
                .isInstanceOf(OutputException.class).hasMessageContaining("exists already");
        TableResult replaced = TableLoading.run(
                new TableRequest(model, 700, 3, 2, target("modes.db", "t", IfExists.REPLACE)), Progress.NONE);
        assertThat(replaced.action()).isEqualTo(TableLoader.Action.REPLACED);
        try (Connection c = open("modes.db")) {
            assertThat(count(c, "t")).isEqualTo(700);
        }
    }

    /** A table the model cannot fill is refused before any row is written, naming each column and problem. */
    @Test
    void refusesAnIncompatibleTableNamingTheColumns() throws Exception {
        String columns = "customer_id VARCHAR(8), signup_date DATE, age INTEGER, gender VARCHAR(7),"
                + " region VARCHAR(19), plan VARCHAR(7), contract VARCHAR(8), tenure_months INTEGER,"
                + " monthly_fee REAL, total_spend REAL, newsletter BOOLEAN, support_calls INTEGER,"
                + " last_login TIMESTAMP, churned BOOLEAN";
        exec("bad.db",
                "CREATE TABLE missing_col (" + columns.replace(" plan VARCHAR(7),", "") + ")",
                "CREATE TABLE short_col (" + columns.replace("region VARCHAR(19)", "region VARCHAR(10)") + ")",
                "CREATE TABLE not_null (" + columns.replace("total_spend REAL", "total_spend REAL NOT NULL") + ")",
                "CREATE TABLE extra (" + columns + ", owner TEXT NOT NULL)",
                "INSERT INTO extra (customer_id, owner) VALUES ('x', 'y')");
        assertRefused("missing_col", "\"plan\" is missing");
        assertRefused("short_col", "\"region\" is VARCHAR(10): too short: the model's values take up to 19 characters");
        assertRefused("not_null", "\"total_spend\" is NOT NULL, but the model leaves");
        assertRefused("extra", "\"owner\" is NOT NULL without a default");
        try (Connection c = open("bad.db")) {
            assertThat(count(c, "missing_col")).isZero();
            assertThat(count(c, "short_col")).isZero();
            assertThat(count(c, "not_null")).isZero();
            assertThat(count(c, "extra")).isEqualTo(1);
        }
    }

    private static void assertRefused(String table, String problem) {
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 1000, 1, 2, target("bad.db", table, IfExists.APPEND)), Progress.NONE))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("does not fit the model, nothing was written")
                .hasMessageContaining(problem);
    }

    /** A row the table refuses halfway through rolls the whole load back; the table keeps exactly its old rows. */
    @Test
    void aFailedLoadLeavesTheTableAsItWas() throws Exception {
        exec("rollback.db", "CREATE TABLE t (customer_id VARCHAR(8), signup_date DATE, age INTEGER CHECK (age < 60),"
                + " gender VARCHAR(7), region VARCHAR(19), plan VARCHAR(7), contract VARCHAR(8), tenure_months INTEGER,"
                + " monthly_fee REAL, total_spend REAL, newsletter BOOLEAN, support_calls INTEGER,"
                + " last_login TIMESTAMP, churned BOOLEAN)", "INSERT INTO t (customer_id, age) VALUES ('old', 30)");
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 50_000, 1, 2, target("rollback.db", "t", IfExists.APPEND)), Progress.NONE))
                .isInstanceOf(OutputException.class)
                .hasMessageContaining("rolled back")
                .hasMessageContaining("CHECK constraint failed");
        try (Connection c = open("rollback.db")) {
            assertThat(count(c, "t")).isEqualTo(1);
        }
        // a load stopped midway (here by its progress listener) leaves no table behind when it created the table
        Progress stop = new Progress() {
            @Override
            public void start(String task, long total) {}

            @Override
            public void advance(long done) {
                throw new IllegalStateException("stopped");
            }

            @Override
            public void finish() {}
        };
        assertThatThrownBy(() -> TableLoading.run(
                new TableRequest(model, 50_000, 1, 2, target("rollback.db", "fresh", IfExists.APPEND)), stop))
                .hasMessage("stopped");
        try (Connection c = open("rollback.db"); ResultSet rs = c.getMetaData().getTables(null, null, "fresh", null)) {
            assertThat(rs.next()).as("table created by the failed load").isFalse();
        }
    }

    /** A profile's output.to/table: the run folder as always, and the same rows as its synthetic.csv in the table. */
    @Test
    void aProfileRunLoadsTheSameRowsItWrites() throws Exception {
        Path db = dir.resolve("run/runs.db");
        Path profile = dir.resolve("demo-db.yaml");
        Files.writeString(profile, String.join("\n",
                "version: 1",
                "job: demo_db",
                "input: {path: profiles/data/demo_customers.csv}",
                "output:",
                "  rows: 3000",
                "  seed: 4",
                "  dir: " + dir.resolve("run"),
                "  to: sqlite:" + db,
                "  table: demo",
                "  if_exists: fail",
                ""));
        Run run = doppel("run", profile.toString(), "--no-evaluation");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("loaded:  sqlite:" + db + " table demo (table created, 3,000 rows");
        Path folder;
        try (var runs = Files.list(dir.resolve("run"))) {
            folder = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        SynthModel fitted = ModelFile.read(folder.resolve("model.json"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            TableSummaries.assertSame(TableSummaries.ofTable(c, "demo", fitted.columns()),
                    TableSummaries.ofCsv(folder.resolve("synthetic.csv"), fitted.columns(), ','));
        }
        Run again = doppel("run", profile.toString(), "--no-evaluation");
        assertThat(again.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(again.err()).contains("exists already");
        try (var runs = Files.list(dir.resolve("run"))) {
            assertThat(runs.filter(Files::isDirectory).count()).as("a failed load publishes no run folder").isEqualTo(1);
        }
    }

    @Test
    void commandLineLoadsIntoSqliteAndRefusesPasswordsInUrls() throws Exception {
        Path db = dir.resolve("cli/test.db");
        Run ok = doppel("sample", modelFile.toString(), "-n", "2000", "--to", "sqlite:" + db, "--table", "customers");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("loaded: sqlite:" + db + " table customers (table created, 2,000 rows");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(count(c, "customers")).isEqualTo(2000);
        }
        Run secret = doppel("sample", modelFile.toString(), "-n", "10", "--table", "t",
                "--to", "jdbc:postgresql://127.0.0.1:1/db?user=u&password=hunter2");
        assertThat(secret.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(secret.err()).contains("carries a password").doesNotContain("hunter2");
        Run both = doppel("sample", modelFile.toString(), "-n", "10", "-o", dir.resolve("x.csv").toString(),
                "--to", "sqlite:" + db, "--table", "t");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        Run noTable = doppel("sample", modelFile.toString(), "-n", "10", "--to", "sqlite:" + db);
        assertThat(noTable.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTable.err()).contains("--table");
        Run unreachable = doppel("sample", modelFile.toString(), "-n", "10", "--to",
                "jdbc:postgresql://127.0.0.1:1/db", "--table", "t");
        assertThat(unreachable.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(unreachable.err()).contains("cannot connect");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }
}
