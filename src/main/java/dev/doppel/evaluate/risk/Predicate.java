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

    /** True when row {@code row} of {@code table} meets every condition. */
    boolean matches(EncodedTable table, int row) {
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            boolean numeric = table.columns().get(c).numeric();
            if (ops[i] == Op.MISSING) {
                if (!table.missing(c, row)) {
                    return false;
                }
                continue;
            }
            double x = numeric ? table.numbers(c)[row] : table.codes(c)[row];
            boolean ok = switch (ops[i]) {
                case EQUALS -> numeric ? x == values[i] : x == values[i] && x != EncodedTable.MISSING;
                case AT_MOST -> x <= values[i];
                case AT_LEAST -> x >= values[i];
                case MISSING -> throw new AssertionError(ops[i]);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** How many rows of {@code table} match, counting no further than 2 (enough to tell "exactly one"). */
    int countUpToTwo(EncodedTable table) {
        int count = 0;
        for (int row = 0; row < table.rows(); row++) {
            if (matches(table, row) && ++count == 2) {
                return 2;
            }
        }
        return count;
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
