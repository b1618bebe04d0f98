package dev.doppel.generate;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.DerivedColumn;
import dev.doppel.model.FakeColumn;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.TextColumn;
import java.util.List;

/**
 * A block of synthetic rows, column by column. Per column exactly one array is used: {@code numbers} for numeric
 * columns (NaN = missing; dates in epoch days, date-times in epoch seconds), {@code codes} for categorical and boolean
 * columns (the label's index, -1 = missing), {@code strings} for identifiers and text (null = missing). Empty columns
 * use none: they are always missing. A column computed by a constraint ({@link DerivedColumn}) uses the array of its
 * kind.
 */
public final class Batch {
    private final double[][] numbers;
    private final int[][] codes;
    private final String[][] strings;
    private final int capacity;
    private int size;
    private long firstRow;

    public Batch(List<ColumnModel> columns, int capacity) {
        this(columns, columns, capacity);
    }

    /**
     * A batch for a model that draws {@code drawn} and writes {@code written} (the same columns, as constraints
     * complete them): a column gets every array either needs.
     */
    public Batch(List<ColumnModel> drawn, List<ColumnModel> written, int capacity) {
        if (drawn.size() != written.size()) {
            throw new IllegalArgumentException("drawn and written columns differ in count");
        }
        int n = drawn.size();
        this.capacity = capacity;
        numbers = new double[n][];
        codes = new int[n][];
        strings = new String[n][];
        for (int c = 0; c < n; c++) {
            for (ColumnModel m : new ColumnModel[] {drawn.get(c), written.get(c)}) {
                if (holdsNumbers(m) && numbers[c] == null) {
                    numbers[c] = new double[capacity];
                } else if (holdsCodes(m) && codes[c] == null) {
                    codes[c] = new int[capacity];
                } else if ((m instanceof IdentifierColumn || m instanceof TextColumn || m instanceof FakeColumn)
                        && strings[c] == null) {
                    strings[c] = new String[capacity];
                }
            }
        }
    }

    private static boolean holdsNumbers(ColumnModel m) {
        return m instanceof NumericColumn || (m instanceof DerivedColumn && m.spec().kind().numeric());
    }

    private static boolean holdsCodes(ColumnModel m) {
        return m instanceof CategoricalColumn || (m instanceof DerivedColumn && !m.spec().kind().numeric());
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

    /**
     * Every column's numbers, null for a column without (a new outer array over the batch's own columns): for an
     * encoder that walks the batch row by row, gathered once per batch rather than once per cell.
     */
    public double[][] numberColumns() {
        return numbers.clone();
    }

    /** Every column's codes, null for a column without; see {@link #numberColumns()}. */
    public int[][] codeColumns() {
        return codes.clone();
    }

    /** Every column's strings, null for a column without; see {@link #numberColumns()}. */
    public String[][] stringColumns() {
        return strings.clone();
    }

    @Override
    public String toString() {
        return "Batch[" + size + " rows from " + firstRow + "]";
    }
}
