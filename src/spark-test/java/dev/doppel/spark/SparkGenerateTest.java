package dev.doppel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.error.ExitCodes;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark generator in {@code local[2]}: the rows do not depend on the partition count, they are the rows
 * {@code doppel sample} writes for the same model and seed, the job's Parquet output reads back in Spark with the
 * model's schema, and bad arguments end with one line and Doppel's exit codes.
 */
class SparkGenerateTest {
    private static final long SEED = 7;
    /**
     * 4 full blocks of 8192 rows and a partial one: 2 partitions get 3 and 2 blocks, 8 partitions one block or none, so
     * the partitions cut the table in different places.
     */
    private static final long ROWS = 40_000;
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static SynthModel events;
    private static Path eventsModel;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("doppel-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, events(4000), StandardCharsets.UTF_8);
        events = fit(csv);
        eventsModel = dir.resolve("events.model.json");
        ModelFile.write(events, eventsModel, true);
        events = ModelFile.read(eventsModel); // as the job and the CLI see it
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void twoAndEightPartitionsGiveTheSameRowsInTheSameOrder() {
        Dataset<Row> two = SyntheticTable.generate(spark, events, ROWS, 2, SEED);
        Dataset<Row> eight = SyntheticTable.generate(spark, events, ROWS, 8, SEED);
        assertThat(two.rdd().getNumPartitions()).isEqualTo(2);
        assertThat(eight.rdd().getNumPartitions()).isEqualTo(8);
        List<Row> a = two.collectAsList();
        List<Row> b = eight.collectAsList();
        assertThat(a).hasSize((int) ROWS);
        assertThat(b).isEqualTo(a); // the same rows in the same order, so the same multiset too
        // another seed gives other rows: the comparison above could fail
        List<Row> other = SyntheticTable.generate(spark, events, ROWS, 8, SEED + 1).collectAsList();
        assertThat(new HashSet<>(other)).doesNotContainAnyElementsOf(a.subList(0, 1000));
    }

    @Test
    void theRowsAreTheRowsTheCliWritesForTheSameSeed() {
        assertSameRowsAsTheCli(events, "events");
    }

    @Test
    void telcoRowsAreTheRowsTheCliWritesForTheSameSeed() throws IOException {
        Path telco = TestData.require("telco_churn.csv");
        Path model = dir.resolve("telco.model.json");
        ModelFile.write(fit(telco), model, true);
        assertSameRowsAsTheCli(ModelFile.read(model), "telco");
    }

    private static void assertSameRowsAsTheCli(SynthModel model, String name) {
        Path cli = dir.resolve(name + ".cli.parquet");
        Sampling.run(new SampleRequest(model, ROWS, SEED, 2, OutputFormat.PARQUET, Compression.SNAPPY, cli, true),
                Progress.NONE);
        Dataset<Row> fromCli = spark.read().parquet(cli.toString());
        Dataset<Row> onSpark = SyntheticTable.generate(spark, model, ROWS, 3, SEED);
        assertThat(onSpark.schema()).isEqualTo(fromCli.schema());
        assertThat(onSpark.collectAsList()).isEqualTo(fromCli.collectAsList()); // a single file reads back in order
    }

    @Test
    void theJobWritesPartitionedParquetThatReadsBackWithTheModelSchema() throws IOException {
        Path out = dir.resolve("job-out");
        Result r = run("--model", eventsModel.toString(), "--rows", Long.toString(ROWS), "--partitions", "4",
                "--output", out.toString(), "--seed", Long.toString(SEED));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("written: ").contains("40,000 rows").contains("4 partitions");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count()).isEqualTo(4);
        }
        Dataset<Row> back = spark.read().parquet(out.toString());
        Map<String, DataType> expected = new LinkedHashMap<>();
        expected.put("customer_id", DataTypes.StringType);
        expected.put("logged", DataTypes.TimestampNTZType);
        expected.put("logged_utc", DataTypes.TimestampType);
        expected.put("amount", DataTypes.createDecimalType(18, 2));
        expected.put("ratio", DataTypes.DoubleType);
        expected.put("plan", DataTypes.StringType);
        expected.put("note", DataTypes.StringType);
        expected.put("active", DataTypes.BooleanType);
        expected.put("visits", DataTypes.LongType);
        expected.put("signup", DataTypes.DateType);
        expected.put("unused", DataTypes.StringType);
        Map<String, DataType> actual = new LinkedHashMap<>();
        for (StructField f : back.schema().fields()) {
            actual.put(f.name(), f.dataType());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(back.count()).isEqualTo(ROWS);
        // the same rows as generated in memory: the writer lost or changed nothing
        Dataset<Row> generated = SyntheticTable.generate(spark, events, ROWS, 2, SEED);
        assertThat(back.exceptAll(generated).count()).isZero();
        assertThat(generated.exceptAll(back).count()).isZero();
        // missing cells survive as nulls: about 6 % of plans (the real share), never any unused value
        Row nulls = back.selectExpr("count(*) - count(plan)", "count(unused)").first();
        assertThat(nulls.getLong(0)).isBetween(ROWS * 3 / 100, ROWS * 9 / 100);
        assertThat(nulls.getLong(1)).isZero();
    }

