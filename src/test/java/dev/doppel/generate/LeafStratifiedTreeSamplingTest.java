package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.generate.condition.Audience;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.ColumnTree;
import dev.doppel.model.tree.Levels;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree sampler's stratification within each leaf (an unconditioned batch of a stratified output is drawn column
 * by column, each leaf's rows together): on a table where "spend" and "churn" depend on "plan" (and "spend" on "age"
 * within a plan), every leaf's outcome counts are within 2 of m times the leaf's shares, a leaf regression keeps its
 * dependence, and the bytes depend on the seed only.
 *
 * <p>Why 2: a leaf's m rows take m stratified probabilities, one in each 1/m of (0, 1) (a random permutation of the
 * strata, or the regression's draws rank-mapped onto them); an outcome's share p is an interval of (0, 1) that covers
 * whole strata and cuts at most two, so its count is within 2 of m·p. Stratifying over the whole batch, row by row,
 * does not give that: a leaf's rows are a subset of the batch picked by the columns drawn before, so their strata are
 * as scattered as iid draws and a count misses m·p by about √(m·p·(1 − p)).
 *
 * <p>The sampler also tilts a batch's leaf shares by one common factor per outcome so that the batch comes out with the
 * column's own shares ({@link TreeBatchCalibrationTest}). Here churn's and spend's leaves are plans, whose batch counts
 * are already exact (plan's tree is a root leaf), so the tilt moves a leaf's expected count by well under a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeafStratifiedTreeSamplingTest {
    private static final int N = SampleRequest.BATCH_ROWS;
    private static final List<String> ORDER = List.of("plan", "age", "spend", "churn");

    @TempDir
    Path dir;

    private SynthModel model;

    /**
     * 3,000 rows: plan basic/plus/pro (1,500/900/600), age 20..70, spend = 50 + 40·plan + 0.5·(age − 45) + 5·N(0, 1)
     * and churn yes with a chance of 0.35/0.20/0.08 by plan. Fitted without smoothing, so a leaf's shares are its
     * training counts over its rows, in the order plan, age, spend, churn, and two levels deep, so that spend's tree
     * splits on plan only and its leaves regress on age (deeper, it splits on age too and leaves little to regress).
     */
    @BeforeAll
    void fit(@TempDir Path data) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int[] plans = new int[3_000];
        Arrays.fill(plans, 1_500, 2_400, 1);
        Arrays.fill(plans, 2_400, 3_000, 2);
        for (int i = plans.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = plans[i];
            plans[i] = plans[j];
            plans[j] = t;
        }
        String[] names = {"basic", "plus", "pro"};
        double[] churn = {0.35, 0.20, 0.08};
        StringBuilder text = new StringBuilder("plan,age,spend,churn\n");
        for (int plan : plans) {
            int age = 20 + random.nextInt(51);
            double spend = 50 + 40 * plan + 0.5 * (age - 45) + 5 * gaussian(random);
            text.append(String.format(Locale.ROOT, "%s,%d,%.2f,%s%n", names[plan], age, spend,
                    random.nextDouble() < churn[plan] ? "yes" : "no"));
        }
        model = SampledTrees.fitTree(data.resolve("plans.csv"), text.toString(), new TreeSettings(0, 2, ORDER, 0));
    }

    /**
     * In each leaf of the spend and churn trees, each outcome's count is within 2 of m times its share (see the class
     * comment). Row-by-row batch-wide stratification misses by about √(m·p·(1 − p)): the churn leaves alone have
     * counts with that spread at 10 or more (m of a few hundred to thousands, p of 0.08 to 0.35), each within 2 with a
     * chance of at most about 5 / (√(2π)·10) = 0.2, so all within 2 for three seeds is out of reach for it.
     */
    @Test
    void eachLeafsOutcomeCountsAreWithinTwoOfItsShares() {
        ColumnTree spend = tree("spend");
        ColumnTree churn = tree("churn");
        assertTrue(spend.leaves().size() >= 2, "spend's tree splits: " + spend.leaves().size() + " leaves");
        assertTrue(churn.leaves().size() >= 2, "churn's tree splits: " + churn.leaves().size() + " leaves");
        for (long seed : new long[] {1, 2, 3}) {
            Batch batch = draw(seed);
            for (ColumnTree tree : List.of(spend, churn)) {
                int[] leafOf = leaves(tree, batch);
                for (int l = 0; l < tree.leaves().size(); l++) {
                    ColumnTree.Leaf leaf = tree.leaves().get(l);
                    int m = 0;
                    int[] counts = new int[leaf.codes().length];
                    for (int r = 0; r < N; r++) {
                        if (leafOf[r] == l) {
                            m++;
                            counts[outcomeIndex(leaf, outcome(tree, batch, r))]++;
                        }
                    }
                    for (int i = 0; i < counts.length; i++) {
                        double expected = (double) m * leaf.counts()[i] / leaf.rows();
                        assertEquals(expected, counts[i], 2.0, tree.column() + " leaf " + l + " (" + m
                                + " rows), outcome " + leaf.codes()[i] + ", seed " + seed);
                    }
                }
            }
        }
    }

    /**
     * A spend leaf that regresses on age keeps the dependence: within the leaf's m sampled rows, the correlation of
     * age's normal score (the regressor) with Φ⁻¹ of spend's rank is the regression's, ρ = b·s / √(b²·s² + σ²) (s:
     * the regressor's sd over those rows), within 0.012, over six seeds. The sampler makes the leaf's residual normals
     * exactly uncorrelated with the regressors over the leaf's rows, so no sampling noise is left in the correlation
     * of w with the regressor; what remains is the rank transform of a w that is a near-normal mixture (age's scores
     * are 32 quantile bins), which took 0.001 to 0.008 off here. With independent residuals a sample correlation
     * has a standard deviation of about (1 − ρ²)/√m, 0.015 at these leaves' m of 1,600 to 2,500: the 24 leaves
     * missed by up to 0.021, and all within 0.012 has a chance of about 0.55^24, below 1e-6. Dropping the
     * regression (correlation about 0) misses by ρ, above 0.5 here.
     */
    @Test
    void aLeafRegressionKeepsItsDependenceOnTheRegressor() {
        ColumnTree spend = tree("spend");
        int ageColumn = column("age");
        int spendColumn = column("spend");
        double[] scores = Levels.levelScores(model.columns().get(ageColumn));
        NumericColumn age = (NumericColumn) model.columns().get(ageColumn);
        int checked = 0;
        for (long seed : new long[] {1, 2, 3, 4, 5, 6}) {
            Batch batch = draw(seed);
            int[] leafOf = leaves(spend, batch);
            for (int l = 0; l < spend.leaves().size(); l++) {
                ColumnTree.Leaf leaf = spend.leaves().get(l);
                int k = leaf.regressors().length == 1 ? 0 : -1;
                if (k < 0 || !spend.predictors().get(leaf.regressors()[k]).equals("age")) {
                    continue;
                }
                List<double[]> rows = new ArrayList<>(); // {regressor score, spend}
                for (int r = 0; r < N; r++) {
                    double x = batch.numbers(spendColumn)[r];
                    if (leafOf[r] == l && !Double.isNaN(x)) {
                        rows.add(new double[] {scores[Levels.ofNumber(age, batch.numbers(ageColumn)[r])], x});
                    }
                }
                int m = rows.size();
                if (m < 500) {
                    continue;
                }
                double[] xs = rows.stream().mapToDouble(v -> v[0]).toArray();
                double[] ys = normalRanks(rows.stream().mapToDouble(v -> v[1]).toArray());
                double s = Math.sqrt(variance(xs));
                double b = leaf.slopes()[k];
                double rho = b * s / Math.sqrt(b * b * s * s + leaf.residual() * leaf.residual());
                assertTrue(rho > 0.5, "the fitted regression is strong: " + rho + " in " + spend);
                assertEquals(rho, correlation(xs, ys), 0.012, "leaf " + l + " (" + m + " rows), seed " + seed);
                checked++;
            }
        }
        assertTrue(checked >= 12, "leaves regressing on age with 500+ sampled rows: " + checked);
    }

    /** The same seed gives the same bytes with 1 and 2 threads, over three batches. */
    @Test
    void sameSeedSameBytesWhateverTheThreads() throws IOException {
        assertArrayEquals(sample(20_000, 1, "one.csv"), sample(20_000, 2, "two.csv"));
    }

    /** A row's outcome in a tree's column: a label code (-1 missing), or -1 / -2 / 0 for a number. */
    private int outcome(ColumnTree tree, Batch batch, int r) {
        int c = column(tree.column());
        ColumnModel m = model.columns().get(c);
        if (m instanceof CategoricalColumn) {
            return batch.codes(c)[r];
        }
        double x = batch.numbers(c)[r];
        NumericColumn num = (NumericColumn) m;
        return Double.isNaN(x) ? -1 : num.spikeShare() > 0 && x == num.spike().value() ? -2 : 0;
    }

    private static int outcomeIndex(ColumnTree.Leaf leaf, int code) {
        for (int i = 0; i < leaf.codes().length; i++) {
            if (leaf.codes()[i] == code) {
                return i;
            }
        }
        throw new AssertionError("outcome " + code + " is not in its leaf");
    }

    private byte[] sample(long rows, int threads, String name) throws IOException {
        Path out = dir.resolve(name);
        Sampling.run(new SampleRequest(model, rows, 7, threads, OutputFormat.CSV, Compression.SNAPPY, out, true,
                Map.of(), Audience.none()), Progress.NONE);
        return Files.readAllBytes(out);
    }

    /** Φ⁻¹((rank + 0.5) / n) of each value (ties take consecutive ranks in index order). */
    private static double[] normalRanks(double[] y) {
        Integer[] index = new Integer[y.length];
        for (int i = 0; i < y.length; i++) {
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> Double.compare(y[a], y[b]));
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            out[index[k]] = normal.inverseCumulativeProbability((k + 0.5) / y.length);
        }
        return out;
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
    }

    private static double correlation(double[] x, double[] y) {
        return new PearsonsCorrelation().correlation(x, y);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
    private ColumnTree tree(String column) {
        return SampledTrees.tree(model, column);
    }

    private int column(String name) {
        return SampledTrees.column(model, name);
    }

    private Batch draw(long seed) {
        return SampledTrees.draw(model, seed, N);
    }

    private int[] leaves(ColumnTree tree, Batch batch) {
        return SampledTrees.leaves(model, tree, batch, N);
    }
}
