package dev.doppel.io;

import dev.doppel.table.RawTable;
import java.nio.file.Path;

/**
 * Reads a flat Parquet file into a {@link RawTable}, by collecting the rows of a {@link ParquetRowReader}: each value
 * becomes the text a CSV export would hold, and text cells are trimmed and checked for missing markers as in CSV.
 */
public final class ParquetTableReader {
    private ParquetTableReader() {}

    /** Reads with the default missing markers. */
    public static RawTable read(Path file) {
        return read(file, ReadOptions.DEFAULTS);
    }

    /**
     * Reads the whole file.
     *
     * @throws dev.doppel.error.InputException when the file is not a readable flat Parquet table with rows
     */
    public static RawTable read(Path file, ReadOptions options) {
        try (RowReader rows = ParquetRowReader.open(file, options)) {
            return TableCollector.collect(rows, Integer.MAX_VALUE);
        }
    }
}
