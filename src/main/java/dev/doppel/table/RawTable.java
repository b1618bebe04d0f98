package dev.doppel.table;

import java.util.List;
import java.util.Objects;

/**
 * A table as read from a file, column by column: cells are trimmed strings, {@code null} where the input held a
 * missing-value marker. Only used while fitting and inspecting; never written anywhere.
 *
 * @param source the file's name, for messages (no folder, so no machine path ends up in a model)
 * @param names column names in file order
 * @param columns one array per column, each {@link #rows()} long
 * @param missingMarkers per column, the raw marker the input used most for a missing cell ("" when none was seen)
 * @param dialect how the file was written, so output can be written the same way
 * @param lines per row, the line of the file it started on (for messages)
 */
public record RawTable(
        String source,
        List<String> names,
        List<String[]> columns,
        List<String> missingMarkers,
        FileDialect dialect,
        int[] lines) {

    public RawTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        missingMarkers = List.copyOf(missingMarkers);
        Objects.requireNonNull(dialect);
        Objects.requireNonNull(lines);
        if (names.size() != columns.size() || names.size() != missingMarkers.size()) {
            throw new IllegalArgumentException("names, columns and markers differ in count");
        }
    }

    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).length;
    }

    /** The line of the input file on which row {@code row} (0-based) started. */
    public int lineOf(int row) {
        return lines[row];
    }

    public int columnCount() {
        return names.size();
    }

    public String[] column(int index) {
        return columns.get(index);
    }

    /** Looks a column up by name; -1 when absent. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }


    @Override
    public String toString() {
        return "RawTable[" + source + ", " + rows() + " rows x " + columnCount() + " columns]"; // never cells
    }
}
