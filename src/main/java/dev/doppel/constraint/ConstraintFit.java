package dev.doppel.constraint;

import dev.doppel.error.InputException;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.Constraint;
import dev.doppel.model.DerivedColumn;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.RawTable;
import java.math.BigDecimal;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fitting side of constraints, whatever the model: {@link #prepare} rewrites the real table before the model
 * learns it (an order's later columns become their gaps to the column before, an allowed combination becomes one joint
 * label in its first column's place, and sum and formula targets are left out), and {@link #finish} puts the computed
 * columns back into the fitted model's column list and records the constraints. It also measures how well each
 * constraint holds in the real rows and says so in the model's notes (shares and counts, no values).
 */
public final class ConstraintFit {
    private ConstraintFit() {}

    /**
     * The table and specs the model learns, plus what {@link #finish} needs.
     *
     * @param table the rewritten table (same columns, some cells replaced)
     * @param specs one per column of {@code table}; computed columns are skipped, gaps and joint labels respecified
     * @param original the specs before the rewrite
     * @param constraints the constraints
     * @param derivedMissing per computed column, its real missing share
     * @param notes how well each constraint holds in the real rows
     */
    public record Prepared(
            RawTable table,
            List<ColumnSpec> specs,
            List<ColumnSpec> original,
            List<Constraint> constraints,
            Map<String, Double> derivedMissing,
            List<String> notes) {}

    /**
     * @param table the real table, as the model would learn it (after masking)
     * @param specs one per column of {@code table}
     * @param constraints checked constraints ({@link ProfileConstraints#resolve})
     * @param settings k (combinations seen fewer times are pooled by the model)
     */
    public static Prepared prepare(
            RawTable table, List<ColumnSpec> specs, List<Constraint> declared, FitSettings settings) {
        List<Constraint> constraints = new ArrayList<>(declared);
        List<String[]> columns = new ArrayList<>(table.columns());
        List<ColumnSpec> out = new ArrayList<>(specs);
        Map<String, Double> derivedMissing = new HashMap<>();
        List<String> notes = new ArrayList<>();
        int n = table.rows();
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            String label = "constraint " + (i + 1) + " (" + c.type() + ": " + c.rule() + ")";
            if (c instanceof Constraint.Order o) {
                List<String> learned = new ArrayList<>();
                List<String> how = new ArrayList<>();
                for (int p = 1; p < o.columns().size(); p++) {
                    int a = index(table, o.columns().get(p - 1));
                    int b = index(table, o.columns().get(p));
                    Gaps gaps = gaps(table, a, specs.get(a), b, specs.get(b));
                    if (gaps.spread() <= gaps.ownSpread()) {
                        columns.set(b, gaps.cells());
                        out.set(b, gaps.spec());
                        learned.add(Constraint.Order.GAP);
                        how.add("'" + o.columns().get(p) + "' is learned as its gap to '" + o.columns().get(p - 1) + "'");
                    } else {
                        learned.add(Constraint.Order.VALUE);
                        how.add("'" + o.columns().get(p) + "' varies less than its gap to '" + o.columns().get(p - 1)
                                + "', so it is learned as it is and raised to it where it comes first");
                    }
                }
                c = o.withLearned(learned);
                constraints.set(i, c);
                label = "constraint " + (i + 1) + " (" + c.type() + ": " + c.rule() + ")";
                double[][] values = new double[o.columns().size()][];
                double[] units = new double[values.length];
                for (int p = 0; p < values.length; p++) {
                    int col = index(table, o.columns().get(p));
                    values[p] = Cells.numbers(table, col, specs.get(col));
                    units[p] = Checks.unit(specs.get(col).kind());
                }
                Checks.Count count = Checks.order(values, units, n);
                notes.add(holds(label, count, "") + "; " + String.join("; ", how));
            } else if (c instanceof Constraint.Allowed a) {
                int first = index(table, a.columns().get(0));
                String[] joint = new String[n];
                Map<String, Integer> counts = new HashMap<>();
                String[][] parts = new String[a.columns().size()][];
                for (int p = 0; p < parts.length; p++) {
                    int col = index(table, a.columns().get(p));
                    parts[p] = Cells.labels(table, col, specs.get(col));
                }
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < n; r++) {
                    sb.setLength(0);
                    boolean any = false;
                    for (int p = 0; p < parts.length; p++) {
                        String v = parts[p][r];
                        if (p > 0) {
                            sb.append(Constraint.Allowed.SEPARATOR);
                        }
                        sb.append(v == null ? Constraint.Allowed.MISSING_PART : v);
                        any |= v != null;
                    }
                    joint[r] = any ? sb.toString() : null;
                    if (any) {
                        counts.merge(joint[r], 1, Integer::sum);
                    }
                }
                columns.set(first, joint);
                ColumnSpec s = specs.get(first);
                out.set(first, new ColumnSpec(s.name(), ColumnKind.CATEGORICAL, 0, null, null, null, s.missing(), false));
                for (int p = 1; p < parts.length; p++) {
                    int col = index(table, a.columns().get(p));
                    out.set(col, specs.get(col).withSkip(true));
                    derivedMissing.put(specs.get(col).name(), share(missing(parts[p]), n));
                }
                long rare = counts.values().stream().filter(v -> v < settings.minGroup()).mapToLong(v -> v).sum();
                long kept = counts.values().stream().filter(v -> v >= settings.minGroup()).count();
                notes.add(label + ": " + kept + " combination" + (kept == 1 ? "" : "s") + " seen at least k = "
                        + settings.minGroup() + " times can appear"
                        + (rare > 0 ? String.format(Locale.ROOT, "; %.1f%% of rows hold rarer ones, which are pooled",
                                100.0 * rare / Math.max(1, n)) : ""));
            } else {
                String target = c.targets().get(0);
                int t = index(table, target);
                out.set(t, specs.get(t).withSkip(true));
                derivedMissing.put(target, share(missing(table.column(t)), n));
                double[] targetValues = Cells.numbers(table, t, specs.get(t));
                Checks.Count count;
                double tolerance;
                if (c instanceof Constraint.Sum s) {
                    count = Checks.sum(numbers(table, specs, s.parts()), targetValues, s.tolerance(), n);
                    tolerance = s.tolerance();
                } else {
                    Constraint.Formula f = (Constraint.Formula) c;
                    count = Checks.formula(Expression.parse(f.expression()), numbers(table, specs, f.inputs()),
                            targetValues, f.tolerance(), n);
                    tolerance = f.tolerance();
                }
                notes.add(holds(label, count, String.format(Locale.ROOT, " (within %s)", plain(tolerance)))
                        + "; the synthetic column is computed, so it holds in every row");
            }
        }
        RawTable rewritten = table.withColumns(columns);
        return new Prepared(rewritten, out, List.copyOf(specs), List.copyOf(constraints), derivedMissing, notes);
    }

    /**
     * The fitted model with the computed columns in their places (as {@link DerivedColumn}s), the gap columns out of
     * the real-data reference (it holds gaps, not the columns' values), the notes added and the constraints recorded.
     */
    public static SynthModel finish(SynthModel fitted, Prepared prepared) {
        Map<String, ColumnModel> learned = new HashMap<>();
        for (ColumnModel m : fitted.columns()) {
            learned.put(m.name(), m);
        }
        List<ColumnModel> columns = new ArrayList<>();
        for (ColumnSpec spec : prepared.original()) {
            ColumnModel m = learned.get(spec.name());
            if (m != null) {
                columns.add(m);
            } else if (prepared.derivedMissing().containsKey(spec.name())) {
                columns.add(new DerivedColumn(spec, prepared.derivedMissing().get(spec.name())));
            }
        }
        List<String> gapColumns = new ArrayList<>();
        for (Constraint c : prepared.constraints()) {
            if (c instanceof Constraint.Order o) {
                for (int p = 0; p < o.learned().size(); p++) {
                    if (o.learned().get(p).equals(Constraint.Order.GAP)) {
                        gapColumns.add(o.written().get(p).name());
                    }
                }
            }
        }
        SynthModel.Reference reference = fitted.reference() == null ? null : without(fitted.reference(), gapColumns);
        List<String> notes = new ArrayList<>(fitted.notes());
        notes.addAll(prepared.notes());
        return fitted.withConstraints(columns, reference, notes, prepared.constraints());
    }

    private static SynthModel.Reference without(SynthModel.Reference ref, List<String> drop) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < ref.columns().size(); i++) {
            if (!drop.contains(ref.columns().get(i))) {
                keep.add(i);
            }
        }
        double[][] m = new double[keep.size()][keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            for (int j = 0; j < keep.size(); j++) {
                m[i][j] = ref.spearman()[keep.get(i)][keep.get(j)];
            }
        }
        return new SynthModel.Reference(keep.stream().map(ref.columns()::get).toList(), m);
    }

    /**
     * The gap column: its cells as text and the spec the model reads them with; the standard deviations of the gap
     * and of the later column itself, over rows with both (whichever is smaller is learned).
     */
    private record Gaps(String[] cells, ColumnSpec spec, double spread, double ownSpread) {}

    /**
     * Per row {@code b - a}, never below 0 (a row where b comes first is learned as "equal"); missing when either is.
     * Integers and decimals are subtracted exactly; the gap is in b's unit: days when b is a date (fractional after a
     * date-time), seconds when it is a date-time.
     */
    private static Gaps gaps(RawTable table, int a, ColumnSpec specA, int b, ColumnSpec specB) {
        String[] ca = table.column(a);
        String[] cb = table.column(b);
        String[] out = new String[ca.length];
        ColumnKind kind = specB.kind();
        boolean decimal = specA.kind() == ColumnKind.DECIMAL || kind == ColumnKind.DECIMAL;
        double[] na = kind == ColumnKind.DATE || kind == ColumnKind.DATETIME ? Cells.numbers(table, a, specA) : null;
        double[] nb = na == null ? null : Cells.numbers(table, b, specB);
        double ratio = Checks.unit(specA.kind()) / Checks.unit(kind); // a's numbers in b's unit
        boolean wholeDays = kind == ColumnKind.DATE && specA.kind() == ColumnKind.DATE;
        for (int r = 0; r < ca.length; r++) {
            if (ca[r] == null || cb[r] == null) {
                continue;
            }
            if (na != null) {
                double gap = Math.max(0, nb[r] - na[r] * ratio);
                out[r] = wholeDays ? Long.toString(Math.round(gap)) : BigDecimal.valueOf(gap).toPlainString();
            } else {
                BigDecimal x = Cells.exact(table, a, specA, r);
                BigDecimal y = Cells.exact(table, b, specB, r);
                BigDecimal gap = y.subtract(x);
                out[r] = gap.signum() < 0 ? "0" : gap.toPlainString();
            }
        }
        ColumnSpec spec = switch (kind) {
            case DATE -> wholeDays ? gapSpec(specB, ColumnKind.INTEGER, 0) : gapSpec(specB, ColumnKind.DECIMAL, -1);
            case DATETIME -> gapSpec(specB, ColumnKind.DECIMAL, -1);
            default -> decimal
                    ? gapSpec(specB, ColumnKind.DECIMAL, scaleOf(specA) < 0 || scaleOf(specB) < 0 ? -1
                            : Math.max(scaleOf(specA), scaleOf(specB)))
                    : gapSpec(specB, ColumnKind.INTEGER, 0);
        };
        double[] xa = Cells.numbers(table, a, specA);
        double[] xb = Cells.numbers(table, b, specB);
        double ratioAll = Checks.unit(specA.kind()) / Checks.unit(kind);
        StandardDeviation gapSd = new StandardDeviation();
        StandardDeviation ownSd = new StandardDeviation();
        for (int r = 0; r < xa.length; r++) {
            if (!Double.isNaN(xa[r]) && !Double.isNaN(xb[r])) {
                gapSd.increment(Math.max(0, xb[r] - xa[r] * ratioAll));
                ownSd.increment(xb[r]);
            }
        }
        return new Gaps(out, spec, gapSd.getResult(), ownSd.getResult());
    }

    private static int scaleOf(ColumnSpec spec) {
        return spec.kind() == ColumnKind.DECIMAL ? spec.scale() : 0;
    }

    private static ColumnSpec gapSpec(ColumnSpec of, ColumnKind kind, int scale) {
        return new ColumnSpec(of.name(), kind, scale, null, null, null, of.missing(), false);
    }

    private static double[][] numbers(RawTable table, List<ColumnSpec> specs, List<String> names) {
        double[][] out = new double[names.size()][];
        for (int i = 0; i < out.length; i++) {
            int c = index(table, names.get(i));
            out[i] = Cells.numbers(table, c, specs.get(c));
        }
        return out;
    }

    private static String holds(String label, Checks.Count count, String how) {
        if (count.rows() == 0) {
            return label + ": no real row has all its columns, so it could not be checked";
        }
        return String.format(Locale.ROOT, "%s: holds in %.1f%% of the %,d real rows that have all its columns%s",
                label, 100.0 * (count.rows() - count.violations()) / count.rows(), count.rows(), how);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static int index(RawTable table, String name) {
        int i = table.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("constraint column not in the table");
        }
        return i;
    }

    private static int missing(String[] cells) {
        int m = 0;
        for (String s : cells) {
            if (s == null) {
                m++;
            }
        }
        return m;
    }

    private static double share(int count, int n) {
        return n == 0 ? 0 : (double) count / n;
    }
}
