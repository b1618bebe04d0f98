package dev.doppel.evaluate;

import java.util.List;

/**
 * A table reduced to what the evaluation compares, held column-wise in primitive arrays: numbers as doubles (NaN for
 * missing), labels as codes into the schema's shared {@link LabelCodes} (-1 for missing). Real, synthetic and hold-out
 * tables encoded with the same {@link EvalSchema} share codes, so a label means the same number in all three. Holds
 * values only in memory while a report is computed; nothing of it is written out.
 */
public final class EncodedTable {
    /** The code of a missing label. */
    public static final int MISSING = -1;

    private final EvalSchema schema;
    private final int rows;
    private final double[][] numbers;
    private final int[][] codes;

    EncodedTable(EvalSchema schema, int rows, double[][] numbers, int[][] codes) {
        this.schema = schema;
        this.rows = rows;
        this.numbers = numbers;
        this.codes = codes;
    }

    public EvalSchema schema() {
        return schema;
    }

    public List<EvalColumn> columns() {
        return schema.columns();
    }

    public int rows() {
        return rows;
    }

    public int columnCount() {
        return schema.columns().size();
    }

    /** The numbers of a numeric column (NaN = missing); the array itself, not a copy: do not modify. */
    public double[] numbers(int column) {
        double[] x = numbers[column];
        if (x == null) {
            throw new IllegalArgumentException("column " + column + " is not numeric");
        }
        return x;
    }

    /** The label codes of a label column ({@link #MISSING} = missing); the array itself: do not modify. */
    public int[] codes(int column) {
        int[] x = codes[column];
        if (x == null) {
            throw new IllegalArgumentException("column " + column + " holds numbers, not labels");
        }
        return x;
    }

    /** True when the cell is missing. */
    public boolean missing(int column, int row) {
        return numbers[column] != null ? Double.isNaN(numbers[column][row]) : codes[column][row] == MISSING;
    }

    /** The rows at the given positions, in that order (positions may repeat). */
    public EncodedTable select(int[] positions) {
        double[][] n = new double[numbers.length][];
        int[][] c = new int[codes.length][];
        for (int j = 0; j < numbers.length; j++) {
            if (numbers[j] != null) {
                n[j] = new double[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    n[j][i] = numbers[j][positions[i]];
                }
            } else {
                c[j] = new int[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    c[j][i] = codes[j][positions[i]];
                }
            }
        }
        return new EncodedTable(schema, positions.length, n, c);
    }

    /** The first {@code count} rows (all when there are fewer). */
    public EncodedTable head(int count) {
        int n = Math.min(count, rows);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        return select(positions);
    }
}
