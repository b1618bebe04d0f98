package dev.doppel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the training rows are at hand ({@code run}), no synthetic row equals a combination fewer than k training rows
 * share, while common combinations are drawn as the model draws them; the output stays the same for 1 and 2 threads;
 * where the model lands on rare combinations in more than 1% of its rows the guard stands down.
 */
class CopyGuardTest {
    @TempDir
    Path dir;

    /**
     * 150 customers on a small grid of whole numbers (segment, tenure 20–40, spend 20–60, score 1–60), every row unique:
     * a model that knows only aggregates lands on a real row by chance, a few times per thousand rows.
     */
    private static RawTable smallGrid() {
        SplittableRandom r = new SplittableRandom(3);
        List<String> names = List.of("segment", "tenure", "spend", "score");
        List<String[]> columns = new ArrayList<>();
        names.forEach(n -> columns.add(new String[150]));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 150; ) {
            int age = 20 + r.nextInt(21);
            int income = Math.min(60, 20 + age / 2 + r.nextInt(22));
            int score = 1 + r.nextInt(60);
            String gender = r.nextBoolean() ? "A" : "B";
            if (seen.add(gender + "," + age + "," + income + "," + score)) {
                columns.get(0)[i] = gender;
                columns.get(1)[i] = Integer.toString(age);
                columns.get(2)[i] = Integer.toString(income);
                columns.get(3)[i] = Integer.toString(score);
                i++;
            }
        }
        return table(names, columns);
    }

    private static RawTable table(List<String> names, List<String[]> columns) {
        List<String> markers = new ArrayList<>();
        names.forEach(x -> markers.add(""));
        int n = columns.get(0).length;
        return new RawTable("grid", names, columns, markers, FileDialect.RFC4180, new int[n]);
    }

    private static Fitting.Masked masked(RawTable table) {
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        return Fitting.mask(new Fitting.Inspected(table, inferred, inferred.stream().map(ColumnProfile::spec).toList()),
                null, FitSettings.DEFAULTS, null, null);
    }

    private static CopyGuard guard(SynthModel model, Fitting.Masked masked) {
        return CopyGuard.over(model, masked.table(), EvalSchema.of(masked.specs(), masked.plan().roles()),
                FitSettings.DEFAULTS.minGroup());
    }

    /** How often each data line of a written CSV file occurs. */
    private static Map<String, Integer> lines(Path csv) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Files.readAllLines(csv).stream().skip(1).forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts;
    }

    private static Set<String> rows(RawTable t) {
        Set<String> rows = new HashSet<>();
        for (int i = 0; i < t.rows(); i++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < t.columnCount(); c++) {
                b.append(c == 0 ? "" : ",").append(t.column(c)[i]);
            }
            rows.add(b.toString());
        }
        return rows;
    }

    private Path sample(SynthModel model, int rows, int threads, CopyGuard guard, String name) {
        Path out = dir.resolve(name + ".csv");
        Sampling.run(new SampleRequest(model, rows, 11, threads, OutputFormat.CSV, Compression.SNAPPY, out, true,
                Map.of(), null, guard), Progress.NONE);
        return out;
    }

    private static int copies(Map<String, Integer> synthetic, Set<String> real) {
        return synthetic.entrySet().stream().filter(e -> real.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"copula", "tree"})
    void noSyntheticRowCopiesAUniqueTrainingRow(String kind) throws Exception {
        Fitting.Masked masked = masked(smallGrid());
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        if (kind.equals("tree")) {
            model = TreeFitter.fit(model, masked.table(), masked.specs(),
                    TreeSettings.defaults(FitSettings.DEFAULTS.minGroup()), 2);
        }
        Set<String> real = rows(masked.table());
        assertThat(real).hasSize(150);
        int n = 30_000;
        int unguarded = copies(lines(sample(model, n, 2, CopyGuard.NONE, "free")), real);
        // the model lands on real rows by chance: the test would prove nothing otherwise
        assertThat(unguarded).as("copies without the guard").isGreaterThan(20);

        CopyGuard guard = guard(model, masked);
        Map<String, Integer> guarded = lines(sample(model, n, 2, guard, "guarded"));
        assertThat(guard.active()).as("a pilot share of " + guard.check().pilotShare()).isTrue();
        assertThat(copies(guarded, real)).as("copies with the guard").isZero();
        assertThat(guarded.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(guard.redrawn()).isGreaterThanOrEqualTo(unguarded / 2);
        assertThat(guard.kept()).isZero();

        Path one = sample(model, n, 1, guard(model, masked), "one");
        Path two = sample(model, n, 2, guard(model, masked), "two");
        assertThat(Files.readAllBytes(one)).as("1 and 2 threads").isEqualTo(Files.readAllBytes(two));
    }

    /**
     * Two labels each common, one of their four combinations held by 3 of 300 training rows (fewer than k = 5), which
     * the model draws in about 2.4% of rows: rare combinations are then this table's texture, not chance hits, and
     * redrawing them would push the output onto the other three. The pilot sees it, the guard stands down, the output
     * is the unguarded one byte for byte, and the manifest's check says so.
     */
    @Test
    void aGuardStandsDownWhereRareCombinationsAreCommonInTheOutput() throws Exception {
        Fitting.Masked masked = masked(pairs(new int[] {120, 100, 77, 3}));
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        Path free = sample(model, 20_000, 2, CopyGuard.NONE, "free");
        assertThat(lines(free).getOrDefault("y,q", 0)).as("the model draws the rare combination often")
                .isGreaterThan(20_000 / 100);

        CopyGuard guard = guard(model, masked);
        Path guarded = sample(model, 20_000, 2, guard, "guarded");
        assertThat(Files.readAllBytes(guarded)).isEqualTo(Files.readAllBytes(free));
        assertThat(guard.active()).isFalse();
        assertThat(guard.check().pilotShare()).isGreaterThan(CopyGuard.MAX_PILOT_SHARE);
        assertThat(guard.check().redrawn()).isZero();
        assertThat(guard.check().protectedCombinations()).isEqualTo(1);
    }

    /**
     * Two labels each common, one of their four combinations held by 4 of 2,000 training rows (fewer than k = 5) and
     * drawn by the model in well under 1% of its rows: the guard acts, that combination never appears, every row that
     * did not hold it stays as drawn, and the common combinations keep their shares.
     */
    @Test
    void onlyCombinationsFewerThanKRowsShareAreRedrawn() throws Exception {
        Fitting.Masked masked = masked(pairs(new int[] {1000, 600, 396, 4}));
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        int n = 40_000;
        Map<String, Integer> free = lines(sample(model, n, 2, CopyGuard.NONE, "free"));
        int rare = free.getOrDefault("y,q", 0);
        assertThat(rare).as("the model draws the rare combination, rarely").isBetween(20, n / 200);

        CopyGuard guard = guard(model, masked);
        Map<String, Integer> guarded = lines(sample(model, n, 2, guard, "guarded"));
        assertThat(guard.active()).isTrue();
        assertThat(guarded).doesNotContainKey("y,q");
        assertThat(guard.redrawn()).isEqualTo(rare);
        for (String common : List.of("x,p", "x,q", "y,p")) {
            int before = free.get(common);
            int after = guarded.get(common);
            // the rows that held it still do; the redrawn rows add at most their own number, in proportion
            assertThat(after).as(common).isBetween(before, before + rare);
            double expected = before + rare * (double) before / (n - rare);
            assertThat(Math.abs(after - expected)).as(common).isLessThan(4 * Math.sqrt(rare) + 1);
        }
    }

    /** Labels a and b with the given counts of (x,p), (x,q), (y,p) and (y,q), in that order. */
    private static RawTable pairs(int[] counts) {
        String[][] pairs = {{"x", "p"}, {"x", "q"}, {"y", "p"}, {"y", "q"}};
        int n = java.util.Arrays.stream(counts).sum();
        String[] a = new String[n];
        String[] b = new String[n];
        for (int k = 0, i = 0; k < 4; k++) {
            for (int c = 0; c < counts[k]; c++, i++) {
                a[i] = pairs[k][0];
                b[i] = pairs[k][1];
            }
        }
        return table(List.of("a", "b"), List.of(a, b));
    }

    /**
     * Four customers: too few for the model to learn their dates (it writes the column as missing), so no day of
     * it is drawn; the guard still builds and the run's rows are drawn.
     */
    @Test
    void aDateColumnWrittenAsMissingNeedsNoDayTable() throws Exception {
        String[] when = {"2021-03-01", "2021-03-02", "2022-11-30", "2020-01-15"};
        String[] plan = {"basic", "basic", "pro", "pro"};
        Fitting.Masked masked = masked(table(List.of("joined", "plan"), List.of(when, plan)));
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        CopyGuard guard = guard(model, masked);
        Path out = sample(model, 100, 2, guard, "tiny");
        assertThat(lines(out).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @Test
    void aTableWhoseEveryCombinationIsCommonNeedsNoGuard() {
        String[] a = new String[100];
        String[] b = new String[100];
        for (int i = 0; i < 100; i++) {
            a[i] = i % 2 == 0 ? "x" : "y";
            b[i] = i % 4 < 2 ? "p" : "q";
        }
        Fitting.Masked masked = masked(table(List.of("a", "b"), List.of(a, b)));
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        assertThat(guard(model, masked).isNone()).isTrue();
    }

    /** {@code run} guards its output: with no hold-out, every input row is a training row. */
    @Test
    void runWritesNoCopyOfAUniqueTrainingRow() throws Exception {
        RawTable grid = smallGrid();
        StringBuilder csv = new StringBuilder("segment,tenure,spend,score\n");
        for (String row : rows(grid)) {
            csv.append(row).append('\n');
        }
        Path data = dir.resolve("grid.csv");
        Files.writeString(data, csv);
        Path profile = dir.resolve("grid.yaml");
        Files.writeString(profile, "job: grid\ninput:\n  path: \"" + data.toString().replace("\\", "/")
                + "\"\nmodel:\n  type: copula\noutput:\n  rows: 20000\nevaluate:\n  holdout: 0\n");
        RunJob.Result result = RunJob.run(profile, new RunJob.Overrides(null, 7L, 2, false, dir.resolve("out")), "test",
                Progress.NONE);
        Map<String, Integer> synthetic = lines(result.data());
        assertThat(synthetic.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20_000);
        assertThat(copies(synthetic, rows(grid))).isZero();
        // the manifest says what was done, in counts
        JsonNode check = new ObjectMapper().readTree(result.folder().resolve("privacy.json").toFile()).get("copies");
        assertThat(check.get("k").asInt()).isEqualTo(FitSettings.DEFAULTS.minGroup());
        assertThat(check.get("protected_combinations").asLong()).isEqualTo(150);
        assertThat(check.get("active").asBoolean()).isTrue();
        assertThat(check.get("pilot_share").asDouble()).isBetween(0.0, CopyGuard.MAX_PILOT_SHARE);
        assertThat(check.get("redrawn").asLong()).isPositive();
        assertThat(check.get("kept").asLong()).isZero();
    }
}
