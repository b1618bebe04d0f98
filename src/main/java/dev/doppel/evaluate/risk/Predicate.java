package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import java.util.Arrays;

/**
 * A singling-out query: a conjunction of conditions on single columns, such as "column 3 is at most v and column 7 is
 * label code c". Holds cell values, so it is never printed: {@link #toString()} gives the shape only.
 */
final class Predicate {
    /** How a condition compares a cell with its value. */
    enum Op {
        /** The cell equals the value (a number, or a label code). */
        EQUALS,
        /** The number is at most the value. */
        AT_MOST,
        /** The number is at least the value. */
        AT_LEAST,
        /** The cell is missing. */
        MISSING
    }

    private final int[] columns;
    private final Op[] ops;
    private final double[] values;

    private Predicate(int[] columns, Op[] ops, double[] values) {
        this.columns = columns;
        this.ops = ops;
        this.values = values;
    }

    /** A predicate of the given conditions (put in column order, so equal conjunctions compare equal). */
    static Predicate of(int[] columns, Op[] ops, double[] values) {
        Integer[] order = new Integer[columns.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(columns[a], columns[b]));
        int[] c = new int[columns.length];
        Op[] o = new Op[columns.length];
        double[] v = new double[columns.length];
        for (int i = 0; i < order.length; i++) {
            c[i] = columns[order[i]];
            o[i] = ops[order[i]];
            v[i] = ops[order[i]] == Op.MISSING ? 0.0 : values[order[i]];
        }
        return new Predicate(c, o, v);
    }

    /** A one-column predicate. */
    static Predicate of(int column, Op op, double value) {
        return of(new int[] {column}, new Op[] {op}, new double[] {value});
    }

    /** How many rows of {@code table} match, counting no further than 2 (enough to tell "exactly one"). */
    int countUpToTwo(EncodedTable table) {
        int m = columns.length;
        double[][] numbers = new double[m][];
        int[][] codes = new int[m][];
        for (int i = 0; i < m; i++) {
            if (table.columns().get(columns[i]).numeric()) {
                numbers[i] = table.numbers(columns[i]);
            } else {
                codes[i] = table.codes(columns[i]);
            }
        }
        int count = 0;
        for (int row = 0; row < table.rows(); row++) {
            if (matches(numbers, codes, row) && ++count == 2) {
                return 2;
            }
        }
        return count;
    }

    /** True when the row meets every condition; a missing cell meets only MISSING. */
    private boolean matches(double[][] numbers, int[][] codes, int row) {
        for (int i = 0; i < columns.length; i++) {
            boolean missing;
            double x;
            if (numbers[i] != null) {
                x = numbers[i][row];
                missing = Double.isNaN(x);
            } else {
                x = codes[i][row];
                missing = codes[i][row] == EncodedTable.MISSING;
            }
            boolean ok = switch (ops[i]) {
                case MISSING -> missing;
                case EQUALS -> !missing && x == values[i];
                case AT_MOST -> !missing && x <= values[i];
                case AT_LEAST -> !missing && x >= values[i];
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predicate p && Arrays.equals(columns, p.columns) && Arrays.equals(ops, p.ops)
                && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(columns) + Arrays.hashCode(ops)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Predicate[" + columns.length + " conditions]"; // never values
    }
}
