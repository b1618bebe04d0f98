package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.generate.condition.Audience;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree sampler's stratified draws ({@link StratifiedUniforms}): within a batch, a root leaf's column comes out with
 * the model's shares and distribution to within 2/n, far closer than iid draws could; the bytes depend on the seed
 * only, not the thread count; conditioned rows still all meet their condition and follow the model given it.
 *
 * <p>Why 2/n: with n stratified uniforms, each of the n strata of width 1/n holds exactly one; an interval of (0, 1)
 * of length p covers whole strata, each holding one uniform, and cuts at most two, holding one or none each, so the
 * count inside it is within 2 of n·p. iid draws miss by about √(n·p·(1 − p)).
 */
class StratifiedTreeSamplingTest {
    /** One batch: the stratification's unit. */
    private static final int N = SampleRequest.BATCH_ROWS;

    @TempDir
    Path dir;

    private RawTable write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return TableReaders.read(file, ReadOptions.DEFAULTS);
    }

    private static SynthModel tree(RawTable t) {
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        return TreeFitter.fit(copula, t, specs, TreeSettings.defaults(5), 2);
    }

    /** 2,000 rows of one column "plan": 100 empty cells and labels p0..p9 with 100 + 20·k rows each, shuffled. */
    private RawTable plans() throws IOException {
        String[] cells = new String[2_000];
        int i = 0;
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 100 + 20 * k; j++) {
                cells[i++] = "p" + k;
            }
        }
        Arrays.fill(cells, i, cells.length, "");
        shuffle(cells, new SplittableRandom(5));
        return write("plans.csv", "plan\n" + String.join("\n", cells) + "\n");
    }

    /** 2,000 rows of one column "spend": 100 + 15·N(0, 1) with three decimals. */
    private RawTable spends() throws IOException {
        SplittableRandom random = new SplittableRandom(6);
        StringBuilder text = new StringBuilder("spend\n");
        for (int r = 0; r < 2_000; r++) {
            text.append(String.format(Locale.ROOT, "%.3f%n", 100 + 15 * gaussian(random)));
        }
        return write("spends.csv", text.toString());
    }

    /**
     * The sampled count of every outcome (missing and each label) is within 2 of n times the model's share. With iid
     * draws each count has a standard deviation √(n·p·(1 − p)) of at least 19.7 here (the smallest shares are 0.05),
     * so it lands within 2 of its mean with a chance below 5 / (√(2π)·19.7) ≈ 0.10; the eleven counts have ten free,
     * so iid draws would pass one seed with a chance of about 0.10^10 = 1e-10.
     */
    @Test
    void aRootLeafsLabelSharesMissByLessThanTwoRowsInABatch() throws IOException {
        SynthModel model = tree(plans());
        assertEquals("tree", model.kind());
        CategoricalColumn plan = (CategoricalColumn) model.columns().get(0);
        assertEquals(0.05, plan.missingShare(), 1e-12);
        List<String> labels = plan.marginal().labels();
        for (int k = 0; k < 10; k++) { // the model holds the known shares
            assertEquals((100 + 20 * k) / 1_900.0, plan.marginal().shares().get(labels.indexOf("p" + k)), 1e-12);
        }
        for (long seed : new long[] {1, 2, 3}) {
            int[] counts = new int[labels.size() + 1]; // missing first
            for (int code : draw(model, seed).codes(0)) {
                counts[code + 1]++;
            }
            assertEquals(N * 0.05, counts[0], 2.0, "missing cells, seed " + seed);
            for (int c = 0; c < labels.size(); c++) {
                double expected = N * 0.95 * plan.marginal().shares().get(c);
                assertEquals(expected, counts[c + 1], 2.0, labels.get(c) + ", seed " + seed);
            }
        }
    }

    /**
     * The sample's Kolmogorov-Smirnov distance to the model's marginal is at most 2/n (plus the rounding to three
     * decimals, a few millionths here): stratified uniforms are within 1/n of their empirical distribution, and the
     * quantile function carries that over. For iid draws, √n·D follows Kolmogorov's distribution, and
     * P(√n·D ≤ 0.27) ≈ 4e-7 already, while 2/n is √n·D ≈ 0.022.
     */
    @Test
    void aRootLeafsNumbersAreWithinTwoOverNOfTheMarginalInKolmogorovDistance() throws IOException {
        SynthModel model = tree(spends());
        NumericColumn spend = (NumericColumn) model.columns().get(0);
        for (long seed : new long[] {1, 2, 3}) {
            double[] x = draw(model, seed).numbers(0).clone();
            double d = SampledTrees.kolmogorov(Arrays.copyOf(x, N), spend);
            assertTrue(d <= 2.0 / N, "KS distance " + d + ", seed " + seed);
        }
    }

    /** The same seed gives the same bytes with 1 and 2 threads, over three batches, with and without a condition. */
    @Test
    void sameSeedSameBytesWhateverTheThreads() throws IOException {
        SynthModel model = tree(plans());
        for (String where : new String[] {null, "plan = 'p3' or plan = 'p9'"}) {
            Audience audience = where == null ? Audience.none() : Audience.compile(model, where, null);
            byte[] one = sample(model, 20_000, 1, audience, "one.csv");
            byte[] two = sample(model, 20_000, 2, audience, "two.csv");
            assertArrayEquals(one, two, "where " + where);
        }
        assertFalse(Arrays.equals(sample(model, 20_000, 2, Audience.none(), "a.csv"),
                sampleWithSeed(model, 20_000, 8, "b.csv")), "another seed, other bytes");
    }

    /**
     * A condition on the number keeps only rows that meet it, and they follow the model given the condition: their KS
     * distance to the marginal cut at the bound, F(x | x ≥ q) = (F(x) − F(q)) / (1 − F(q)), is below the 1e-5 critical
     * value 2.4/√n of iid draws (a row's first attempt takes its stratified uniforms, the retries fresh ones, and each
     * kept row is a draw from the conditional).
     */
    @Test
    void conditionedRowsMeetTheConditionAndFollowTheConditional() throws IOException {
        SynthModel model = tree(spends());
        NumericColumn spend = (NumericColumn) model.columns().get(0);
        sample(model, N, 2, Audience.compile(model, "spend >= 110", null), "where.csv");
        RawTable out = TableReaders.read(dir.resolve("where.csv"), ReadOptions.DEFAULTS);
        String[] cells = out.column(0);
        assertEquals(N, cells.length);
        double[] x = new double[cells.length];
        for (int r = 0; r < x.length; r++) {
            x[r] = Double.parseDouble(cells[r]);
            assertTrue(x[r] >= 110, "row " + r + " breaks the condition");
        }
        Arrays.sort(x);
        double below = spend.cdf(Math.nextDown(110.0));
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double f = (spend.cdf(x[i]) - below) / (1 - below);
            d = Math.max(d, Math.max((i + 1.0) / x.length - f, f - (double) i / x.length));
        }
        assertTrue(d < 2.4 / Math.sqrt(x.length), "KS distance to the conditional " + d);
    }

    /**
     * Above {@link RowSampler#STRATIFIED_ROWS} output rows the draws are independent (stratifying would cost 20 to 50%
     * of sampling time for a gain the sample's size has made negligible): the first batch's counts then miss n times
     * the share by more than 2 rows somewhere (with stratified draws none can; with iid draws all eleven land within
     * 2 with a chance of about 1e-10, see above).
     */
    @Test
    void largeOutputsAreDrawnIndependently() throws IOException {
        SynthModel model = tree(plans());
        assertTrue(new RowSampler(model, 1, Map.of(), RowSampler.STRATIFIED_ROWS).stratified());
        RowSampler sampler = new RowSampler(model, 1, Map.of(), RowSampler.STRATIFIED_ROWS + 1);
        assertFalse(sampler.stratified());
        Batch batch = sampler.newBatch(N);
        sampler.fill(batch, 0, 0, N);
        CategoricalColumn plan = (CategoricalColumn) model.columns().get(0);
        int[] counts = new int[plan.marginal().labels().size() + 1];
        for (int code : batch.codes(0)) {
            counts[code + 1]++;
        }
        double worst = Math.abs(counts[0] - N * 0.05);
        for (int c = 0; c + 1 < counts.length; c++) {
            worst = Math.max(worst, Math.abs(counts[c + 1] - N * 0.95 * plan.marginal().shares().get(c)));
        }
        assertTrue(worst > 2, "iid draws matched every share to 2 rows: " + worst);
    }

    private static Batch draw(SynthModel model, long seed) {
        RowSampler sampler = new RowSampler(model, seed, Map.of(), N);
        Batch batch = sampler.newBatch(N);
        sampler.fill(batch, 0, 0, N);
        return batch;
    }

    private byte[] sample(SynthModel model, long rows, int threads, Audience audience, String name)
            throws IOException {
        Path out = dir.resolve(name);
        Sampling.run(new SampleRequest(model, rows, 7, threads, OutputFormat.CSV, Compression.SNAPPY, out, true,
                Map.of(), audience), Progress.NONE);
        return Files.readAllBytes(out);
    }

    private byte[] sampleWithSeed(SynthModel model, long rows, long seed, String name) throws IOException {
        Path out = dir.resolve(name);
        Sampling.run(new SampleRequest(model, rows, seed, 2, OutputFormat.CSV, Compression.SNAPPY, out, true),
                Progress.NONE);
        return Files.readAllBytes(out);
    }

    private static void shuffle(String[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