    @Test
    void badArgumentsEndWithOneLineAndDoppelsExitCodes() throws IOException {
        Result missing = run("--model", dir.resolve("nope.model.json").toString(), "--rows", "10",
                "--output", dir.resolve("never").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err().strip()).isEqualTo("error: nope.model.json: no such file");

        Path taken = Files.createDirectories(dir.resolve("taken"));
        Result exists = run("--model", eventsModel.toString(), "--rows", "10", "--output", taken.toString());
        assertThat(exists.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(exists.err()).contains("already exists").contains("--force");

        Result negative = run("--model", eventsModel.toString(), "--rows", "-1", "--output", dir.resolve("n").toString());
        assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);

        Result noRows = run("--model", eventsModel.toString(), "--output", dir.resolve("n").toString());
        assertThat(noRows.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRows.err()).contains("--rows");

        Path notModel = dir.resolve("events.csv");
        Result wrong = run("--model", notModel.toString(), "--rows", "10", "--output", dir.resolve("w").toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(wrong.err()).contains("events.csv").contains("not a Doppel model").doesNotContain("Berlin");
        Result format = run("--model", eventsModel.toString(), "--rows", "10", "--output", dir.resolve("f").toString(),
                "--format", "no-such-format");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err().strip()).startsWith("error: --format no-such-format: Spark cannot write");
        assertThat(Files.exists(dir.resolve("never"))).isFalse();
        assertThat(Files.exists(dir.resolve("f"))).isFalse();
        assertThat(Files.exists(dir.resolve("w"))).isFalse();
    }

    // --- helpers

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkGenerate.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static SynthModel fit(Path data) {
        return Fitting.fit(Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "test");
    }

    /** A customer-events table with every column kind, missing cells and both kinds of date-time. */
    private static String events(int rows) {
        Random random = new Random(3);
        String[] plans = {"Basic", "Plus", "Pro", "Family, large"};
        StringBuilder sb = new StringBuilder("customer_id,logged,logged_utc,amount,ratio,plan,note,active,visits,signup,unused\n");
        LocalDateTime base = LocalDateTime.of(2021, 3, 1, 8, 0);
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = base.plusSeconds(random.nextInt(60_000_000));
            StringBuilder note = new StringBuilder();
            for (int k = 6 + random.nextInt(6); k > 0; k--) {
                note.append((char) ('a' + random.nextInt(26)));
            }
            LocalDate signup = LocalDate.of(2018, 6, 1).plusDays(random.nextInt(1500));
            sb.append(String.format(Locale.ROOT, "C%06d", 100_000 + i * 7)).append(',')
                    .append(NAIVE.format(t)).append(',')
                    .append(ZULU.format(t.plusHours(random.nextInt(48)))).append(',')
                    .append(random.nextDouble() < 0.05 ? "" : String.format(Locale.ROOT, "%.2f", 10 + 990 * random.nextDouble()))
                    .append(',')
                    .append(Double.toString(random.nextDouble() * (i % 3 == 0 ? 1e-3 : 77.7))).append(',')
                    .append(random.nextDouble() < 0.06 ? "" : "\"" + plans[random.nextInt(plans.length)] + "\"").append(',')
                    .append(random.nextDouble() < 0.04 ? "" : note).append(',')
                    .append(random.nextDouble() < 0.1 ? "NA" : Boolean.toString(random.nextBoolean())).append(',')
                    .append(random.nextInt(200)).append(',')
                    .append(String.format(Locale.ROOT, "%02d.%02d.%04d", signup.getDayOfMonth(), signup.getMonthValue(),
                            signup.getYear()))
                    .append(",\n");
        }
        return sb.toString();
    }
}
