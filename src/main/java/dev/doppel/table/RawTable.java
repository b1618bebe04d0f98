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
 * @param parts for a table read from a folder of files, which file each row came from; null for one file
 */
public record RawTable(
        String source,
        List<String> names,
        List<String[]> columns,
        List<String> missingMarkers,
        FileDialect dialect,
        int[] lines,
        Parts parts) {

    public RawTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        missingMarkers = List.copyOf(missingMarkers);
        Objects.requireNonNull(dialect);
        Objects.requireNonNull(lines);
        if (names.size() != columns.size() || names.size() != missingMarkers.size()) {
            throw new IllegalArgumentException("names, columns and markers differ in count");
        }
        if (parts != null && parts.ofRow().length != lines.length) {
            throw new IllegalArgumentException("parts and lines differ in count");
        }
    }

    /** A table read from one file. */
    public RawTable(String source, List<String> names, List<String[]> columns, List<String> missingMarkers,
            FileDialect dialect, int[] lines) {
        this(source, names, columns, missingMarkers, dialect, lines, null);
    }

    /**
     * The files of a table read from a folder, so a message can name the file a row came from.
     *
     * @param files the files' names (no folder), in reading order
     * @param ofRow per row, the index in {@code files} of its file
     */
    public record Parts(List<String> files, int[] ofRow) {
        public Parts {
            files = List.copyOf(files);
            Objects.requireNonNull(ofRow);
        }

        /** The parts of the rows at {@code positions}, in that order. */
        public Parts select(int[] positions) {
            int[] picked = new int[positions.length];
            for (int i = 0; i < positions.length; i++) {
                picked[i] = ofRow[positions[i]];
            }
            return new Parts(files, picked);
        }

        @Override
        public String toString() {
            return "Parts[" + files.size() + " files]";
        }
    }

    /**
     * Where row {@code row} (0-based) is in the input, for messages: {@code "data.csv: line 12"}; for a folder, the
     * row's own file, as the reader's messages name it ({@code "part-2.csv: line 12"}).
     */
    public String where(int row) {
        return (parts == null ? source : parts.files().get(parts.ofRow()[row])) + ": line " + lines[row];
    }

    /** The same rows with other cells (same row count), keeping where each row came from. */
    public RawTable withColumns(List<String[]> newColumns) {
        return new RawTable(source, names, newColumns, missingMarkers, dialect, lines, parts);
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
