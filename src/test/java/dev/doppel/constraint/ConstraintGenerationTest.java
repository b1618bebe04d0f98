package dev.doppel.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.RowReader;
import dev.doppel.io.TableReaders;
import dev.doppel.model.Constraint;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Profiles;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import dev.doppel.stats.KolmogorovSmirnov;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each constraint type holds in every one of 1,000,000 generated rows, checked on the written file with this test's
 * own arithmetic (not the code under test), while the other columns keep their real distributions. On the demo data
 * (shipped), telco (shared data) and a made-up table with exact sums.
 */
class ConstraintGenerationTest {
    static final int MILLION = 1_000_000;
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    @TempDir
    Path dir;

    /** Fits {@code data} with a profile's columns, masking and constraints, as {@code doppel fit} does. */
    static SynthModel fit(Path data, String profileText) {
        String name = "profile.yaml";
        Profile profile = ProfileFile.parse(profileText, name);
        ReadOptions options = Profiles.readOptions(profile.input(), name);
        FitSettings settings = Profiles.fitSettings(profile.model(), name);
        Fitting.Inspected inspected = Fitting.inspect(data, options, profile, name, profileText);
        Fitting.Masked masked = Fitting.mask(inspected, profile, settings, name, profileText);
        return Fitting.fit(masked, settings, "test", profile, name, profileText);
    }

    static String demoProfile(String constraints) throws IOException {
        return Files.readString(Path.of("profiles/demo.yaml")) + "constraints:\n" + constraints;
    }

    static Path sample(SynthModel model, Path out, long rows, int threads, OutputFormat format) {
        Sampling.run(new SampleRequest(model, rows, 42, threads, format, Compression.SNAPPY, out, true), Progress.NONE);
        return out;
    }

    /** Every row of a written file, column by name; calls {@code row} per row. */
    interface RowCheck {
        void check(Map<String, String> row);
    }

    static long eachRow(Path file, RowCheck check) {
        long n = 0;
        try (RowReader reader = TableReaders.open(file, ReadOptions.DEFAULTS)) {
            List<String> names = reader.names();
            Map<String, String> row = new HashMap<>();
            for (String[] cells = reader.next(); cells != null; cells = reader.next()) {
                for (int i = 0; i < cells.length; i++) {
                    row.put(names.get(i), cells[i]);
                }
                check.check(row);
                n++;
            }
        }
        return n;
    }

    @Test
    void demoOrderOfADateAndADateTimeAndAFormulaHoldInAMillionRows() throws IOException {
        Path data = Path.of("profiles/data/demo_customers.csv");
        SynthModel model = fit(data, demoProfile("""
                  - {type: order, columns: [signup_date, last_login]}
                  - {type: formula, column: total_spend, expression: "monthly_fee * tenure_months"}
                """));
        assertThat(model.constraints()).hasSize(2);
        // last_login spans weeks, its gap to signup_date years: it is learned as it is and raised where needed
        assertThat(((Constraint.Order) model.constraints().get(0)).learned()).containsExactly(Constraint.Order.VALUE);
        assertThat(model.notes()).anyMatch(n -> n.contains("signup_date <= last_login")
                && n.contains("holds in 100.0% of the 3,000 real rows"));
        Path out = sample(model, dir.resolve("demo.csv"), MILLION, 2, OutputFormat.CSV);

        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd.MM.uuuu");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
        long[] ordered = new long[2];
        long[] formula = new long[2];
        List<Double> signup = new ArrayList<>();
        List<Double> login = new ArrayList<>();
        List<Double> fee = new ArrayList<>();
        long rows = eachRow(out, r -> {
            String s = r.get("signup_date");
            String l = r.get("last_login");
            if (s != null && l != null) {
                LocalDate d = LocalDate.parse(s, day);
                LocalDateTime t = LocalDateTime.parse(l, time);
                ordered[0]++;
                ordered[1] += t.isBefore(d.atStartOfDay()) ? 1 : 0;
                if (signup.size() < 100_000) {
                    signup.add((double) d.toEpochDay());
                    login.add((double) t.toEpochSecond(java.time.ZoneOffset.UTC));
                }
            }
            String f = r.get("monthly_fee");
            String m = r.get("tenure_months");
            String total = r.get("total_spend");
            if (f != null && fee.size() < 100_000) {
                fee.add(Double.parseDouble(f));
            }
            if (f != null && m != null && total != null) {
                formula[0]++;
                BigDecimal expected = new BigDecimal(f).multiply(new BigDecimal(m));
                formula[1] += new BigDecimal(total).subtract(expected).abs().compareTo(HALF_CENT) > 0 ? 1 : 0;
            }
        });
        assertThat(rows).isEqualTo(MILLION);
        assertThat(ordered[0]).as("rows with both dates").isGreaterThan(MILLION * 9L / 10);
        assertThat(ordered[1]).as("last_login before signup_date").isZero();
        assertThat(formula[0]).as("rows with fee, tenure and total").isGreaterThan(MILLION * 9L / 10);
        assertThat(formula[1]).as("total_spend off monthly_fee * tenure_months by more than half a cent").isZero();

        // The gap transform keeps both dates' marginals, and the formula's input keeps its own.
        RawTable real = TableReaders.read(data, ReadOptions.DEFAULTS);
        double bound = ks(3000, 100_000);
        assertThat(KolmogorovSmirnov.statistic(realNumbers(real, "signup_date", "dd.MM.yyyy", false), array(signup)))
                .as("signup_date KS").isLessThan(bound);
        assertThat(KolmogorovSmirnov.statistic(realNumbers(real, "last_login", "yyyy-MM-dd HH:mm:ss", true),
                array(login))).as("last_login KS").isLessThan(bound);
        assertThat(KolmogorovSmirnov.statistic(realNumbers(real, "monthly_fee", null, false), array(fee)))
                .as("monthly_fee KS").isLessThan(bound);
    }

