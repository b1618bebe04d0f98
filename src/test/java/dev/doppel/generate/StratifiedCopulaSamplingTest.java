package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copula sampler's stratified latent normals: within a batch each latent dimension is mapped, in the rank order
 * the copula drew, onto one normal per equal-probability stratum, so a label's count is within 2 of n times its share
 * (in a column with no missing cells: those come from a dimension of their own, and the present rows are not
 * stratified among themselves), and a number's Kolmogorov-Smirnov distance to its marginal is
 * at most 2/n, while iid draws miss by about √(n·p·(1 − p)) and 1/√n (see StratifiedTreeSamplingTest for the odds);
 * and the rank order keeps the copula's correlation.
 */
class StratifiedCopulaSamplingTest {
    private static final int N = SampleRequest.BATCH_ROWS;

    @TempDir
    Path dir;

    /** plan: labels p0..p9 with 110 + 20·k of the 2,000 rows; spend, y: normals with correlation 0.8. */
    private SynthModel copula() throws IOException {
        SplittableRandom random = new SplittableRandom(9);
        String[] plans = new String[2_000];
        int i = 0;
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 110 + 20 * k; j++) {
                plans[i++] = "p" + k;
            }
        }
        StringBuilder text = new StringBuilder("plan,spend,y\n");
        for (String plan : plans) {
            double x = gaussian(random);
            double y = 0.8 * x + 0.6 * gaussian(random);
            text.append(String.format(Locale.ROOT, "%s,%.3f,%.3f%n", plan, 100 + 15 * x, y));
        }
        Path file = dir.resolve("plans.csv");
        Files.writeString(file, text);
        RawTable t = TableReaders.read(file, ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        return CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
    }

    @Test
    void aBatchHasTheMarginalsToWithinTwoRowsAndKeepsTheCorrelation() throws IOException {
        SynthModel model = copula();
        CategoricalColumn plan = (CategoricalColumn) model.columns().get(0);
        NumericColumn spend = (NumericColumn) model.columns().get(1);
        assertEquals(0, plan.missingShare());
        for (long seed : new long[] {1, 2, 3}) {
            RowSampler sampler = new RowSampler(model, seed, Map.of(), N);
            Batch batch = sampler.newBatch(N);
            sampler.fill(batch, 0, 0, N);
            int[] counts = new int[plan.marginal().labels().size()];
            for (int code : batch.codes(0)) {
                counts[code]++;
            }
            for (int c = 0; c < counts.length; c++) {
                assertEquals(N * plan.marginal().shares().get(c), counts[c], 2.0,
                        plan.marginal().labels().get(c) + ", seed " + seed);
            }
            double[] x = batch.numbers(1).clone();
            double[] y = batch.numbers(2).clone();
            assertTrue(pearson(x, y) > 0.77 && pearson(x, y) < 0.83, "correlation " + pearson(x, y)); // ±3.5 se
            Arrays.sort(x);
            double d = 0;
            for (int i = 0; i < N; i++) {
                double f = spend.cdf(x[i]);
                d = Math.max(d, Math.max((i + 1.0) / N - f, f - (double) i / N));
            }
            assertTrue(d <= 2.0 / N, "KS distance " + d + ", seed " + seed);
        }
    }

    /**
     * A batch's latent normals are made exactly uncorrelated before the copula correlates them, so a batch of m rows
     * shows the model's correlation, not the model's ± (1 − ρ²)/√m of m independent draws (0.016 here: over these 8
     * batches independent draws missed by up to 0.027). What is left is the difference between the normals' Pearson
     * correlation and their ranks' (the rank map keeps only the ranks): the normal scores of spend and y correlate
     * within 0.01 of the model's latent correlation (0.006 at worst here).
     */
    @Test
    void aBatchShowsTheModelsLatentCorrelationWithoutChanceCorrelation() throws IOException {
        SynthModel model = copula();
        int spend = model.copula().columns().indexOf("spend");
        int y = model.copula().columns().indexOf("y");
        double rho = model.copula().correlation()[spend][y];
        int m = 500;
        double worst = 0;
        for (long seed = 1; seed <= 8; seed++) {
            RowSampler sampler = new RowSampler(model, seed, Map.of(), m);
            Batch batch = sampler.newBatch(m);
            sampler.fill(batch, 0, 0, m);
            double r = pearson(normalScores(batch.numbers(1)), normalScores(batch.numbers(2)));
            worst = Math.max(worst, Math.abs(r - rho));
        }
        assertTrue(worst < 0.01, "normal-score correlation misses the model's " + rho + " by up to " + worst);
    }

    /** Φ⁻¹((rank + 0.5) / n) of each value (no ties in these columns). */
    private static double[] normalScores(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] z = new double[x.length];
        org.apache.commons.math3.distribution.NormalDistribution normal =
                new org.apache.commons.math3.distribution.NormalDistribution();
        for (int k = 0; k < x.length; k++) {
            z[order[k]] = normal.inverseCumulativeProbability((k + 0.5) / x.length);
        }
        return z;
    }

    private static double pearson(double[] x, double[] y) {
        return new PearsonsCorrelation().correlation(x, y);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
