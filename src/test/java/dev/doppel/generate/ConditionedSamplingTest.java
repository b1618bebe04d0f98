package dev.doppel.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.error.ExitCodes;
import dev.doppel.generate.condition.Audience;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --where} and {@code --rebalance} end to end on the telco model: every written row meets its condition; within
 * {@code Contract = 'Two year'} the other columns follow the model's own conditional distribution (the unconditioned
 * output's Two-year rows) to within sampling error, and the real Two-year rows far more closely than the unconditioned
 * output does; rebalanced counts are exact; threads do not change a byte; bad conditions fail before anything is
 * written.
 *
 * <p>Distances are two-sample Kolmogorov-Smirnov statistics (numbers) and total-variation distances (labels). Their
 * tolerances come from the sample sizes: for KS, the 0.1% critical value 1.95 * sqrt(1/n + 1/m); for TV, half the sum
 * over labels of 4 standard errors of a share difference, sqrt(p (1 - p) (1/n + 1/m)).
 */
class ConditionedSamplingTest {
    private static final Map<String, SynthModel> MODELS = new HashMap<>();
    private static final String TWO_YEAR = "Contract = 'Two year'";

    @TempDir
    Path dir;

    private static synchronized SynthModel telco() {
        return MODELS.computeIfAbsent("telco", d -> Fitting.fit(Fitting.inspect(TestData.require("telco_churn.csv"),
                ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "test"));
    }

    /** The rows written (header dropped) as maps from column to cell. */
    private List<Map<String, String>> sample(String where, String rebalance, long rows, long seed, int threads,
            String name) {
        SynthModel model = telco();
        Path out = dir.resolve(name + ".csv");
        Sampling.run(new SampleRequest(model, rows, seed, threads, OutputFormat.CSV, Compression.SNAPPY, out, false,
                Map.of(), Audience.compile(model, where, rebalance)), Progress.NONE);
        return read(out);
    }

    private static List<Map<String, String>> read(Path file) {
        List<List<String>> records = CliRunner.readCsv(file, ",");
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i).isBlank() ? null : r.get(i));
            }
            return row;
        }).toList();
    }

    private static double num(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of(TWO_YEAR, (Predicate<Map<String, String>>) r -> r.get("Contract").equals("Two year")),
                Arguments.of("MonthlyCharges > 80", (Predicate<Map<String, String>>) r -> num(r, "MonthlyCharges") > 80),
                Arguments.of("tenure between 30 and 45",
                        (Predicate<Map<String, String>>) r -> num(r, "tenure") >= 30 && num(r, "tenure") <= 45),
                Arguments.of("contract = 'Two year' and churn = 'Yes' and MonthlyCharges > 80 and tenure between 30"
                        + " and 45", (Predicate<Map<String, String>>) r -> r.get("Contract").equals("Two year")
                                && r.get("Churn").equals("Yes") && num(r, "MonthlyCharges") > 80
                                && num(r, "tenure") >= 30 && num(r, "tenure") <= 45),
                Arguments.of("TotalCharges is missing", (Predicate<Map<String, String>>) r -> r.get("TotalCharges") == null),
                Arguments.of("InternetService in ('DSL', 'No') and PaymentMethod != 'Electronic check'"
                        + " and TotalCharges >= 1000.5", (Predicate<Map<String, String>>) r ->
                                (r.get("InternetService").equals("DSL") || r.get("InternetService").equals("No"))
                                && !r.get("PaymentMethod").equals("Electronic check")
                                && num(r, "TotalCharges") >= 1000.5),
                Arguments.of("(tenure < 6 or tenure >= 60) and SeniorCitizen = 1 and not Partner = 'Yes'",
                        (Predicate<Map<String, String>>) r -> (num(r, "tenure") < 6 || num(r, "tenure") >= 60)
                                && r.get("SeniorCitizen").equals("1") && r.get("Partner").equals("No")),
                Arguments.of("tenure = 0 and MonthlyCharges > 100", // a corner the model rarely visits
                        (Predicate<Map<String, String>>) r -> num(r, "tenure") == 0 && num(r, "MonthlyCharges") > 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void everyRowMeetsItsCondition(String where, Predicate<Map<String, String>> holds) {
        List<Map<String, String>> rows = sample(where, null, 5_000, 7, 2, "rows");
        assertThat(rows).hasSize(5_000);
        assertThat(rows.stream().filter(holds.negate()).count()).as("rows breaking " + where).isZero();
        List<Map<String, String>> free = sample(null, null, 5_000, 7, 2, "free");
        assertThat(free.stream().filter(holds.negate()).count()).as("the condition selects").isPositive();
    }

    @Test
    void withinTwoYearEveryOtherColumnFollowsTheModelsOwnConditionalDistribution() {
        List<Map<String, String>> conditioned = sample(TWO_YEAR, null, 20_000, 11, 2, "two");
        List<Map<String, String>> filtered = sample(null, null, 100_000, 12, 2, "all").stream()
                .filter(r -> r.get("Contract").equals("Two year")).toList();
        assertThat(filtered.size()).isGreaterThan(15_000);
        for (String column : List.of("tenure", "MonthlyCharges", "TotalCharges")) {
            assertThat(ks(conditioned, filtered, column)).as(column).isLessThan(ksTolerance(conditioned, filtered));
        }
        for (String column : labelColumns()) {
            assertThat(tv(conditioned, filtered, column)).as(column).isLessThan(tvTolerance(conditioned, filtered, column));
        }
    }

    @Test
    void withinTwoYearTheOtherColumnsAreFarCloserToTheRealTwoYearRowsThanUnconditionedRowsAre() {
        List<Map<String, String>> real = read(TestData.require("telco_churn.csv")).stream()
                .filter(r -> r.get("Contract").equals("Two year")).toList();
        List<Map<String, String>> conditioned = sample(TWO_YEAR, null, 20_000, 11, 2, "two");
        List<Map<String, String>> free = sample(null, null, 20_000, 11, 2, "free");
        assertThat(real).hasSize(1695);
        // tenure: the sampling tolerance (0.049 for 1,695 and 20,000 rows) plus 0.03 for what the copula cannot hold
        double tenure = ks(conditioned, real, "tenure");
        assertThat(tenure).isLessThan(ksTolerance(conditioned, real) + 0.03);
        assertThat(tenure).isLessThan(ks(free, real, "tenure") / 4);
        for (String column : List.of("InternetService", "Churn", "Dependents", "Partner", "PaperlessBilling")) {
            double close = tv(conditioned, real, column);
            assertThat(close).as(column).isLessThan(tvTolerance(conditioned, real, column) + 0.03);
            assertThat(close).as(column).isLessThan(tv(free, real, column) / 2);
        }
    }

    @Test
    void rebalanceGivesExactCountsInterleavedEvenly() {
        List<Map<String, String>> half = sample(null, "Churn", 10_001, 3, 2, "half");
        long yes = half.stream().filter(r -> r.get("Churn").equals("Yes")).count();
        assertThat(Math.min(yes, 10_001 - yes)).isEqualTo(5_000); // 5,000.5 each: the extra row to one of them
        long early = half.subList(0, 1_000).stream().filter(r -> r.get("Churn").equals("Yes")).count();
        assertThat(early).isBetween(499L, 501L);

        List<Map<String, String>> mix = sample(TWO_YEAR, "Churn=Yes:0.3,No:0.7", 10_000, 3, 2, "mix");
        assertThat(mix.stream().filter(r -> r.get("Churn").equals("Yes")).count()).isEqualTo(3_000);
        assertThat(mix).allMatch(r -> r.get("Contract").equals("Two year"));

        List<Map<String, String>> three = sample(null, "InternetService", 9_000, 3, 2, "three");
        Map<String, Long> counts = new HashMap<>();
        three.forEach(r -> counts.merge(r.get("InternetService"), 1L, Long::sum));
        assertThat(counts).containsOnly(Map.entry("DSL", 3_000L), Map.entry("Fiber optic", 3_000L),
                Map.entry("No", 3_000L));
    }

    @Test
    void rebalancedRowsOfALabelFollowTheModelsRowsWithThatLabel() {
        List<Map<String, String>> yes = sample(null, "Churn", 20_000, 5, 2, "bal").stream()
                .filter(r -> r.get("Churn").equals("Yes")).toList();
        List<Map<String, String>> filtered = sample(null, null, 60_000, 6, 2, "all").stream()
                .filter(r -> r.get("Churn").equals("Yes")).toList();
        assertThat(ks(yes, filtered, "tenure")).isLessThan(ksTolerance(yes, filtered));
        assertThat(tv(yes, filtered, "Contract")).isLessThan(tvTolerance(yes, filtered, "Contract"));
    }

    @Test
    void threadsDoNotChangeAByte() throws Exception {
        SynthModel model = telco();
        Audience audience = Audience.compile(model, "tenure > 12 and InternetService != 'No'", "Churn");
        byte[] first = null;
        for (int threads : new int[] {1, 2, 4}) {
            Path out = dir.resolve("t" + threads + ".csv");
            Sampling.run(new SampleRequest(model, 20_001, 9, threads, OutputFormat.CSV, Compression.SNAPPY, out, false,
                    Map.of(), audience), Progress.NONE);
            byte[] bytes = Files.readAllBytes(out);
            if (first == null) {
                first = bytes;
                assertThat(bytes.length).isGreaterThan(100_000);
            } else {
                assertThat(bytes).as(threads + " threads").isEqualTo(first);
            }
        }
    }

    @Test
    void badConditionsFailOnTheCommandLineBeforeAnythingIsWritten() throws Exception {
        Path model = dir.resolve("telco.model.json");
        ModelFile.write(telco(), model, false);
        Path out = dir.resolve("out.csv");
        String[][] cases = {
            {"--where", "Contrakt = 'Two year'", "error: --where: no column 'Contrakt' in the model"},
            {"--where", "tenure > 200", "error: --where: no row of the model can meet the condition on 'tenure'"
                    + " (zero support"},
            {"--where", "Contract = 'Three year'", "error: --where: column 'Contract' has no label 'Three year'"},
            {"--where", "Contract = 'Two year' or tenure > 3", "error: --where: 'or' and 'not' can only combine"},
            {"--where", "tenure >", "error: --where: expected a value"},
            {"--rebalance", "tenure", "error: --rebalance: column 'tenure' is integer"},
        };
        for (String[] c : cases) {
            CliRunner.Run run = CliRunner.doppel("sample", model.toString(), "-n", "100", "-o", out.toString(), c[0],
                    c[1]);
            assertThat(run.code()).as(c[1]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.errLines()).as(c[1]).singleElement().asString().startsWith(c[2]);
            // no label of the model other than what was typed: the real labels stay out of the message
            assertThat(run.err()).doesNotContain("Month-to-month").doesNotContain("One year");
            assertThat(Files.exists(out)).isFalse();
            assertThat(CliRunner.list(dir)).containsExactly("telco.model.json");
        }
        CliRunner.Run ok = CliRunner.doppel("sample", model.toString(), "-n", "100", "-o", out.toString(),
                "--where", TWO_YEAR, "--rebalance", "Churn");
        assertThat(ok.code()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("note: rows were chosen by --where/--rebalance");
        assertThat(read(out)).hasSize(100).allMatch(r -> r.get("Contract").equals("Two year"));
    }

    private static List<String> labelColumns() {
        return List.of("gender", "SeniorCitizen", "Partner", "Dependents", "PhoneService", "MultipleLines",
                "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport", "StreamingTV",
                "StreamingMovies", "PaperlessBilling", "PaymentMethod", "Churn");
    }

    private static double ks(List<Map<String, String>> a, List<Map<String, String>> b, String column) {
        double[] x = a.stream().mapToDouble(r -> num(r, column)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = b.stream().mapToDouble(r -> num(r, column)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double d = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    private static double ksTolerance(List<?> a, List<?> b) {
        return 1.95 * Math.sqrt(1.0 / a.size() + 1.0 / b.size());
    }

    private static Map<String, Double> shares(List<Map<String, String>> rows, String column) {
        Map<String, Double> out = new HashMap<>();
        rows.forEach(r -> out.merge(String.valueOf(r.get(column)), 1.0 / rows.size(), Double::sum));
        return out;
    }

    private static double tv(List<Map<String, String>> a, List<Map<String, String>> b, String column) {
        Map<String, Double> p = shares(a, column);
        Map<String, Double> q = shares(b, column);
        return 0.5 * Stream.concat(p.keySet().stream(), q.keySet().stream()).distinct()
                .mapToDouble(k -> Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0))).sum();
    }

    private static double tvTolerance(List<Map<String, String>> a, List<Map<String, String>> b, String column) {
        Map<String, Double> q = shares(b, column);
        double n = 1.0 / a.size() + 1.0 / b.size();
        return 0.5 * q.values().stream().mapToDouble(p -> 4 * Math.sqrt(p * (1 - p) * n)).sum() + 1e-9;
    }
}
