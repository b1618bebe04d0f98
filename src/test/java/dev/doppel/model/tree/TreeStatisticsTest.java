package dev.doppel.model.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.model.SynthModel;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree model against tables with known structure: no splits on noise (the split test), a Gaussian correlation
 * recovered (the leaves' regressions), a label's latent dependence kept without splits (regressions on and of labels)
 * and no chance dependence kept below a split (the label regression's test), the shares of a count column kept (scores
 * spread over rounding cells), a root leaf drawing the marginal, no split on a table under 200 rows, and a tree that
 * does not split drawing the copula's conditional, with the values' Pearson correlations of the training rows.
 */
class TreeStatisticsTest {
    @TempDir
    Path dir;

    private RawTable write(String name, String header, int rows, Function<SplittableRandom, String> row)
            throws IOException {
        return write(name, header, rows, 20261123, row);
    }

    private RawTable write(String name, String header, int rows, long seed, Function<SplittableRandom, String> row)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int r = 0; r < rows; r++) {
            text.append(row.apply(random)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return TableReaders.read(file, ReadOptions.DEFAULTS);
    }

    private static SynthModel fit(RawTable t, double significance) {
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        TreeSettings d = TreeSettings.defaults(5);
        return TreeFitter.fit(copula, t, specs,
                new TreeSettings(d.minLeaf(), d.maxDepth(), List.of(), d.smoothing(), significance), 2);
    }

    private RawTable sample(SynthModel model, int rows) {
        Path out = dir.resolve("synthetic.csv");
        Sampling.run(new SampleRequest(model, rows, 11, 2, OutputFormat.CSV, Compression.SNAPPY, out, true),
                Progress.NONE);
        return TableReaders.read(out, ReadOptions.DEFAULTS);
    }

    private static int nodes(SynthModel model) {
        return model.trees().trees().stream().mapToInt(t -> t.feature().length).sum();
    }

    /**
     * Three independent columns (a 40-label category, a normal number, a 3-label category) on 20,000 rows: plain CART
     * (significance 1) splits on chance patterns down to its minimum leaf; with the test at 5% no tree splits.
     */
    @Test
    void splitsOnlyWhereTheColumnsDepend() throws IOException {
        RawTable noise = write("noise.csv", "city,spend,plan", 20_000, r -> String.format(Locale.ROOT, "c%02d,%.2f,%s",
                r.nextInt(40), 100 + 15 * gaussian(r), "p" + r.nextInt(3)));
        assertTrue(nodes(fit(noise, 1.0)) > 3, "plain CART splits on noise");
        assertEquals(3, nodes(fit(noise, TreeSettings.DEFAULT_SIGNIFICANCE)), "one root per column, no split");

        RawTable related = write("related.csv", "city,spend,plan", 20_000, r -> {
            int city = r.nextInt(40);
            String plan = r.nextDouble() < (city < 20 ? 0.7 : 0.3) ? "premium" : "basic";
            return String.format(Locale.ROOT, "c%02d,%.2f,%s", city, 100 + 15 * gaussian(r), plan);
        });
        SynthModel model = fit(related, TreeSettings.DEFAULT_SIGNIFICANCE);
        int planSplits = 0;
        for (ColumnTree tree : model.trees().trees()) {
            if (!tree.column().equals("spend")) {
                planSplits += tree.feature().length - 1;
            } else {
                assertEquals(1, tree.feature().length, "spend depends on nothing");
            }
        }
        assertTrue(planSplits > 0, "city and plan depend on each other");
    }

    /**
     * x and y standard normal with correlation 0.7 (5,000 rows). The synthetic correlation (50,000 rows) matches the
     * training rows' within 0.03: sampling error alone is about (1 - 0.49) / √50,000 ≈ 0.002 on each side, and the
     * trees see x through 32 quantile bins, which keeps 99.7% of a normal's correlation.
     */
    @Test
    void recoversAGaussianCorrelation() throws IOException {
        RawTable t = write("normal.csv", "x,y", 5_000, r -> {
            double x = gaussian(r);
            double y = 0.7 * x + Math.sqrt(1 - 0.49) * gaussian(r);
            return String.format(Locale.ROOT, "%.4f,%.4f", x, y);
        });
        SynthModel model = fit(t, TreeSettings.DEFAULT_SIGNIFICANCE);
        boolean regressions = model.trees().trees().stream().flatMap(tree -> tree.leaves().stream())
                .anyMatch(leaf -> leaf.regressors().length > 0);
        assertTrue(regressions, "leaves regress on the column before them");
        double real = correlation(t, "x", "y");
        double synthetic = correlation(sample(model, 50_000), "x", "y");
        assertEquals(real, synthetic, 0.03);
    }

    /**
     * A dependence that is strong in the middle and absent in the tails (y follows −x for the middle 70% of x, and is
     * independent of it in the outer 30%; 150 rows, so the tree does not split). No Gaussian copula keeps both its
     * Pearson correlation (−0.21 in the training rows) and its rank correlation (Spearman −0.38): the copula averages
     * a normal-score and a rank estimate and draws values whose Pearson correlation is −0.31 (Spearman −0.32). A tree
     * that does not split takes the latent correlation under which the values keep the training rows' Pearson
     * correlation, the one the quality report scores: the tree's synthetic Pearson correlation (40,000 rows) is within
     * 0.03 of the training rows' (its standard error is about (1 − ρ²)/√40,000 ≈ 0.005, and the tree sees x through 32
     * quantile bins, which keep about 99% of a correlation). Before, it drew the copula's (−0.30).
     */
    @Test
    void aTreeThatDoesNotSplitKeepsThePearsonCorrelationOfTheValues() throws IOException {
        RawTable t = write("middle.csv", "x,y", 150, 7, r -> {
            double u = r.nextDouble();
            double y = u > 0.15 && u < 0.85 ? -u + 0.1 * r.nextDouble() : r.nextDouble();
            return String.format(Locale.ROOT, "%.4f,%.4f", 10 * u, 10 * y);
        });
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        SynthModel tree = TreeFitter.fit(copula, t, specs, TreeSettings.defaults(5), 1);
        assertEquals(2, nodes(tree), "no split under 200 rows");
        double real = correlation(t, "x", "y");
        double fromCopula = correlation(sample(copula, 40_000), "x", "y");
        assertTrue(Math.abs(fromCopula - real) > 0.06, "the copula's values do not keep it: " + fromCopula);
        assertEquals(real, correlation(sample(tree, 40_000), "x", "y"), 0.03);
    }

    /**
     * A tree that does not split is the Gaussian copula's conditional of its column given the columns before it, so
     * the two models draw the same dependence. Three normal numbers with correlations 0.6 (x1, x2), −0.3 (x1, x3) and
     * 0.2 (x2, x3), and a yes/no label (35% yes) thresholding a latent normal whose correlations with them are 0.245,
     * 0.09 and −0.21; 150 rows, so no tree splits. Synthetic rows (50,000 from each model): every numeric pair's
     * Pearson correlation is within 0.03 of the training rows' (the tree keeps the values' correlation; standard errors
     * about 0.005, and 32 quantile bins keep 99% of a correlation), and each number's correlation with the label within
     * 0.03 of the copula's (a difference of two estimates with standard errors of about 0.0045: 0.03 is over 4 of its
     * standard errors). The label's dependence is weak for 150 rows (the training rows' correlations are 0.06, −0.15 and
     * −0.14, none of which passes the test a leaf regression asks of a label), and the copula keeps it, shrunk by the
     * evidence behind it: before, the tree's own leaf regression dropped it (the label's correlation with x1 came out
     * 0.002 against the copula's 0.044).
     */
    @Test
    void aTreeThatDoesNotSplitIsTheCopulasConditional() throws IOException {
        RawTable t = write("conditional.csv", "x1,x2,x3,label", 150, 11, r -> {
            double e1 = gaussian(r);
            double e2 = gaussian(r);
            double x1 = e1;
            double x2 = 0.6 * e1 + 0.8 * e2;
            double x3 = -0.3 * e1 + 0.475 * e2 + Math.sqrt(1 - 0.09 - 0.475 * 0.475) * gaussian(r);
            double z = 0.2 * x1 - 0.15 * x3 + Math.sqrt(1 - 0.04 - 0.0225 - 0.018) * gaussian(r);
            return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%s", x1, x2, x3, z > 0.385 ? "yes" : "no");
        });
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        SynthModel tree = TreeFitter.fit(copula, t, specs, TreeSettings.defaults(5), 2);
        assertEquals(4, nodes(tree), "no split under 200 rows");
        RawTable fromCopula = sample(copula, 50_000);
        RawTable fromTree = sample(tree, 50_000);
        for (String[] pair : new String[][] {{"x1", "x2"}, {"x1", "x3"}, {"x2", "x3"}}) {
            assertEquals(correlation(t, pair[0], pair[1]), correlation(fromTree, pair[0], pair[1]), 0.03,
                    pair[0] + " ~ " + pair[1]);
        }
        double strongest = 0;
        for (String x : List.of("x1", "x2", "x3")) {
            double expected = labelCorrelation(fromCopula, x);
            assertEquals(expected, labelCorrelation(fromTree, x), 0.03, "label ~ " + x);
            strongest = Math.max(strongest, Math.abs(expected));
        }
        assertTrue(strongest > 0.06, "the copula keeps the label's dependence: " + strongest);
    }

    /** Pearson's correlation of a number with the label's "yes" (1) or "no" (0). */
    private static double labelCorrelation(RawTable t, String x) {
        String[] label = t.column(t.names().indexOf("label"));
        double[] indicator = new double[label.length];
        for (int i = 0; i < label.length; i++) {
            indicator[i] = "yes".equals(label[i]) ? 1 : 0;
        }
        return correlation(column(t, x), indicator);
    }

    private static double spearman(RawTable t, String a, String b) {
        return new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(column(t, a),
                column(t, b));
    }

    /**
     * A count (Poisson, mean 2.5) that depends on a number: the synthetic shares of each count (100,000 rows) stay
     * within 0.01 of the training shares (5,000 rows: a share's own standard error there is at most 0.007).
     */
    @Test
    void keepsTheSharesOfACount() throws IOException {
        RawTable t = write("counts.csv", "income,visits", 5_000, r -> {
            double income = gaussian(r);
            int visits = poisson(r, 2.5 * Math.exp(0.3 * income - 0.045));
            return String.format(Locale.ROOT, "%.3f,%d", income, visits);
        });
        RawTable synthetic = sample(fit(t, TreeSettings.DEFAULT_SIGNIFICANCE), 100_000);
        double[] real = shares(t, "visits");
        double[] synth = shares(synthetic, "visits");
        for (int v = 0; v < 8; v++) {
            assertEquals(real[v], synth[v], 0.01, "share of " + v + " visits");
        }
    }

    /**
     * A yes/no label thresholding a latent normal that correlates 0.6 with a number x, with splits ruled out (minimum
     * leaf above the row count) so that the root leaves' regressions (the copula's conditionals) alone carry the
     * dependence, in both visit orders. The gap between x's means among "yes" and "no" rows (0.97 in the population)
     * stays within 0.08 of the training rows' (5,000 rows: its standard error there is about 0.03; 50,000 synthetic
     * rows add 0.01). Regressing on the label's scores, or regressing them, without undoing their attenuation (var
     * E[z | band] = 0.62 here) would give a gap of about 0.6.
     */
    @Test
    void keepsALabelsLatentDependenceWithoutSplits() throws IOException {
        RawTable t = write("latent.csv", "x,label", 5_000, r -> {
            double x = gaussian(r);
            double z = 0.6 * x + 0.8 * gaussian(r);
            return String.format(Locale.ROOT, "%.4f,%s", x, z > 0.3 ? "yes" : "no");
        });
        double real = meanGap(t);
        assertTrue(real > 0.85 && real < 1.1, "the training rows' gap is near the population's 0.97: " + real);
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        for (List<String> order : List.of(List.of("x", "label"), List.of("label", "x"))) {
            SynthModel model = TreeFitter.fit(copula, t, specs, new TreeSettings(1_000_000,
                    TreeSettings.DEFAULT_MAX_DEPTH, order, 0, TreeSettings.DEFAULT_SIGNIFICANCE), 2);
            assertEquals(2, nodes(model), "no splits");
            RawTable synthetic = sample(model, 50_000);
            assertEquals(real, meanGap(synthetic), 0.08, "gap with " + order.get(0) + " drawn first");
            assertEquals(TreeModelTest.share(t, "label", "yes"), TreeModelTest.share(synthetic, "label", "yes"), 0.015,
                    "share of yes");
        }
    }

    /**
     * A yes/no label independent of three normal numbers drawn before it, except through a category g drawn first
     * (every other row g = a; "yes" in 35% of g = a rows, 5% of g = b; 400 rows, minimum leaf 200): the label's tree
     * splits on g into two leaves of 200 rows, and whatever dependence on the numbers a leaf's regression finds is
     * chance. The loose screen (|r|·√200 > 0.97 with 3 predictors) lets at least one number in for about 70% of such
     * leaves, and rescaled to the latent normal (var E[z | label] = 0.19 for a 5% label) chance alone would explain a
     * good part of the label. A leaf's label regression is kept only when its strongest predictor passes the 5% test
     * Bonferroni-adjusted for the 3 (|r|·√200 > 2.39), about 1 leaf in 20: of the 120 leaves of 60 tables at most 14
     * may keep one (6 expected; 15 or more has probability 0.002), and the latent share they explain averages under
     * 0.05. With the test off (significance 1, plain CART, the screen alone) more than half keep one (84 expected,
     * standard deviation 5). (A tree that does not split is the copula's conditional instead, see
     * {@link #aTreeThatDoesNotSplitIsTheCopulasConditional}.)
     */
    @Test
    void aLabelIndependentOfItsPredictorsBelowASplitKeepsNoRegression() throws IOException {
        int tables = 60;
        int leaves = 0;
        int kept = 0;
        int leavesUntested = 0;
        int keptUntested = 0;
        double explained = 0;
        for (int i = 0; i < tables; i++) {
            int[] row = {0};
            RawTable t = write("chance" + i + ".csv", "g,x1,x2,x3,label", 400, 7_000 + i, r -> {
                boolean a = row[0]++ % 2 == 0;
                return String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%s", a ? "a" : "b", gaussian(r), gaussian(r),
                        gaussian(r), r.nextDouble() < (a ? 0.35 : 0.05) ? "yes" : "no");
            });
            for (ColumnTree.Leaf leaf : labelLeaves(t, TreeSettings.DEFAULT_SIGNIFICANCE)) {
                leaves++;
                kept += leaf.regressors().length > 0 ? 1 : 0;
                explained += 1 - leaf.residual() * leaf.residual();
            }
            for (ColumnTree.Leaf leaf : labelLeaves(t, 1)) {
                leavesUntested++;
                keptUntested += leaf.regressors().length > 0 ? 1 : 0;
            }
        }
        assertTrue(kept <= 14, "leaves keeping a chance regression: " + kept + " of " + leaves);
        assertTrue(explained / leaves < 0.05, "latent share explained by chance: " + explained / leaves);
        assertTrue(keptUntested > leavesUntested / 2, "without the test: " + keptUntested + " of " + leavesUntested);
    }

    /**
     * The same tables, but below g the label thresholds a latent normal correlated 0.6 with x1 ("yes" when it exceeds
     * 0 for g = a, 0.8 for g = b): in a leaf of 200 rows the label scores' correlation with x1 is about 0.6 × 0.64 =
     * 0.38 for the even yes/no and 0.6 × 0.50 = 0.30 for the 21% one, so |r|·√200 ≈ 5.4 and 4.2 against the test's
     * 2.39, and a leaf drops its regression with probability under 0.01: at least 90% of the 120 leaves keep it.
     */
    @Test
    void aLabelsRealDependenceBelowASplitKeepsItsRegression() throws IOException {
        int tables = 60;
        int leaves = 0;
        int kept = 0;
        for (int i = 0; i < tables; i++) {
            int[] row = {0};
            RawTable t = write("real" + i + ".csv", "g,x1,x2,x3,label", 400, 8_000 + i, r -> {
                boolean a = row[0]++ % 2 == 0;
                double x1 = gaussian(r);
                double z = 0.6 * x1 + 0.8 * gaussian(r);
                return String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%s", a ? "a" : "b", x1, gaussian(r), gaussian(r),
                        z > (a ? 0 : 0.8) ? "yes" : "no");
            });
            for (ColumnTree.Leaf leaf : labelLeaves(t, TreeSettings.DEFAULT_SIGNIFICANCE)) {
                leaves++;
                kept += leaf.regressors().length > 0 ? 1 : 0;
            }
        }
        assertTrue(kept >= 0.9 * leaves, "leaves keeping the real dependence: " + kept + " of " + leaves);
    }

    /**
     * The leaves of the label's tree when g, x1, x2, x3 and label are drawn in that order with leaves of at least 100
     * rows; the tree splits.
     */
    private static List<ColumnTree.Leaf> labelLeaves(RawTable t, double significance) {
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel model = TreeFitter.fit(CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test"), t, specs,
                new TreeSettings(200, TreeSettings.DEFAULT_MAX_DEPTH, List.of("g", "x1", "x2", "x3", "label"), 0,
                        significance), 1);
        ColumnTree label = model.trees().trees().get(4);
        assertEquals("label", label.column());
        assertTrue(label.leaves().size() > 1, "the label's tree splits");
        return label.leaves();
    }

    /**
     * x normal and y = x² plus noise (5,000 rows), x drawn first: x's tree is a single root leaf, which stores no score
     * groups (its scores are the marginal's own), so x is drawn from its marginal: the share of 50,000 synthetic x at
     * or below the marginal's p-quantile is p within 0.01 (its standard error is at most 0.0023). y's tree splits (y is
     * not monotone in x) and its leaves do describe their scores with groups.
     */
    @Test
    void aRootLeafDrawsTheMarginal() throws IOException {
        RawTable t = write("square.csv", "x,y", 5_000, r -> {
            double x = gaussian(r);
            return String.format(Locale.ROOT, "%.4f,%.4f", x, x * x + 0.3 * gaussian(r));
        });
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        TreeSettings d = TreeSettings.defaults(5);
        SynthModel model = TreeFitter.fit(copula, t, specs, new TreeSettings(0, d.maxDepth(), List.of("x", "y"),
                d.smoothing(), d.significance()), 2);
        ColumnTree x = model.trees().trees().get(0);
        ColumnTree y = model.trees().trees().get(1);
        assertEquals(1, x.leaves().size());
        assertEquals(0, x.leaves().get(0).weight().length, "a root leaf stores no groups");
        assertTrue(y.leaves().size() > 1, "y splits on x");
        assertTrue(y.leaves().stream().allMatch(leaf -> leaf.weight().length > 1), "y's leaves keep their groups");
        QuantileMarginal marginal = ((NumericColumn) model.columns().stream().filter(c -> c.name().equals("x"))
                .findFirst().orElseThrow()).marginal();
        double[] synthetic = column(sample(model, 50_000), "x");
        for (double p : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
            double q = marginal.quantile(p);
            double below = 0;
            for (double v : synthetic) {
                below += v <= q ? 1.0 / synthetic.length : 0;
            }
            assertEquals(p, below, 0.01, "share at or below the marginal's " + p + "-quantile");
        }
    }

    /**
     * Under {@value TreeSettings#MIN_SPLIT_ROWS} rows the automatic minimum leaf is the table: a label that x decides
     * nearly alone (150 rows) gets no split, while an explicit minimum leaf of 10 still splits it. From 200 rows on the
     * automatic minimum leaf is √n.
     */
    @Test
    void aTableUnderTwoHundredRowsGrowsNoSplitUnlessAsked() throws IOException {
        assertEquals(100, TreeSettings.automaticMinLeaf(100, 5));
        assertEquals(199, TreeSettings.automaticMinLeaf(199, 5));
        assertEquals(14, TreeSettings.automaticMinLeaf(200, 5));
        assertEquals(5, TreeSettings.automaticMinLeaf(3, 5));
        RawTable t = write("small.csv", "x,label", 150, r -> {
            double x = gaussian(r);
            return String.format(Locale.ROOT, "%.4f,%s", x, x + 0.2 * gaussian(r) > 0 ? "yes" : "no");
        });
        assertEquals(2, nodes(fit(t, TreeSettings.DEFAULT_SIGNIFICANCE)), "one root per column");
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        TreeSettings d = TreeSettings.defaults(5);
        SynthModel asked = TreeFitter.fit(copula, t, specs, new TreeSettings(10, d.maxDepth(), List.of(),
                d.smoothing(), d.significance()), 2);
        assertTrue(nodes(asked) > 2, "an explicit min leaf splits");
    }

    /** Mean x among the "yes" rows minus mean x among the "no" rows. */
    private static double meanGap(RawTable t) {
        double[] x = column(t, "x");
        String[] label = t.column(t.names().indexOf("label"));
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < x.length; i++) {
            int yes = "yes".equals(label[i]) ? 1 : 0;
            sum[yes] += x[i];
            count[yes]++;
        }
        return sum[1] / count[1] - sum[0] / count[0];
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static double[] column(RawTable t, String name) {
        String[] cells = t.column(t.names().indexOf(name));
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = Double.parseDouble(cells[i]);
        }
        return out;
    }

    private static double correlation(RawTable t, String a, String b) {
        return correlation(column(t, a), column(t, b));
    }

    private static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] shares(RawTable t, String name) {
        double[] values = column(t, name);
        double[] out = new double[64];
        for (double v : values) {
            out[(int) Math.min(63, v)] += 1.0 / values.length;
        }
        return out;
    }
}
