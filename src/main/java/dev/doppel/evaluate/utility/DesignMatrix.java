package dev.doppel.evaluate.utility;

import java.util.Arrays;
import java.util.List;

/**
 * Model inputs, one row per table row, stored sparsely (compressed rows): a one-hot label contributes one entry, a
 * number one or two (value and missing indicator), the intercept one. Within a row, entries are in increasing column
 * order. Column 0 is the intercept (1 in every row). Immutable; built by {@link Features#matrix}.
 */
public final class DesignMatrix {
    private final int rows;
    private final int columns;
    private final int[] start;
    private final int[] index;
    private final double[] value;

    DesignMatrix(int rows, int columns, int[] start, int[] index, double[] value) {
        this.rows = rows;
        this.columns = columns;
        this.start = start;
        this.index = index;
        this.value = value;
    }

    public int rows() {
        return rows;
    }

    /** Model parameters per output: the intercept plus one per feature. */
    public int columns() {
        return columns;
    }

    /** The linear predictor of a row: the sum over its entries of value times {@code beta[offset + column]}. */
    public double dot(int row, double[] beta, int offset) {
        double s = 0;
        for (int e = start[row]; e < start[row + 1]; e++) {
            s += value[e] * beta[offset + index[e]];
        }
        return s;
    }

    /** The value at (row, column); 0 where the row has no entry. */
    public double get(int row, int column) {
        for (int e = start[row]; e < start[row + 1]; e++) {
            if (index[e] == column) {
                return value[e];
            }
        }
        return 0;
    }

    int entryStart(int row) {
        return start[row];
    }

    int entryEnd(int row) {
        return start[row + 1];
    }

    int entryColumn(int entry) {
        return index[entry];
    }

    double entryValue(int entry) {
        return value[entry];
    }

    /** Adds {@code scale} times the row to {@code into[offset + column]} for each of its entries. */
    void addRow(int row, double scale, double[] into, int offset) {
        for (int e = start[row]; e < start[row + 1]; e++) {
            into[offset + index[e]] += scale * value[e];
        }
    }

    /**
     * Adds {@code weight} times the outer product of the row with itself to the upper triangle of the
     * {@code columns x columns} row-major matrix {@code into} (entries with row index at most column index).
     */
    void addOuter(int row, double weight, double[] into) {
        int end = start[row + 1];
        for (int a = start[row]; a < end; a++) {
            double wa = weight * value[a];
            int base = index[a] * columns;
            for (int b = a; b < end; b++) {
                into[base + index[b]] += wa * value[b];
            }
        }
    }

    /**
     * X'X as the upper triangle of a row-major {@code columns x columns} matrix, summed in fixed row blocks added in
     * order (identical for any thread count).
     */
    double[] gram(int threads) {
        List<double[]> parts = RowBlocks.of(rows).map(threads, (first, end) -> {
            double[] g = new double[columns * columns];
            for (int i = first; i < end; i++) {
                addOuter(i, 1, g);
            }
            return g;
        });
        double[] total = new double[columns * columns];
        for (double[] part : parts) {
            for (int k = 0; k < total.length; k++) {
                total[k] += part[k];
            }
        }
        return total;
    }

    /** This matrix's rows followed by {@code other}'s; both must have the same columns. */
    public DesignMatrix stack(DesignMatrix other) {
        if (other.columns != columns) {
            throw new IllegalArgumentException("stacking " + columns + " columns on " + other.columns);
        }
        int entries = start[rows];
        int[] s = Arrays.copyOf(start, rows + other.rows + 1);
        for (int i = 1; i <= other.rows; i++) {
            s[rows + i] = entries + other.start[i];
        }
        int[] ix = Arrays.copyOf(index, entries + other.start[other.rows]);
        double[] v = Arrays.copyOf(value, ix.length);
        System.arraycopy(other.index, 0, ix, entries, other.start[other.rows]);
        System.arraycopy(other.value, 0, v, entries, other.start[other.rows]);
        return new DesignMatrix(rows + other.rows, columns, s, ix, v);
    }

    /**
     * The same rows without the columns that are 0 in every row (a missing indicator no row sets, a label no row
     * holds); such a column has no parameter a fit could learn, as R's glm reports it aliased.
     */
    public DesignMatrix withoutEmptyColumns() {
        boolean[] used = new boolean[columns];
        for (int e = 0; e < start[rows]; e++) {
            if (value[e] != 0) {
                used[index[e]] = true;
            }
        }
        int[] map = new int[columns];
        int kept = 0;
        for (int j = 0; j < columns; j++) {
            map[j] = used[j] ? kept++ : -1;
        }
        if (kept == columns) {
            return this;
        }
        int[] s = new int[rows + 1];
        int[] ix = new int[start[rows]];
        double[] v = new double[start[rows]];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (map[index[e]] >= 0) {
                    ix[n] = map[index[e]];
                    v[n++] = value[e];
                }
            }
            s[i + 1] = n;
        }
        return new DesignMatrix(rows, kept, s, Arrays.copyOf(ix, n), Arrays.copyOf(v, n));
    }

    /** Builds a matrix row by row; entries of a row must come in increasing column order. */
    static final class Builder {
        private final int columns;
        private int[] start;
        private int[] index;
        private double[] value;
        private int rows;
        private int entries;

        Builder(int columns, int expectedRows, int entriesPerRow) {
            this.columns = columns;
            this.start = new int[expectedRows + 1];
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, (long) expectedRows * entriesPerRow));
            this.index = new int[capacity];
            this.value = new double[capacity];
        }

        void add(int column, double v) {
            if (entries == index.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, index.length * 2L);
                index = Arrays.copyOf(index, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            index[entries] = column;
            value[entries++] = v;
        }

        void endRow() {
            if (rows + 1 == start.length) {
                start = Arrays.copyOf(start, start.length * 2);
            }
            start[++rows] = entries;
        }

        DesignMatrix build() {
            return new DesignMatrix(rows, columns, Arrays.copyOf(start, rows + 1), Arrays.copyOf(index, entries),
                    Arrays.copyOf(value, entries));
        }
    }
}
