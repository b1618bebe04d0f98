package dev.doppel.generate;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FakeColumn;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.TextColumn;
import java.util.List;

/**
 * A block of synthetic rows, column by column. Per column exactly one array is used: {@code numbers} for numeric
 * columns (NaN = missing; dates in epoch days, date-times in epoch seconds), {@code codes} for categorical and boolean
 * columns (the label's index, -1 = missing), {@code strings} for identifiers and text (null = missing). Empty columns
 * use none: they are always missing.
 */
public final class Batch {
    private final double[][] numbers;
    private final int[][] codes;
    private final String[][] strings;
    private final int capacity;
    private int size;
    private long firstRow;

    public Batch(List<ColumnModel> columns, int capacity) {
        int n = columns.size();
        this.capacity = capacity;
        numbers = new double[n][];
        codes = new int[n][];
        strings = new String[n][];
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            if (m instanceof NumericColumn) {
                numbers[c] = new double[capacity];
            } else if (m instanceof CategoricalColumn) {
                codes[c] = new int[capacity];
            } else if (m instanceof IdentifierColumn || m instanceof TextColumn || m instanceof FakeColumn) {
                strings[c] = new String[capacity];
            }
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** The 0-based index, in the whole output, of this batch's first row. */
    public long firstRow() {
        return firstRow;
    }

    public void reset(long first, int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException("batch too small");
        }
        this.firstRow = first;
        this.size = rows;
    }

    public double[] numbers(int column) {
        return numbers[column];
    }

    public int[] codes(int column) {
        return codes[column];
    }

    public String[] strings(int column) {
        return strings[column];
    }

    @Override
    public String toString() {
        return "Batch[" + size + " rows from " + firstRow + "]";
    }
}
