package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stratified sampling keeps the dependence between columns in small batches and leaves. Rank-mapping m values onto m
 * strata keeps only their rank order, which weakens a correlation by about 1/m of itself (0.785 came out as 0.734 over
 * batches of 20 rows); so below {@link StratifiedUniforms#RANK_MAP_MIN_ROWS} rows the samplers draw each row exactly
 * (the copula's normals as drawn, a tree leaf's regression with stratified noise).
 *
 * <p>The check: a model of two columns correlated at about 0.72, sampled in 8,000 outputs of 10 rows (stratified,
 * one batch each, one leaf in the tree: 150 training rows do not split), pooled, against 10 batches of 8,192 rows
 * drawn independently (an output above {@link RowSampler#STRATIFIED_ROWS}). Each pooled Pearson r has a standard
 * error of about (1 − r²)/√n ≈ 0.0017 here, so the two agree to 0.01 (over 4 standard errors of their difference).
 * Rank-mapped, outputs of 10 rows missed by about 0.09 (copula) and 0.02 (tree; its predictor enters the regression
 * through coarse quantile bins).
 */
class SmallBatchDependenceTest {
    private static final int SMALL = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"copula", "tree"})
    void smallStratifiedOutputsKeepTheCorrelation(String kind) throws IOException {
        SynthModel model = model(kind);
        RowSampler small = new RowSampler(model, 11, Map.of(), SMALL);
        assertTrue(small.stratified());
        double[][] pooled = draw(small, 8_000, SMALL);
        RowSampler large = new RowSampler(model, 12, Map.of(), RowSampler.STRATIFIED_ROWS + 1);
        assertFalse(large.stratified());
        double[][] reference = draw(large, 10, 8_192);
        double r = new PearsonsCorrelation().correlation(pooled[0], pooled[1]);
        double expected = new PearsonsCorrelation().correlation(reference[0], reference[1]);
        assertTrue(expected > 0.7, "the model keeps the data's correlation: " + expected);
        assertEquals(expected, r, 0.01, kind + ": the correlation in outputs of " + SMALL + " rows");
    }

    private SynthModel model(String kind) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 150; i++) {
            double a = gaussian(random);
            double b = 0.8 * a + 0.6 * gaussian(random);
            text.append(String.format(Locale.ROOT, "%.4f,%.4f%n", 50 + 10 * a, 20 + 5 * b));
        }
        Path file = dir.resolve("xy.csv");
        Files.writeString(file, text.toString());
        RawTable table = TableReaders.read(file, ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(table, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(table, specs, FitSettings.DEFAULTS, "test");
        return kind.equals("tree") ? TreeFitter.fit(copula, table, specs, TreeSettings.defaults(5), 1) : copula;
    }

    /** {@code batches} batches of {@code rows} rows, their two columns side by side. */
    private static double[][] draw(RowSampler sampler, int batches, int rows) {
        double[][] out = new double[2][batches * rows];
        Batch batch = sampler.newBatch(rows);
        for (int b = 0; b < batches; b++) {
            sampler.fill(batch, b, (long) b * rows, rows);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(batch.numbers(c), 0, out[c], b * rows, rows);
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