    @Test
    void telcoAllowedCombinationsAndTotalChargesHoldInAMillionRows() throws IOException {
        Path data = TestData.require("telco_churn.csv");
        String profile = Files.readString(Path.of("profiles/telco.yaml")) + """
                constraints:
                  - {type: allowed, columns: [InternetService, OnlineSecurity, OnlineBackup]}
                  - {type: allowed, columns: [PhoneService, MultipleLines]}
                  - {type: formula, column: TotalCharges, expression: "MonthlyCharges * tenure", tolerance: 0.01}
                """;
        SynthModel model = fit(data, profile);
        // TotalCharges is not exactly MonthlyCharges * tenure in the real data (prices changed): the note says so
        assertThat(model.notes()).anyMatch(n -> n.contains("TotalCharges = MonthlyCharges * tenure")
                && n.matches(".*holds in [0-9.]+% of the 7,032 real rows.*"));
        RawTable real = TableReaders.read(data, Profiles.readOptions(ProfileFile.parse(profile, "p").input(), "p"));
        Set<List<String>> internet = combinations(real, "InternetService", "OnlineSecurity", "OnlineBackup");
        Set<List<String>> phone = combinations(real, "PhoneService", "MultipleLines");
        assertThat(internet).as("real combinations").hasSize(9);

        Path out = sample(model, dir.resolve("telco.csv"), MILLION, 2, OutputFormat.CSV);
        long[] bad = new long[3];
        Map<String, Long> onlineSecurity = new HashMap<>();
        long rows = eachRow(out, r -> {
            List<String> i = List.of(r.get("InternetService"), r.get("OnlineSecurity"), r.get("OnlineBackup"));
            bad[0] += internet.contains(i) || i.contains("(other)") ? 0 : 1;
            List<String> p = List.of(r.get("PhoneService"), r.get("MultipleLines"));
            bad[1] += phone.contains(p) ? 0 : 1;
            BigDecimal expected = new BigDecimal(r.get("MonthlyCharges")).multiply(new BigDecimal(r.get("tenure")));
            bad[2] += new BigDecimal(r.get("TotalCharges")).subtract(expected).abs().compareTo(HALF_CENT) > 0 ? 1 : 0;
            onlineSecurity.merge(r.get("OnlineSecurity"), 1L, Long::sum);
        });
        assertThat(rows).isEqualTo(MILLION);
        assertThat(bad).as("rows breaking internet, phone, total").containsExactly(0, 0, 0);
        // The split column keeps its real label shares: SE of a share from 7,043 real rows <= 0.006; 4 SE + 0.01
        Map<String, Long> realShares = new HashMap<>();
        for (String s : real.column(real.indexOf("OnlineSecurity"))) {
            realShares.merge(s, 1L, Long::sum);
        }
        for (Map.Entry<String, Long> e : realShares.entrySet()) {
            double r = (double) e.getValue() / real.rows();
            double s = (double) onlineSecurity.getOrDefault(e.getKey(), 0L) / MILLION;
            assertThat(s).as("share of OnlineSecurity = %s", e.getKey()).isCloseTo(r,
                    org.assertj.core.data.Offset.offset(4 * 0.5 / Math.sqrt(real.rows()) + 0.01));
        }
    }

