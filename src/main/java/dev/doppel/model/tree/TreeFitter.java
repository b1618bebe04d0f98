package dev.doppel.model.tree;

import dev.doppel.error.InputException;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.stats.Correlations;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits the sequential tree model on top of a fitted copula model: the columns' marginals (quantile knots, label
 * shares, both already protected) stay as they are, and each numeric or categorical column gets a tree that draws it
 * given the columns before it (see {@link TreeSequence}). Identifiers, text and made-up columns are generated as in
 * the copula model. Trees are fitted in parallel; the result does not depend on the thread count.
 */
public final class TreeFitter {
    private TreeFitter() {}

    /** One column's encodings, as the trees see it; {@code values} are a numeric column's numbers (null for a label). */
    private record Encoded(String name, ColumnModel model, int[] level, int levelCount, boolean ordered,
            double[] levelScores, int[] cls, int classes, double[] score, double[] jitter, double[] values) {}

    /**
     * What the trees that do not split ask of the numeric columns' values (see {@link #rootConditional}), shared by
     * one fit's trees and computed once, when first asked: each column's value function for {@link ValueCorrelation},
     * each pair's Pearson correlation. Most trees split and never ask. Thread-safe.
     */
    private static final class ValueStatistics {
        private static final double[] NONE = new double[0];
        private final List<Encoded> order;
        private final Map<Integer, double[]> hermite = new ConcurrentHashMap<>();
        private final Map<Long, Double> pearson = new ConcurrentHashMap<>();

        ValueStatistics(List<Encoded> order) {
            this.order = order;
        }

        /** Column p's Hermite coefficients; null unless it is numeric with values that vary. */
        double[] hermite(int p) {
            double[] h = hermite.computeIfAbsent(p, i -> {
                double[] out = order.get(i).model() instanceof NumericColumn num ? ValueCorrelation.hermite(num) : null;
                return out == null ? NONE : out;
            });
            return h == NONE ? null : h;
        }

        /** Pearson's correlation of columns a and b's values over the rows where both are present; NaN if unknown. */
        double pearson(int a, int b) {
            long key = (long) Math.min(a, b) * order.size() + Math.max(a, b);
            return pearson.computeIfAbsent(key,
                    x -> Correlations.pearsonPairwiseOrUnknown(order.get(a).values(), order.get(b).values()));
        }
    }

    /**
     * @param base the copula model fitted on the same table (its column models are kept)
     * @param table the table it was fitted on
     * @param specs one per table column
     * @param settings the tree settings (min leaf already at least k)
     * @param threads worker threads
     * @throws InputException when the settings' order names a column the trees do not draw
     */
    public static SynthModel fit(SynthModel base, RawTable table, List<ColumnSpec> specs, TreeSettings settings,
            int threads) {
        int k = base.settings().minGroup();
        List<Encoded> encoded = new ArrayList<>();
        for (ColumnModel m : base.columns()) {
            if (!(m instanceof NumericColumn) && !(m instanceof CategoricalColumn)) {
                continue;
            }
            int c = indexOf(specs, m.name());
            if (c < 0) {
                continue;
            }
            encoded.add(m instanceof NumericColumn num ? numeric(num, table, c, specs.get(c))
                    : categorical((CategoricalColumn) m, table, c, specs.get(c), base.settings().rareLabel()));
        }
        int[] visit = VisitOrder.of(encoded.stream().map(Encoded::name).toList(),
                encoded.stream().map(Encoded::level).toList(),
                encoded.stream().mapToInt(Encoded::levelCount).toArray(), settings.order());
        List<Encoded> order = new ArrayList<>(visit.length);
        for (int i : visit) {
            order.add(encoded.get(i));
        }
        List<ColumnTree> trees = growAll(order, settings, k, threads, base.copula(), new ValueStatistics(order));
        List<String> names = order.stream().map(Encoded::name).toList();
        return base.withTrees(new TreeSequence(settings, names, trees, TreeSequence.PRIVACY_STATEMENT));
    }

