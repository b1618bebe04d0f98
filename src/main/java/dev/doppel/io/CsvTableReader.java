package dev.doppel.io;

import dev.doppel.table.RawTable;
import java.nio.file.Path;

/**
 * Reads a delimited text file (CSV, TSV, semicolon, pipe) into a {@link RawTable}, by collecting the rows of a
 * {@link CsvRowReader}. Errors name the file, the line and the column, never a cell's content.
 */
public final class CsvTableReader {
    private CsvTableReader() {}

    /**
     * Reads the whole file.
     *
     * @throws dev.doppel.error.InputException when the file cannot be read or is not a well-formed table
     */
    public static RawTable read(Path file, ReadOptions options) {
        try (RowReader rows = CsvRowReader.open(file, options)) {
            return TableCollector.collect(rows, Integer.MAX_VALUE);
        }
    }
}
