package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.ColumnTree;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.SampleRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree sampler brings each stratified batch to the columns' own distributions while keeping every leaf's odds.
 *
 * <p>The table makes a column's leaves depend on a combination of columns drawn independently before it: region and
 * tier are independent, "segment" depends on region × tier (an interaction), so its leaves are region-tier cells. Both
 * region and tier come out with exact counts, but how many of a batch's rows fall in each cell varies like a 2 × 2
 * table with fixed margins, by about √(N·0.25·0.24) ≈ 22 rows. Drawn leaf by leaf with the leaves' own shares,
 * segment's batch count then misses N times its share by about 0.8 times that; "spend" (which depends on segment and
 * tier) likewise misses its quantiles by about 1/√N.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeBatchCalibrationTest {
    private static final int N = SampleRequest.BATCH_ROWS;
    private static final List<String> ORDER = List.of("region", "tier", "segment", "spend");
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    private SynthModel model;

    /**
     * 4,000 rows: region north/south (1/2 each); tier gold with a chance of 0.4, whatever the region; segment A with a chance of 0.9 for north-gold and south-silver and 0.1 otherwise; spend = 100 + 30·[A] +
     * 20·[gold] + 10·N(0, 1) with three decimals. Fitted without smoothing, so a leaf's shares are its rows'.
     */
    @BeforeAll
    void fit(@TempDir Path data) throws IOException {
        SplittableRandom random = new SplittableRandom(23);
        StringBuilder text = new StringBuilder("region,tier,segment,spend\n");
        for (int i = 0; i < 4_000; i++) {
            boolean north = random.nextBoolean();
            boolean gold = random.nextDouble() < 0.4;
            boolean a = random.nextDouble() < (north == gold ? 0.9 : 0.1);
            double spend = 100 + (a ? 30 : 0) + (gold ? 20 : 0) + 10 * gaussian(random);
            text.append(String.format(Locale.ROOT, "%s,%s,%s,%.3f%n", north ? "north" : "south",
                    gold ? "gold" : "silver", a ? "A" : "B", spend));
        }
        model = SampledTrees.fitTree(data.resolve("segments.csv"), text.toString(), new TreeSettings(0, 3, ORDER, 0));
    }

    /**
     * A label's batch count is within 2·L + 1 of N times its share (L: its tree's leaves): the tilted leaf shares add
     * up to N times the share (to 0.01), and each leaf's stratified count is within 2 of its m times its tilted share.
     * Drawn with the leaves' own shares the count misses by about 0.8 times the region-tier cells' spread, about 18
     * rows (see the class comment): within 2·L + 1 (9 with the four cells) for ten seeds has a chance below 1 in
     * 10,000.
     */
    @Test
    void aSplitLabelsBatchSharesAreTheColumnsOwn() {
        ColumnTree tree = tree("segment");
        int leaves = tree.leaves().size();
        assertTrue(leaves >= 3, "segment's tree splits on region and tier: " + leaves + " leaves");
        CategoricalColumn segment = (CategoricalColumn) model.columns().get(column("segment"));
        for (long seed : SEEDS) {
            Batch batch = draw(seed);
            int[] counts = new int[segment.marginal().shares().size()];
            for (int code : batch.codes(column("segment"))) {
                counts[code]++;
            }
            for (int c = 0; c < counts.length; c++) {
                double expected = N * segment.marginal().shares().get(c);
                assertEquals(expected, counts[c], 2.0 * leaves + 1, "label " + c + ", seed " + seed);
            }
        }
    }

    /**
     * The tilt keeps each leaf's odds up to one common factor: with λ the factor that makes the leaves' tilted shares
     * p·λ / (p·λ + 1 − p) add up to N times segment A's share over the batch's leaf sizes (solved here by bisection),
     * each leaf's count of A is within 2 (stratified) plus 0.5 of m times its tilted share. Moving the batch's surplus
     * within the one leaf where it fits best, or not tilting at all, breaks it in some leaf by tens of rows.
     */
    @Test
    void everyLeafKeepsItsOddsUpToOneCommonFactor() {
        ColumnTree tree = tree("segment");
        int column = column("segment");
        CategoricalColumn segment = (CategoricalColumn) model.columns().get(column);
        int a = segment.marginal().labels().indexOf("A");
        double target = N * segment.marginal().shares().get(a);
        for (long seed : SEEDS) {
            Batch batch = draw(seed);
            int[] leafOf = leaves(tree, batch);
            int[] rows = new int[tree.leaves().size()];
            int[] countA = new int[rows.length];
            double[] share = new double[rows.length];
            for (int r = 0; r < N; r++) {
                rows[leafOf[r]]++;
                countA[leafOf[r]] += batch.codes(column)[r] == a ? 1 : 0;
            }
            for (int l = 0; l < rows.length; l++) {
                ColumnTree.Leaf leaf = tree.leaves().get(l);
                for (int i = 0; i < leaf.codes().length; i++) {
                    share[l] += leaf.codes()[i] == a ? (double) leaf.counts()[i] / leaf.rows() : 0;
                }
            }
            double lo = -20;
            double hi = 20;
            for (int step = 0; step < 200; step++) {
                double mid = (lo + hi) / 2;
                if (tilted(rows, share, Math.exp(mid)) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double lambda = Math.exp((lo + hi) / 2);
            for (int l = 0; l < rows.length; l++) {
                double p = share[l] * lambda / (share[l] * lambda + 1 - share[l]);
                assertEquals(rows[l] * p, countA[l], 2.5, "leaf " + l + " (" + rows[l] + " rows, share "
                        + share[l] + ", common factor " + lambda + "), seed " + seed);
            }
        }
    }

    /**
     * A split number's batch is within 2/N of its marginal in Kolmogorov distance, plus the rounding to three decimals
     * (a few 1e-5 here): the value rows' positions are rank-mapped onto stratified uniforms before the quantile
     * function reads them. Leaf by leaf without that, the distance is about 0.8/√N ≈ 0.009.
     */
    @Test
    void aSplitNumbersBatchIsWithinTwoOverNOfItsMarginal() {
        ColumnTree tree = tree("spend");
        assertTrue(tree.leaves().size() >= 3, "spend's tree splits: " + tree.leaves().size() + " leaves");
        NumericColumn spend = (NumericColumn) model.columns().get(column("spend"));
        for (long seed : SEEDS) {
            double[] x = draw(seed).numbers(column("spend")).clone();
            double d = SampledTrees.kolmogorov(Arrays.copyOf(x, N), spend);
            assertTrue(d <= 2.0 / N + 1e-4, "KS distance " + d + ", seed " + seed);
        }
    }

    private static double tilted(int[] rows, double[] share, double lambda) {
        double sum = 0;
        for (int l = 0; l < rows.length; l++) {
            sum += rows[l] * share[l] * lambda / (share[l] * lambda + 1 - share[l]);
        }
        return sum;
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
