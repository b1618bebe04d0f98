package dev.doppel.generate.condition;

import dev.doppel.generate.condition.Condition.And;
import dev.doppel.generate.condition.Condition.Between;
import dev.doppel.generate.condition.Condition.Compare;
import dev.doppel.generate.condition.Condition.In;
import dev.doppel.generate.condition.Condition.IsMissing;
import dev.doppel.generate.condition.Condition.Literal;
import dev.doppel.generate.condition.Condition.Not;
import dev.doppel.generate.condition.Condition.Or;
import dev.doppel.generate.condition.ConditionException.Part;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.EmptyColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a parsed condition against a model and turns it into a {@link Where}: per column, the allowed label codes or
 * values and whether a missing cell is allowed.
 *
 * <p>The condition must be a conjunction ({@code and}) of parts that each concern one column; {@code or} and
 * {@code not} may combine conditions on the same column only ({@code Contract = 'One year' or Contract = 'Two year'}),
 * because per-column sets are what both samplers can condition on exactly. Missing cells follow SQL: a comparison
 * with a missing cell is unknown, so {@code tenure != 0} and {@code not tenure = 0} both leave missing cells out; only
 * {@code is missing} lets them in.
 *
 * <p>Labels match exactly, else ignoring case when that finds one label; a boolean column also takes
 * {@code true}/{@code false}. Numbers are compared with the values as written (after rounding to the column's step),
 * dates in the column's own layout or ISO ({@code 2021-03-01}, {@code 2021-03-01T12:00:00}, as UTC).
 *
 * <p>Every error is a {@link ConditionException} naming the column and quoting only what the user typed: an unknown
 * column or label, an operator that does not fit the column, or a condition no row of the model can meet (zero
 * support: {@code age > 200}, a label pooled into the rare label, {@code x = 1 and x = 2}).
 */
public final class ConditionCompiler {
    private ConditionCompiler() {}

    /** Three-valued truth of a condition on a missing cell. */
    private enum Tri {
        TRUE, FALSE, UNKNOWN;

        Tri and(Tri o) {
            return this == FALSE || o == FALSE ? FALSE : this == TRUE && o == TRUE ? TRUE : UNKNOWN;
        }

        Tri or(Tri o) {
            return this == TRUE || o == TRUE ? TRUE : this == FALSE && o == FALSE ? FALSE : UNKNOWN;
        }

        Tri not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /** What a condition allows on one column: a set of present values and the truth for a missing cell. */
    private record Selection<S>(S values, Tri missing) {}

    /** Set operations on one column's present values, and the sets its comparisons stand for. */
    private interface Algebra<S> {
        S none();

        S and(S a, S b);

        S or(S a, S b);

        S not(S a);

        S atom(Condition leaf);
    }

    /** Parses and compiles. */
    public static Where compile(String text, SynthModel model) {
        return compile(ConditionParser.parse(text), model);
    }

    public static Where compile(Condition condition, SynthModel model) {
        List<ColumnModel> columns = model.columns();
        Map<Integer, List<Condition>> byColumn = new TreeMap<>();
        for (Condition part : conjuncts(condition)) {
            Set<String> names = new LinkedHashSet<>();
            namesIn(part, names);
            Set<Integer> indices = new LinkedHashSet<>();
            for (String name : names) {
                indices.add(resolve(name, columns, Part.WHERE));
            }
            if (indices.size() > 1) {
                List<String> shown = indices.stream().map(i -> "'" + columns.get(i).name() + "'").toList();
                throw error("'or' and 'not' can only combine conditions on one column, and this part joins "
                        + String.join(" and ", shown) + " (generate each alternative with its own run)");
            }
            byColumn.computeIfAbsent(indices.iterator().next(), k -> new ArrayList<>()).add(part);
        }
        List<ColumnCondition> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Condition>> e : byColumn.entrySet()) {
            ColumnCondition c = column(e.getKey(), columns.get(e.getKey()), new And(e.getValue()));
            if (!(c.share() > 0)) {
                throw error("no row of the model can meet the condition on '" + c.name() + "' (zero support: "
                        + reason(columns.get(e.getKey())) + ")");
            }
            if (!trivial(c, columns.get(e.getKey()))) {
                out.add(c);
            }
        }
        return new Where(columns.size(), out);
    }

    private static String reason(ColumnModel m) {
        if (m instanceof CategoricalColumn) {
            return "the labels it allows do not occur, or were pooled as rare";
        }
        if (m instanceof NumericColumn num && num.marginal() != null) {
            return "the values it allows lie outside what the column produces, or between its steps";
        }
        return "the column never has such a value";
    }

    /** A condition that every row meets: dropped, so it costs nothing. */
    private static boolean trivial(ColumnCondition c, ColumnModel m) {
        boolean missingOk = c.acceptsMissing() || m.missingShare() <= 0;
        if (c instanceof LabelCondition lc) {
            return missingOk && lc.codes().length == lc.labels();
        }
        RangeCondition rc = (RangeCondition) c;
        return missingOk && (rc.values().isAll() || m.missingShare() >= 1);
    }

    private static List<Condition> conjuncts(Condition c) {
        List<Condition> out = new ArrayList<>();
        if (c instanceof And and) {
            for (Condition child : and.children()) {
                out.addAll(conjuncts(child));
            }
        } else {
            out.add(c);
        }
        return out;
    }

    private static void namesIn(Condition c, Set<String> names) {
        if (c instanceof And a) {
            a.children().forEach(child -> namesIn(child, names));
        } else if (c instanceof Or o) {
            o.children().forEach(child -> namesIn(child, names));
        } else if (c instanceof Not n) {
            namesIn(n.child(), names);
        } else if (c instanceof Compare cmp) {
            names.add(cmp.column());
        } else if (c instanceof In in) {
            names.add(in.column());
        } else if (c instanceof Between b) {
            names.add(b.column());
        } else if (c instanceof IsMissing m) {
            names.add(m.column());
        } else {
            throw new IllegalStateException(c.toString());
        }
    }

    /** The column's index: its exact name, else the one column whose name matches ignoring case. */
    static int resolve(String name, List<ColumnModel> columns, Part part) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                if (found >= 0) {
                    throw new ConditionException(part,
                            "'" + name + "' matches several columns when case is ignored; write the name exactly");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new ConditionException(part, "no column '" + name + "' in the model");
        }
        return found;
    }

    private static ColumnCondition column(int index, ColumnModel m, Condition c) {
        String name = m.name();
        if (m instanceof CategoricalColumn cat) {
            List<String> labels = cat.marginal().labels();
            Selection<boolean[]> s = evaluate(c, new LabelAlgebra(cat));
            boolean missing = s.missing() == Tri.TRUE;
            double present = 0;
            for (int k = 0; k < labels.size(); k++) {
                present += s.values()[k] ? cat.marginal().shares().get(k) : 0;
            }
            double share = (missing ? m.missingShare() : 0) + (1 - m.missingShare()) * present;
            return new LabelCondition(index, name, s.values(), missing, share);
        }
        if (m instanceof NumericColumn num) {
            Selection<Ranges> s = evaluate(c, new NumberAlgebra(num.spec()));
            boolean missing = s.missing() == Tri.TRUE;
            double share = (missing ? m.missingShare() : 0) + (1 - m.missingShare()) * presentShare(num, s.values());
            return new RangeCondition(index, name, s.values(), missing, share);
        }
        if (m instanceof EmptyColumn) {
            Selection<Ranges> s = evaluate(c, new EmptyAlgebra(name));
            boolean missing = s.missing() == Tri.TRUE;
            return new RangeCondition(index, name, Ranges.NONE, missing, missing ? 1 : 0);
        }
        String what = switch (m.spec().kind()) {
            case IDENTIFIER -> "an identifier";
            case TEXT -> "free text";
            default -> "made up";
        };
        throw error("column '" + name + "' is " + what + ": its values are not modelled, so rows cannot be chosen by it"
                + " (conditions apply to numeric, date, categorical and boolean columns)");
    }

    /**
     * The share of present values that are allowed: the spike if it is allowed, plus the marginal's mass of the values
     * that round into the set. The quantile function rounded to the column's step is non-decreasing, so the
     * probabilities whose value lands at or above a bound form an interval [u, 1], found by bisection.
     */
    static double presentShare(NumericColumn num, Ranges values) {
        double spikeShare = num.spikeShare();
        double share = num.spike() != null && values.contains(num.spike().value()) ? spikeShare : 0;
        QuantileMarginal marginal = num.marginal();
        if (marginal != null && spikeShare < 1) {
            double factor = num.roundingFactor();
            double mass = 0;
            for (int i = 0; i < values.size(); i++) {
                mass += firstAtLeast(marginal, factor, values.to(i)) - firstAtLeast(marginal, factor, values.from(i));
            }
            share += (1 - spikeShare) * mass;
        }
        return share;
    }

    /** The smallest probability u in [0, 1] whose rounded quantile is at least {@code bound} (1 when none is). */
    private static double firstAtLeast(QuantileMarginal marginal, double factor, double bound) {
        if (bound == Double.NEGATIVE_INFINITY || rounded(marginal, factor, 0) >= bound) {
            return 0;
        }
        if (!(rounded(marginal, factor, 1) >= bound)) {
            return 1;
        }
        long lo = Double.doubleToRawLongBits(0.0); // non-negative doubles order like their bits
        long hi = Double.doubleToRawLongBits(1.0);
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (rounded(marginal, factor, Double.longBitsToDouble(mid)) >= bound) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Double.longBitsToDouble(hi);
    }

    /** The value the sampler writes for probability u: the quantile, rounded to the column's step. */
    private static double rounded(QuantileMarginal marginal, double factor, double u) {
        double x = marginal.quantile(u);
        return factor > 0 ? Math.rint(x * factor) / factor : x;
    }

    private static <S> Selection<S> evaluate(Condition c, Algebra<S> alg) {
        if (c instanceof And a) {
            Selection<S> acc = null;
            for (Condition child : a.children()) {
                Selection<S> s = evaluate(child, alg);
                acc = acc == null ? s
                        : new Selection<>(alg.and(acc.values(), s.values()), acc.missing().and(s.missing()));
            }
            return acc;
        }
        if (c instanceof Or o) {
            Selection<S> acc = null;
            for (Condition child : o.children()) {
                Selection<S> s = evaluate(child, alg);
                acc = acc == null ? s
                        : new Selection<>(alg.or(acc.values(), s.values()), acc.missing().or(s.missing()));
            }
            return acc;
        }
        if (c instanceof Not n) {
            Selection<S> s = evaluate(n.child(), alg);
            return new Selection<>(alg.not(s.values()), s.missing().not());
        }
        if (c instanceof IsMissing) {
            return new Selection<>(alg.none(), Tri.TRUE);
        }
        return new Selection<>(alg.atom(c), Tri.UNKNOWN);
    }

    /** Label sets of a categorical or boolean column, as one flag per label code. */
    private record LabelAlgebra(CategoricalColumn column) implements Algebra<boolean[]> {
        @Override
        public boolean[] none() {
            return new boolean[column.marginal().labels().size()];
        }

        @Override
        public boolean[] and(boolean[] a, boolean[] b) {
            boolean[] out = none();
            for (int k = 0; k < out.length; k++) {
                out[k] = a[k] && b[k];
            }
            return out;
        }

        @Override
        public boolean[] or(boolean[] a, boolean[] b) {
            boolean[] out = none();
            for (int k = 0; k < out.length; k++) {
                out[k] = a[k] || b[k];
            }
            return out;
        }

        @Override
        public boolean[] not(boolean[] a) {
            boolean[] out = none();
            for (int k = 0; k < out.length; k++) {
                out[k] = !a[k];
            }
            return out;
        }

        @Override
        public boolean[] atom(Condition leaf) {
            boolean[] out = none();
            if (leaf instanceof Compare cmp) {
                if (cmp.op() != Condition.Op.EQ && cmp.op() != Condition.Op.NE) {
                    throw notOrdered(cmp.op().symbol());
                }
                out[labelCode(column, cmp.value(), Part.WHERE)] = true;
                return cmp.op() == Condition.Op.NE ? not(out) : out;
            }
            if (leaf instanceof In in) {
                for (Literal v : in.values()) {
                    out[labelCode(column, v, Part.WHERE)] = true;
                }
                return out;
            }
            if (leaf instanceof Between) {
                throw notOrdered("between");
            }
            throw new IllegalStateException(leaf.toString());
        }

        private ConditionException notOrdered(String op) {
            return error("column '" + column.name() + "' is " + column.spec().kind().key()
                    + ": it takes =, !=, in and is missing, not " + op);
        }
    }

    /** Value sets of a numeric, date or date-time column. */
    private record NumberAlgebra(ColumnSpec spec) implements Algebra<Ranges> {
        @Override
        public Ranges none() {
            return Ranges.NONE;
        }

        @Override
        public Ranges and(Ranges a, Ranges b) {
            return a.intersect(b);
        }

        @Override
        public Ranges or(Ranges a, Ranges b) {
            return a.union(b);
        }

        @Override
        public Ranges not(Ranges a) {
            return a.complement();
        }

        @Override
        public Ranges atom(Condition leaf) {
            if (leaf instanceof Compare cmp) {
                double v = number(cmp.value());
                return switch (cmp.op()) {
                    case EQ -> Ranges.point(v);
                    case NE -> Ranges.point(v).complement();
                    case LT -> Ranges.below(v);
                    case LE -> Ranges.atMost(v);
                    case GT -> Ranges.above(v);
                    case GE -> Ranges.atLeast(v);
                };
            }
            if (leaf instanceof In in) {
                Ranges out = Ranges.NONE;
                for (Literal value : in.values()) {
                    out = out.union(Ranges.point(number(value)));
                }
                return out;
            }
            if (leaf instanceof Between b) {
                return Ranges.closed(number(b.low()), number(b.high()));
            }
            throw new IllegalStateException(leaf.toString());
        }

        /** The literal as the column's number: a decimal, or a date or date-time in epoch days or seconds. */
        private double number(Literal value) {
            String text = value.text().strip();
            ColumnKind kind = spec.kind();
            if (kind == ColumnKind.DATE || kind == ColumnKind.DATETIME) {
                double v = temporal(text, kind == ColumnKind.DATETIME);
                if (Double.isNaN(v)) {
                    throw error("column '" + spec.name() + "' is a " + kind.key() + ": " + value.shown() + " is not one"
                            + " (write it as " + spec.layout() + ", the column's layout, or as yyyy-MM-dd"
                            + (kind == ColumnKind.DATETIME ? "[THH:mm[:ss]]" : "") + ")");
                }
                return v;
            }
            try {
                double v = Double.parseDouble(text);
                if (Double.isFinite(v) && !text.isEmpty() && !Character.isLetter(text.charAt(text.length() - 1))) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw error("column '" + spec.name() + "' is " + kind.key() + ": " + value.shown() + " is not a number");
        }

        private double temporal(String text, boolean dateTime) {
            try {
                double v = TemporalLayout.of(spec.layout(), dateTime).toNumber(text);
                if (!Double.isNaN(v)) {
                    return v;
                }
            } catch (IllegalArgumentException e) {
                // an unusable layout: ISO below
            }
            try {
                if (!dateTime) {
                    return LocalDate.parse(text).toEpochDay();
                }
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                }
                String iso = text.replace(' ', 'T');
                try {
                    LocalDateTime t = LocalDateTime.parse(iso);
                    return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
                } catch (DateTimeException e) {
                    OffsetDateTime t = OffsetDateTime.parse(iso);
                    return t.toEpochSecond() + t.getNano() / 1e9;
                }
            } catch (DateTimeException e) {
                return Double.NaN;
            }
        }
    }

    /** A column that is always missing: only {@code is missing} and {@code is not missing} mean anything. */
    private record EmptyAlgebra(String name) implements Algebra<Ranges> {
        @Override
        public Ranges none() {
            return Ranges.NONE;
        }

        @Override
        public Ranges and(Ranges a, Ranges b) {
            return Ranges.NONE;
        }

        @Override
        public Ranges or(Ranges a, Ranges b) {
            return Ranges.NONE;
        }

        @Override
        public Ranges not(Ranges a) {
            return Ranges.NONE;
        }

        @Override
        public Ranges atom(Condition leaf) {
            throw error("column '" + name + "' is always missing in the model: only 'is missing' and 'is not missing'"
                    + " apply to it");
        }
    }

    /** The label's code: exact, else the one label equal ignoring case, else true/false for booleans. */
    /** The label's code: exact, else the one label equal ignoring case, else true/false for booleans. */
    static int labelCode(CategoricalColumn column, Literal value, Part part) {
        List<String> labels = column.marginal().labels();
        String text = value.text();
        int exact = labels.indexOf(text);
        if (exact >= 0) {
            return exact;
        }
        int found = -1; // -2: several
        for (int k = 0; k < labels.size(); k++) {
            if (labels.get(k).equalsIgnoreCase(text)) {
                found = found == -1 ? k : -2;
            }
        }
        if (found >= 0) {
            return found;
        }
        ColumnSpec spec = column.spec();
        if (spec.kind() == ColumnKind.BOOLEAN && found == -1) {
            String bool = text.toLowerCase(Locale.ROOT);
            if (bool.equals("true") || bool.equals("false")) {
                int k = labels.indexOf(bool.equals("true") ? spec.trueValue() : spec.falseValue());
                if (k >= 0) {
                    return k;
                }
            }
        }
        throw new ConditionException(part, "column '" + column.name() + "' has no label " + value.shown()
                + " in the model" + (found == -2 ? " (several labels match it when case is ignored; write it exactly)"
                        : " (labels seen fewer than k times are pooled as rare)"));
    }

    private static ConditionException error(String message) {
        return new ConditionException(Part.WHERE, message);
    }
}