    @Test
    void withoutTheAllowedConstraintTheCopulaMakesCombinationsNoRealRowHas() throws IOException {
        Path data = TestData.require("telco_churn.csv");
        String profile = Files.readString(Path.of("profiles/telco.yaml"));
        RawTable real = TableReaders.read(data, Profiles.readOptions(ProfileFile.parse(profile, "p").input(), "p"));
        Set<List<String>> internet = combinations(real, "InternetService", "OnlineSecurity", "OnlineBackup");
        Path out = sample(fit(data, profile), dir.resolve("free.csv"), 50_000, 2, OutputFormat.CSV);
        long[] bad = new long[1];
        eachRow(out, r -> bad[0] += internet.contains(
                List.of(r.get("InternetService"), r.get("OnlineSecurity"), r.get("OnlineBackup"))) ? 0 : 1);
        assertThat(bad[0]).as("unseen combinations without the constraint: what the constraint is for").isPositive();
    }

    @Test
    void exactSumsAndOrdersOfMixedScalesHoldInAMillionRowsAndMissingPartsMakeTheTotalMissing() throws IOException {
        Path data = fixture(dir.resolve("parts.csv"), 3000);
        String profile = """
                version: 1
                input: {path: parts.csv}
                columns:
                  low:   {kind: decimal, scale: 3}
                  high:  {kind: decimal, scale: 2}
                  p1:    {kind: decimal, scale: 2}
                  p2:    {kind: decimal, scale: 2}
                  p3:    {kind: decimal, scale: 2}
                  total: {kind: decimal, scale: 2}
                  first: {kind: integer}
                  then:  {kind: integer}
                constraints:
                  - {type: order, columns: [low, high]}
                  - {type: sum, parts: [p1, p2, p3], total: total}
                  - {type: order, columns: [first, then]}
                """;
        SynthModel model = fit(data, profile);
        // both later columns vary less as gaps than as themselves: learned as gaps
        assertThat(((Constraint.Order) model.constraints().get(0)).learned()).containsExactly(Constraint.Order.GAP);
        assertThat(((Constraint.Order) model.constraints().get(2)).learned()).containsExactly(Constraint.Order.GAP);
        Path out = sample(model, dir.resolve("parts-synth.csv"), MILLION, 2, OutputFormat.CSV);
        long[] counts = new long[6]; // ordered rows, low > high, summed rows, sum off, total missing wrongly, then < first
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        eachRow(out, r -> {
            if (r.get("low") != null && r.get("high") != null) {
                counts[0]++;
                counts[1] += new BigDecimal(r.get("low")).compareTo(new BigDecimal(r.get("high"))) > 0 ? 1 : 0;
                if (low.size() < 100_000) {
                    low.add(Double.parseDouble(r.get("low")));
                    high.add(Double.parseDouble(r.get("high")));
                }
            }
            boolean parts = r.get("p1") != null && r.get("p2") != null && r.get("p3") != null;
            counts[4] += parts == (r.get("total") != null) ? 0 : 1;
            if (parts && r.get("total") != null) {
                counts[2]++;
                BigDecimal sum = new BigDecimal(r.get("p1")).add(new BigDecimal(r.get("p2"))).add(new BigDecimal(r.get("p3")));
                counts[3] += sum.compareTo(new BigDecimal(r.get("total"))) != 0 ? 1 : 0;
            }
            counts[5] += Long.parseLong(r.get("then")) < Long.parseLong(r.get("first")) ? 1 : 0;
        });
        assertThat(counts[0]).isGreaterThan(MILLION * 9L / 10);
        assertThat(counts[1]).as("low > high").isZero();
        assertThat(counts[2]).as("rows with every part").isBetween(MILLION * 85L / 100, MILLION * 99L / 100);
        assertThat(counts[3]).as("total != p1 + p2 + p3, exactly").isZero();
        assertThat(counts[4]).as("total missing iff a part is").isZero();
        assertThat(counts[5]).as("then < first").isZero();
        RawTable real = TableReaders.read(data, ReadOptions.DEFAULTS);
        double bound = ks(3000, 100_000);
        assertThat(KolmogorovSmirnov.statistic(realNumbers(real, "low", null, false), array(low)))
                .as("low KS (learned as it is)").isLessThan(bound);
        assertThat(KolmogorovSmirnov.statistic(realNumbers(real, "high", null, false), array(high)))
                .as("high KS (low plus the learned gap)").isLessThan(bound);
    }

