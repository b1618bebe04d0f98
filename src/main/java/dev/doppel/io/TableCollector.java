package dev.doppel.io;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the rows of a {@link RowReader} column by column into a {@link RawTable}. */
final class TableCollector {
    private static final int INITIAL_ROWS = 1024;

    private TableCollector() {}

    /**
     * Reads up to {@code maxRows} rows (all of them when there are fewer); does not close the reader.
     *
     * @param maxRows at least 1
     */
    static RawTable collect(RowReader reader, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        int width = reader.names().size();
        int capacity = Math.min(INITIAL_ROWS, maxRows);
        String[][] columns = new String[width][capacity];
        int[] lines = new int[capacity];
        int rows = 0;
        String[] row;
        while (rows < maxRows && (row = reader.next()) != null) {
            if (rows == capacity) {
                capacity = (int) Math.min(maxRows, Math.min(Integer.MAX_VALUE - 8, 2L * capacity));
                for (int c = 0; c < width; c++) {
                    columns[c] = Arrays.copyOf(columns[c], capacity);
                }
                lines = Arrays.copyOf(lines, capacity);
            }
            for (int c = 0; c < width; c++) {
                columns[c][rows] = row[c];
            }
            lines[rows++] = reader.line();
        }
        List<String[]> cells = new ArrayList<>(width);
        for (String[] column : columns) {
            cells.add(column.length == rows ? column : Arrays.copyOf(column, rows));
        }
        return new RawTable(reader.source(), reader.names(), cells, reader.missingMarkers(), reader.dialect(),
                lines.length == rows ? lines : Arrays.copyOf(lines, rows));
    }
}
