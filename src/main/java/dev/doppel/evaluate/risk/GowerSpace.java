package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import java.util.Arrays;

/**
 * Gower's distance over a set of evaluated columns, with the numeric scales fixed by the training table.
 *
 * <p>For two rows x and y and the columns c = 1..d of the set, the distance is the mean of per-column distances:
 *
 * <ul>
 *   <li>a number (integer, decimal, date): {@code min(1, |x_c - y_c| / range_c)}, where {@code range_c} is max - min
 *       of the column's present values in the training table. Values outside the training range (synthetic or
 *       hold-out rows may hold them) are capped at 1. A column whose training values are all equal, or all missing, has
 *       no range; it is measured in its own units ({@code range_c = 1}), so any difference of a whole unit or more
 *       counts fully;
 *   <li>a label: 0 when the codes are equal, 1 otherwise;
 *   <li>missing cells: 0 when both are missing, 1 when only one is.
 * </ul>
 *
 * Every per-column term is a metric on [0, 1] (a capped absolute difference, a discrete metric, a missing marker at
 * distance 1 from every value), and a mean of metrics is a metric, so the triangle inequality holds and metric trees
 * such as {@link VantagePointTree} find exact neighbours. The distance is 0 exactly when the rows agree on every column
 * (with missing agreeing with missing); it is a pseudometric in that two different rows of a table can be at 0.
 *
 * <p>Immutable and thread-safe once built.
 */
final class GowerSpace {
    private final int[] numberColumns;
    private final double[] minimum;
    private final double[] inverseRange;
    private final int[] labelColumns;
    private final double[] rangeOf;

    private GowerSpace(int[] numberColumns, double[] minimum, double[] inverseRange, int[] labelColumns,
            double[] rangeOf) {
        this.numberColumns = numberColumns;
        this.minimum = minimum;
        this.inverseRange = inverseRange;
        this.labelColumns = labelColumns;
        this.rangeOf = rangeOf;
    }

    /** The distance over every evaluated column, scaled by the training table. */
    static GowerSpace over(EncodedTable training) {
        int[] all = new int[training.columnCount()];
        Arrays.setAll(all, j -> j);
        return over(training, all);
    }

    /**
     * The distance over the given columns (positions in the schema), numbers scaled by the training table's ranges.
     *
     * @throws IllegalArgumentException when no column is given
     */
    static GowerSpace over(EncodedTable training, int[] columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a distance needs at least one column");
        }
        int numbers = 0;
        for (int c : columns) {
            if (training.columns().get(c).numeric()) {
                numbers++;
            }
        }
        int[] numberColumns = new int[numbers];
        int[] labelColumns = new int[columns.length - numbers];
        double[] minimum = new double[numbers];
        double[] inverseRange = new double[numbers];
        double[] rangeOf = new double[training.columnCount()];
        Arrays.fill(rangeOf, Double.NaN);
        int n = 0;
        int l = 0;
        for (int c : columns) {
            if (training.columns().get(c).numeric()) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double x : training.numbers(c)) {
                    if (Double.isFinite(x)) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
                double range = hi > lo ? hi - lo : 1.0;
                numberColumns[n] = c;
                minimum[n] = lo <= hi ? lo : 0.0;
                inverseRange[n] = 1.0 / range;
                rangeOf[c] = range;
                n++;
            } else {
                labelColumns[l++] = c;
            }
        }
        return new GowerSpace(numberColumns, minimum, inverseRange, labelColumns, rangeOf);
    }

    /** How many columns the distance averages over. */
    int columnCount() {
        return numberColumns.length + labelColumns.length;
    }

    /** The training range a numeric column is scaled by (1 for a column without one); NaN for other columns. */
    double range(int column) {
        return rangeOf[column];
    }

    /** The columns measured, numbers first then labels, as schema positions. */
    int[] columns() {
        int[] all = Arrays.copyOf(numberColumns, columnCount());
        System.arraycopy(labelColumns, 0, all, numberColumns.length, labelColumns.length);
        return all;
    }

    /** Every row of a table laid out for distance work. */
    GowerRows layout(EncodedTable table) {
        int[] all = new int[table.rows()];
        Arrays.setAll(all, i -> i);
        return layout(table, all);
    }

    /** The given rows of a table (positions may repeat), laid out row after row in that order. */
    GowerRows layout(EncodedTable table, int[] rows) {
        int dn = numberColumns.length;
        int dl = labelColumns.length;
        double[] numbers = new double[rows.length * dn];
        int[] codes = new int[rows.length * dl];
        for (int k = 0; k < dn; k++) {
            double[] x = table.numbers(numberColumns[k]);
            double lo = minimum[k];
            double inv = inverseRange[k];
            for (int i = 0; i < rows.length; i++) {
                numbers[i * dn + k] = (x[rows[i]] - lo) * inv;
            }
        }
        for (int k = 0; k < dl; k++) {
            int[] x = table.codes(labelColumns[k]);
            for (int i = 0; i < rows.length; i++) {
                codes[i * dl + k] = x[rows[i]];
            }
        }
        return new GowerRows(rows.length, dn, dl, numbers, codes);
    }

    /** The distance between row i of a and row j of b (both laid out by this space). */
    double distance(GowerRows a, int i, GowerRows b, int j) {
        int dl = a.labels;
        int mismatches = 0;
        int[] ca = a.codes;
        int[] cb = b.codes;
        for (int k = 0, oa = i * dl, ob = j * dl; k < dl; k++) {
            if (ca[oa + k] != cb[ob + k]) {
                mismatches++;
            }
        }
        return (mismatches + numberSum(a, i, b, j, Double.POSITIVE_INFINITY)) / columnCount();
    }

    /**
     * The distance when it is at most {@code bound}; otherwise some value above {@code bound} (possibly infinity),
     * found without summing every column. Values at or under the bound are the exact {@link #distance}.
     */
    double distanceAtMost(GowerRows a, int i, GowerRows b, int j, double bound) {
        int dl = a.labels;
        int mismatches = 0;
        int[] ca = a.codes;
        int[] cb = b.codes;
        for (int k = 0, oa = i * dl, ob = j * dl; k < dl; k++) {
            if (ca[oa + k] != cb[ob + k]) {
                mismatches++;
            }
        }
        // a sum over the limit gives a distance over the bound whatever rounding does (the margin covers it)
        double limit = bound * columnCount() * (1 + 1e-12) + 1e-12;
        if (mismatches > limit) {
            return Double.POSITIVE_INFINITY;
        }
        double rest = numberSum(a, i, b, j, limit - mismatches);
        return rest == Double.POSITIVE_INFINITY
                ? Double.POSITIVE_INFINITY
                : (mismatches + rest) / columnCount();
    }

    /** The numeric columns' terms summed, or infinity as soon as the partial sum passes {@code limit}. */
    private static double numberSum(GowerRows a, int i, GowerRows b, int j, double limit) {
        int dn = a.numberCount;
        double[] na = a.numbers;
        double[] nb = b.numbers;
        double sum = 0;
        for (int k = 0, oa = i * dn, ob = j * dn; k < dn; k++) {
            double x = na[oa + k];
            double y = nb[ob + k];
            double t = Math.abs(x - y);
            if (!(t <= 1.0)) {
                // over 1: capped; NaN: one or both missing (or infinite values)
                t = t > 1.0 || !(Double.isNaN(x) && Double.isNaN(y)) ? 1.0 : 0.0;
            }
            sum += t;
            if (sum > limit) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Gower distance over " + numberColumns.length + " numeric and " + labelColumns.length
                + " label columns";
    }
}