    @Test
    void theSameSeedGivesTheSameBytesWithOneOrTwoThreads() throws IOException {
        SynthModel model = fit(Path.of("profiles/data/demo_customers.csv"), demoProfile("""
                  - {type: order, columns: [signup_date, last_login]}
                  - {type: formula, column: total_spend, expression: "monthly_fee * tenure_months"}
                  - {type: allowed, columns: [plan, contract]}
                """));
        for (OutputFormat format : List.of(OutputFormat.CSV, OutputFormat.PARQUET)) {
            String ext = format == OutputFormat.CSV ? ".csv" : ".parquet";
            Path one = sample(model, dir.resolve("one" + ext), 100_000, 1, format);
            Path two = sample(model, dir.resolve("two" + ext), 100_000, 2, format);
            assertThat(Files.mismatch(one, two)).as(format + " bytes differ at").isEqualTo(-1L);
        }
    }

    /**
     * A made-up table: low (3 decimals) below high (2 decimals), three parts (2 decimals, p2 missing in 8% of rows)
     * and their exact total (missing with p2), and two counts in order. Seeded, so always the same.
     */
    static Path fixture(Path file, int rows) throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("low,high,p1,p2,p3,total,first,then\n");
        for (int r = 0; r < rows; r++) {
            BigDecimal low = BigDecimal.valueOf(Math.round((100 + 20 * rnd.nextGaussian()) * 1000), 3);
            BigDecimal high = low.add(BigDecimal.valueOf(Math.abs(5 * rnd.nextGaussian())))
                    .setScale(2, java.math.RoundingMode.CEILING);
            BigDecimal p1 = BigDecimal.valueOf(rnd.nextInt(10_000), 2);
            BigDecimal p2 = rnd.nextDouble() < 0.08 ? null : BigDecimal.valueOf(rnd.nextInt(50_000), 2);
            BigDecimal p3 = BigDecimal.valueOf(rnd.nextInt(1_000), 2);
            int first = rnd.nextInt(60);
            int then = first + (int) Math.abs(10 * rnd.nextGaussian());
            sb.append(low.toPlainString()).append(',').append(high.toPlainString()).append(',')
                    .append(p1.toPlainString()).append(',').append(p2 == null ? "" : p2.toPlainString()).append(',')
                    .append(p3.toPlainString()).append(',')
                    .append(p2 == null ? "" : p1.add(p2).add(p3).toPlainString()).append(',')
                    .append(first).append(',').append(then).append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    /**
     * Two-sample KS critical value at alpha = 0.001 plus 0.02 for the model's smoothing of each quantile step over at
     * least k rows (as in FidelityTest).
     */
    private static double ks(int n, int m) {
        return KolmogorovSmirnov.criticalValue(n, m, 0.001) + 0.02;
    }

    private static double[] realNumbers(RawTable real, String column, String layout, boolean dateTime) {
        dev.doppel.schema.TemporalLayout l = layout == null ? null
                : dev.doppel.schema.TemporalLayout.of(layout, dateTime);
        List<Double> out = new ArrayList<>();
        for (String s : real.column(real.indexOf(column))) {
            if (s != null) {
                out.add(l == null ? Double.parseDouble(s) : l.toNumber(s));
            }
        }
        return array(out);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Set<List<String>> combinations(RawTable table, String... columns) {
        Set<List<String>> out = new HashSet<>();
        for (int r = 0; r < table.rows(); r++) {
            List<String> c = new ArrayList<>();
            for (String name : columns) {
                c.add(table.column(table.indexOf(name))[r]);
            }
            out.add(c);
        }
        return out;
    }
}
