package dev.doppel.constraint;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.CategoricalMarginal;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.Constraint;
import dev.doppel.model.DerivedColumn;
import dev.doppel.model.EmptyColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generation side of constraints, whatever model drew the batch: the model fills a {@link Batch} laid out as
 * {@link #columns()} (gaps in an order's later columns, joint labels in an allowed combination's first column, nothing
 * in computed columns), and {@link #complete} turns it into output rows in place: splits joint labels, adds gaps back,
 * computes sums and formulas and rounds them to their column's scale. Every rule thus holds by construction; nothing is
 * redrawn, so the output depends only on the batch (the same for any thread count). Immutable and thread-safe.
 */
public final class ConstraintLayer {
    /** One step of completing a batch. */
    private interface Step {
        void apply(Batch batch);
    }

    private final List<ColumnModel> drawn;
    private final List<ColumnModel> columns;
    private final List<Step> steps;

    private ConstraintLayer(List<ColumnModel> drawn, List<ColumnModel> columns, List<Step> steps) {
        this.drawn = List.copyOf(drawn);
        this.columns = List.copyOf(columns);
        this.steps = List.copyOf(steps);
    }

    /** The layer of a model; without constraints it changes nothing. */
    public static ConstraintLayer of(SynthModel model) {
        List<ColumnModel> learned = model.columns();
        List<ColumnModel> out = new ArrayList<>(learned);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < learned.size(); i++) {
            index.put(learned.get(i).name(), i);
        }
        List<Step> steps = new ArrayList<>();
        for (Constraint c : Dependencies.sorted(model.constraints())) {
            if (c instanceof Constraint.Order o) {
                int[] cols = indices(index, o.columns());
                boolean[] drawn = new boolean[cols.length];
                boolean[] gap = new boolean[cols.length];
                double[] factor = new double[cols.length];
                double[] ratio = new double[cols.length]; // the column before's numbers in this column's unit
                for (int p = 1; p < cols.length; p++) {
                    ratio[p] = Checks.unit(out.get(cols[p - 1]).spec().kind()) / Checks.unit(o.written().get(p - 1).kind());
                    ColumnModel m = learned.get(cols[p]);
                    drawn[p] = !(m instanceof EmptyColumn) && !(m instanceof DerivedColumn);
                    gap[p] = o.learned().get(p - 1).equals(Constraint.Order.GAP);
                    ColumnSpec spec = o.written().get(p - 1);
                    factor[p] = factor(spec);
                    out.set(cols[p], new DerivedColumn(spec, m.missingShare()));
                }
                steps.add(batch -> order(batch, cols, drawn, gap, factor, ratio));
            } else if (c instanceof Constraint.Allowed a) {
                steps.add(allowed(a, index, learned, out, model.settings().rareLabel()));
            } else {
                ColumnSpec spec = c.written().get(0);
                int target = index.get(spec.name());
                out.set(target, new DerivedColumn(spec, learned.get(target).missingShare()));
                double f = factor(spec);
                if (c instanceof Constraint.Sum s) {
                    int[] parts = indices(index, s.parts());
                    steps.add(batch -> sum(batch, parts, target, f));
                } else {
                    Constraint.Formula fo = (Constraint.Formula) c;
                    Expression x = Expression.parse(fo.expression());
                    int[] inputs = indices(index, x.variables());
                    steps.add(batch -> formula(batch, x, inputs, target, f));
                }
            }
        }
        return new ConstraintLayer(learned, out, steps);
    }

    /** The output columns: what encoders write and batches are laid out as. */
    public List<ColumnModel> columns() {
        return columns;
    }

    /** A batch laid out for the model's draws and the completed rows. */
    public Batch newBatch(int capacity) {
        return new Batch(drawn, columns, capacity);
    }

    /** Completes a batch the model has filled, in place. */
    public void complete(Batch batch) {
        for (Step s : steps) {
            s.apply(batch);
        }
    }

    private static int[] indices(Map<String, Integer> index, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            Integer at = index.get(names.get(i));
            if (at == null) {
                throw new IllegalArgumentException("a constraint names a column the model lacks");
            }
            out[i] = at;
        }
        return out;
    }

    /** Values are written as multiples of 1/factor (0: as they are). */
    static double factor(ColumnSpec spec) {
        return switch (spec.kind()) {
            case INTEGER, DATE -> 1;
            case DECIMAL -> spec.scale() < 0 ? 0 : Math.pow(10, spec.scale());
            case DATETIME -> 1 / TemporalLayout.of(spec.layout(), true).step();
            default -> 0;
        };
    }

    private static double round(double v, double factor) {
        return factor > 0 ? Math.rint(v * factor) / factor : v;
    }

    /**
     * Each later column: the one before plus its gap (missing when either is), or its own value raised to the one
     * before where it came first (left as drawn when either is missing); on its own grid and never below the one
     * before.
     */
    private static void order(
            Batch batch, int[] cols, boolean[] drawn, boolean[] gaps, double[] factor, double[] ratio) {
        int n = batch.size();
        for (int p = 1; p < cols.length; p++) {
            double[] before = batch.numbers(cols[p - 1]);
            double[] x = batch.numbers(cols[p]);
            double f = factor[p];
            for (int r = 0; r < n; r++) {
                double a = before[r] * ratio[p];
                double drawnValue = drawn[p] ? x[r] : Double.NaN;
                if (!gaps[p]) {
                    x[r] = drawnValue;
                    if (!Double.isNaN(a) && drawnValue < a) {
                        x[r] = f > 0 ? Math.ceil(a * f) / f : a;
                    }
                    continue;
                }
                if (Double.isNaN(a) || Double.isNaN(drawnValue)) {
                    x[r] = Double.NaN;
                    continue;
                }
                double v = round(a + Math.max(0, drawnValue), f);
                if (v < a) {
                    v = f > 0 ? Math.ceil(a * f) / f : a; // the earlier value is finer than this column's grid
                }
                x[r] = v;
            }
        }
    }

    private static void sum(Batch batch, int[] parts, int target, double f) {
        int n = batch.size();
        double[] out = batch.numbers(target);
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int p : parts) {
            double[] x = batch.numbers(p);
            for (int r = 0; r < n; r++) {
                out[r] += x[r]; // NaN (missing) stays NaN
            }
        }
        for (int r = 0; r < n; r++) {
            out[r] = round(out[r], f);
        }
    }

    private static void formula(Batch batch, Expression x, int[] inputs, int target, double f) {
        int n = batch.size();
        double[] out = batch.numbers(target);
        double[][] in = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = batch.numbers(inputs[i]);
        }
        double[] v = new double[inputs.length];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = in[i][r];
            }
            double e = x.evaluate(v);
            out[r] = Double.isFinite(e) ? round(e, f) : Double.NaN;
        }
    }

    /**
     * Splits the joint label of an allowed combination: per joint label, each part's code (-1: missing). The pooled
     * label of rare combinations becomes the pooled label in each categorical part and missing in boolean parts. The
     * output columns become categorical columns with the shares the joint labels imply.
     */
    private static Step allowed(Constraint.Allowed a, Map<String, Integer> index, List<ColumnModel> learned,
            List<ColumnModel> out, String rareLabel) {
        int[] cols = indices(index, a.columns());
        int parts = cols.length;
        ColumnModel joint = learned.get(cols[0]);
        if (!(joint instanceof CategoricalColumn cat)) {
            for (int p = 0; p < parts; p++) {
                ColumnSpec spec = a.written().get(p);
                out.set(cols[p], new EmptyColumn(spec.withKind(ColumnKind.EMPTY)));
            }
            return batch -> {};
        }
        List<String> jointLabels = cat.marginal().labels();
        List<Double> jointShares = cat.marginal().shares();
        int[][] split = new int[jointLabels.size()][parts];
        List<List<String>> labels = new ArrayList<>();
        List<Map<String, Double>> shares = new ArrayList<>();
        double[] missingPart = new double[parts];
        for (int p = 0; p < parts; p++) {
            ColumnSpec spec = a.written().get(p);
            List<String> l = new ArrayList<>();
            if (spec.kind() == ColumnKind.BOOLEAN) {
                l.add(spec.falseValue());
                l.add(spec.trueValue());
            }
            labels.add(l);
            shares.add(new LinkedHashMap<>());
        }
        for (int j = 0; j < jointLabels.size(); j++) {
            String label = jointLabels.get(j);
            String[] values = label.indexOf(Constraint.Allowed.SEPARATOR) < 0 && label.equals(rareLabel)
                    ? pooled(a, rareLabel)
                    : label.split(String.valueOf(Constraint.Allowed.SEPARATOR), -1);
            if (values.length != parts) {
                throw new IllegalArgumentException("a joint label of an allowed constraint has the wrong number of parts");
            }
            for (int p = 0; p < parts; p++) {
                String v = values[p];
                if (v == null || v.equals(Constraint.Allowed.MISSING_PART)) {
                    split[j][p] = -1;
                    missingPart[p] += jointShares.get(j);
                    continue;
                }
                List<String> l = labels.get(p);
                int code = l.indexOf(v);
                if (code < 0) {
                    if (a.written().get(p).kind() == ColumnKind.BOOLEAN) {
                        throw new IllegalArgumentException("a joint label holds a value that is not a boolean spelling");
                    }
                    code = l.size();
                    l.add(v);
                }
                split[j][p] = code;
                shares.get(p).merge(v, jointShares.get(j), Double::sum);
            }
        }
        for (int p = 0; p < parts; p++) {
            ColumnSpec spec = a.written().get(p);
            double present = 1 - missingPart[p];
            double missing = cat.missingShare() + (1 - cat.missingShare()) * missingPart[p];
            if (shares.get(p).isEmpty() || present <= 0) {
                out.set(cols[p], new EmptyColumn(spec.withKind(ColumnKind.EMPTY)));
                continue;
            }
            List<Double> s = new ArrayList<>();
            for (String l : labels.get(p)) {
                s.add(shares.get(p).getOrDefault(l, 0.0) / present);
            }
            out.set(cols[p], new CategoricalColumn(spec, Math.min(1, missing),
                    new CategoricalMarginal(labels.get(p), normalised(s))));
        }
        boolean[] written = new boolean[parts];
        for (int p = 0; p < parts; p++) {
            written[p] = out.get(cols[p]) instanceof CategoricalColumn;
        }
        return batch -> {
            int n = batch.size();
            int[] jointCodes = batch.codes(cols[0]);
            for (int p = parts - 1; p >= 0; p--) { // the first part last: it holds the joint codes until then
                if (!written[p]) {
                    continue;
                }
                int[] codes = batch.codes(cols[p]);
                for (int r = 0; r < n; r++) {
                    int j = jointCodes[r];
                    codes[r] = j < 0 ? -1 : split[j][p];
                }
            }
        };
    }

    private static String[] pooled(Constraint.Allowed a, String rareLabel) {
        String[] out = new String[a.columns().size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = a.written().get(p).kind() == ColumnKind.BOOLEAN ? null : rareLabel;
        }
        return out;
    }

    private static List<Double> normalised(List<Double> shares) {
        double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
        return shares.stream().map(s -> s / sum).toList();
    }
}