    private static List<ColumnTree> growAll(List<Encoded> order, TreeSettings settings, int k, int threads,
            GaussianCopula copula, ValueStatistics statistics) {
        int n = order.size();
        List<ColumnTree> out = new ArrayList<>(n);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "doppel-trees");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ColumnTree>> futures = new ArrayList<>(n);
            for (int i = n - 1; i >= 0; i--) { // the last trees have the most predictors: start them first
                int t = i;
                futures.add(pool.submit(() -> grow(order, t, settings, k, copula, statistics)));
            }
            for (int i = n - 1; i >= 0; i--) {
                out.add(futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting trees", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("fitting trees failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static ColumnTree grow(List<Encoded> order, int t, TreeSettings settings, int k, GaussianCopula copula,
            ValueStatistics statistics) {
        Encoded target = order.get(t);
        int[][] levels = new int[t][];
        int[] levelCount = new int[t];
        boolean[] ordered = new boolean[t];
        double[][] levelScores = new double[t][];
        List<String> predictors = new ArrayList<>(t);
        for (int p = 0; p < t; p++) {
            Encoded e = order.get(p);
            levels[p] = e.level();
            levelCount[p] = e.levelCount();
            ordered[p] = e.ordered();
            levelScores[p] = e.levelScores();
            predictors.add(e.name());
        }
        TreeGrower grower = new TreeGrower(levels, levelCount, ordered, levelScores, target.cls(), target.classes(),
                target.score(), target.jitter(), settings.minLeafFor(target.cls().length, k), settings.maxDepth(), k,
                settings.significance(), () -> rootConditional(order, t, copula, statistics));
        return grower.grow(target.name(), predictors);
    }

    /**
     * The copula's view of column t and the columns before it, for a tree that does not split (see
     * {@link RootConditional}); null when column t has no single copula dimension. A column has one when it has no
     * missing value and no spike (and, a label, two labels or more): its latent normal is then its whole value, and a
     * level is a function of it.
     */
    private static RootConditional rootConditional(List<Encoded> order, int t, GaussianCopula copula,
            ValueStatistics statistics) {
        int[] dimension = new int[t + 1];
        for (int p = 0; p <= t; p++) {
            List<String> own = order.get(p).model().dimensions();
            boolean single = own.size() == 1 && own.get(0).equals(order.get(p).name());
            dimension[p] = single ? copula.columns().indexOf(own.get(0)) : -1;
        }
        if (dimension[t] < 0) {
            return null;
        }
        double[][] correlation = copula.correlation();
        double[][] fromCopula = new double[t + 1][t + 1];
        double[][] latent = new double[t + 1][t + 1];
        for (int a = 0; a <= t; a++) {
            for (int b = 0; b <= t; b++) {
                fromCopula[a][b] = dimension[a] < 0 || dimension[b] < 0 ? Double.NaN
                        : a == b ? 1 : correlation[dimension[a]][dimension[b]];
                latent[a][b] = fromCopula[a][b];
            }
        }
        for (int a = 0; a <= t; a++) {
            for (int b = 0; b < a; b++) {
                double[] x = dimension[a] < 0 ? null : statistics.hermite(a);
                double[] y = dimension[b] < 0 ? null : statistics.hermite(b);
                double r = x == null || y == null ? Double.NaN : statistics.pearson(a, b);
                if (!Double.isNaN(r)) {
                    latent[a][b] = ValueCorrelation.latent(r, x, y);
                    latent[b][a] = latent[a][b];
                }
            }
        }
        double[] fidelity = new double[t];
        for (int p = 0; p < t; p++) {
            fidelity[p] = Levels.fidelity(order.get(p).model());
        }
        return new RootConditional(latent, fromCopula, fidelity);
    }

    private static int indexOf(List<ColumnSpec> specs, String name) {
        for (int c = 0; c < specs.size(); c++) {
            if (specs.get(c).name().equals(name) && !specs.get(c).skip()) {
                return c;
            }
        }
        return -1;
    }

    private static Encoded numeric(NumericColumn column, RawTable table, int c, ColumnSpec spec) {
        double[] values = CopulaFitter.parseNumbers(table, c, spec);
        int n = values.length;
        int[] level = new int[n];
        int[] cls = new int[n];
        double[] score = new double[n];
        NumericColumn.Spike spike = column.spike();
        double factor = column.roundingFactor();
        double half = factor > 0 ? 0.5 / factor : 0;
        for (int r = 0; r < n; r++) {
            double x = values[r];
            level[r] = Levels.ofNumber(column, x);
            score[r] = Double.NaN;
            if (Double.isNaN(x)) {
                cls[r] = 0;
            } else if (column.marginal() == null || spike != null && x == spike.value()) {
                cls[r] = 1;
            } else {
                score[r] = Levels.cellScore(column.marginal(), x, half, r, c);
                cls[r] = Levels.scoreClass(score[r]);
            }
        }
        return new Encoded(column.name(), column, level, Levels.count(column), true, Levels.levelScores(column), cls,
                Levels.NUMERIC_CLASSES, score, null, values);
    }

    private static Encoded categorical(CategoricalColumn column, RawTable table, int c, ColumnSpec spec,
            String rareLabel) {
        String[] labels = CopulaFitter.labels(table, c, spec);
        List<String> known = column.marginal().labels();
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            codes.put(known.get(i), i);
        }
        int rare = codes.getOrDefault(rareLabel, -1);
        int n = labels.length;
        int[] level = new int[n];
        double[] jitter = new double[n];
        for (int r = 0; r < n; r++) {
            int code = labels[r] == null ? -1 : codes.getOrDefault(labels[r], rare);
            level[r] = Levels.ofCode(code);
            jitter[r] = Levels.jitter(r, c);
        }
        return new Encoded(column.name(), column, level, Levels.count(column), false, Levels.levelScores(column), level,
                known.size() + 1, null, jitter, null);
    }
}
