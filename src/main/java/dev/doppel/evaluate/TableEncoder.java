package dev.doppel.evaluate;

import dev.doppel.error.InputException;
import dev.doppel.io.RowReader;
import dev.doppel.table.RawTable;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes tables against an {@link EvalSchema}: numbers parsed once into doubles, labels into shared codes. Columns
 * are found by name, so the synthetic file may order them differently; a column the real table has and another
 * table lacks is an input error naming the file and the column. Encode the real table first (it fixes the order of
 * label codes), then the others.
 */
public final class TableEncoder {
    private final EvalSchema schema;

    public TableEncoder(EvalSchema schema) {
        this.schema = schema;
    }

    /** Encodes the real (training) table; its labels are the reference ones. */
    public EncodedTable encodeReal(RawTable table) {
        EncodedTable encoded = encode(table);
        schema.closeReal();
        return encoded;
    }

    /** Encodes the real (training) table from a stream, keeping at most {@code limit} rows. */
    public EncodedTable encodeReal(RowReader reader, int limit) {
        EncodedTable encoded = encode(reader, limit);
        schema.closeReal();
        return encoded;
    }

    /** Encodes an in-memory table (hold-out, or a synthetic table already read). */
    public EncodedTable encode(RawTable table) {
        int[] source = positions(table.names(), table.source());
        List<EvalColumn> columns = schema.columns();
        int d = columns.size();
        double[][] numbers = new double[d][];
        int[][] codes = new int[d][];
        for (int j = 0; j < d; j++) {
            String[] cells = table.column(source[j]);
            if (columns.get(j).numeric()) {
                double[] x = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    x[i] = columns.get(j).parse(cells[i]);
                }
                numbers[j] = x;
            } else {
                LabelCodes labels = schema.labels(j);
                int[] c = new int[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    c[i] = cells[i] == null ? EncodedTable.MISSING : labels.codeOf(columns.get(j).label(cells[i]));
                }
                codes[j] = c;
            }
        }
        return new EncodedTable(schema, table.rows(), numbers, codes);
    }

    /**
     * Encodes up to {@code limit} rows read from a stream, in constant memory beyond the encoded arrays (8 bytes per
     * numeric cell, 4 per label cell).
     */
    public EncodedTable encode(RowReader reader, int limit) {
        int[] source = positions(reader.names(), reader.source());
        List<EvalColumn> columns = schema.columns();
        int d = columns.size();
        int capacity = 1 << 12;
        double[][] numbers = new double[d][];
        int[][] codes = new int[d][];
        for (int j = 0; j < d; j++) {
            if (columns.get(j).numeric()) {
                numbers[j] = new double[capacity];
            } else {
                codes[j] = new int[capacity];
            }
        }
        int rows = 0;
        String[] row;
        while (rows < limit && (row = reader.next()) != null) {
            if (rows == capacity) {
                capacity = (int) Math.min(Integer.MAX_VALUE - 8L, capacity * 2L);
                for (int j = 0; j < d; j++) {
                    if (numbers[j] != null) {
                        numbers[j] = Arrays.copyOf(numbers[j], capacity);
                    } else {
                        codes[j] = Arrays.copyOf(codes[j], capacity);
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                String cell = row[source[j]];
                if (numbers[j] != null) {
                    numbers[j][rows] = columns.get(j).parse(cell);
                } else {
                    codes[j][rows] = cell == null ? EncodedTable.MISSING : schema.labels(j).codeOf(columns.get(j).label(cell));
                }
            }
            rows++;
        }
        for (int j = 0; j < d; j++) {
            if (numbers[j] != null) {
                numbers[j] = Arrays.copyOf(numbers[j], rows);
            } else {
                codes[j] = Arrays.copyOf(codes[j], rows);
            }
        }
        return new EncodedTable(schema, rows, numbers, codes);
    }

    /**
     * For a table whose cells are already values rather than text (synthetic rows drawn in memory): the position in
     * {@code names} of each evaluated column, found by name as for a file.
     *
     * @throws InputException when a column the real table has is absent
     */
    public int[] positionsIn(List<String> names, String source) {
        return positions(names, source);
    }

    /** The evaluated columns, in the order of the encoded tables' columns. */
    public List<EvalColumn> columns() {
        return schema.columns();
    }

    /** A cell of an evaluated numeric column as a number (NaN when missing or not a number), as files are read. */
    public double number(int column, String cell) {
        return schema.columns().get(column).parse(cell);
    }

    /**
     * A cell of an evaluated label column as its label, as files are read (null for null); unlike {@link #code} it
     * assigns no code, so any thread may call it.
     */
    public String label(int column, String cell) {
        return cell == null ? null : schema.columns().get(column).label(cell);
    }

    /** The code of a label of an evaluated label column ({@link EncodedTable#MISSING} for null), as files are read. */
    public int code(int column, String label) {
        return label == null ? EncodedTable.MISSING
                : schema.labels(column).codeOf(schema.columns().get(column).label(label));
    }

    /**
     * A table from columns already encoded with {@link #number} and {@code code}: per evaluated column, its numbers
     * (numeric columns) or its codes (label columns), each {@code rows} long; the arrays are kept, not copied.
     */
    public EncodedTable table(int rows, double[][] numbers, int[][] codes) {
        List<EvalColumn> columns = schema.columns();
        if (numbers.length != columns.size() || codes.length != columns.size()) {
            throw new IllegalArgumentException("one array per evaluated column");
        }
        for (int j = 0; j < columns.size(); j++) {
            int length = columns.get(j).numeric() ? numbers[j].length : codes[j].length;
            if (length != rows) {
                throw new IllegalArgumentException("column " + j + " holds " + length + " cells, not " + rows);
            }
        }
        return new EncodedTable(schema, rows, numbers, codes);
    }

    private int[] positions(List<String> names, String source) {
        List<EvalColumn> columns = schema.columns();
        int[] positions = new int[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            positions[j] = names.indexOf(columns.get(j).name());
            if (positions[j] < 0) {
                throw new InputException(source + ": no column '" + columns.get(j).name()
                        + "', which the real table has; evaluate compares tables with the same columns");
            }
        }
        return positions;
    }
}
