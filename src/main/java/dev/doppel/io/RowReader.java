package dev.doppel.io;

import dev.doppel.table.FileDialect;
import java.util.List;

/**
 * A table read one row at a time, in constant memory: only the current row and the parser's buffers are held, so a
 * file of any size can be streamed (the {@code mask} command). Cells are what {@link TableReaders#read} would put in a
 * {@link dev.doppel.table.RawTable}: trimmed, {@code null} where the input held a missing-value marker. Opened by
 * {@link TableReaders#open}, which has already read the header and found at least one data row.
 *
 * <p>Errors met while streaming (bad encoding, an unclosed quote, a row with the wrong number of fields, an oversized
 * field) are raised by {@link #next()} when it reaches them, as the one-line {@link dev.doppel.error.InputException}
 * that {@code read} raises: naming the file, line and column, never a value.
 *
 * <p>Not thread-safe. Close it (try-with-resources) to release the file.
 */
public interface RowReader extends AutoCloseable {
    /** The column names in file order; never null, immutable. */
    List<String> names();

    /** How the file is laid out, as sniffed (Parquet: {@link FileDialect#RFC4180}). */
    FileDialect dialect();

    /**
     * The next row's cells, one per column of {@link #names()}, or {@code null} after the last row.
     *
     * <p>The returned array is reused: the next call overwrites it. Copy cells that must outlive the call.
     *
     * @throws dev.doppel.error.InputException where the input is malformed at this row
     */
    String[] next();

    /** The file line the row last returned by {@link #next()} started on (Parquet: its row number, 1-based). */
    int line();

    /** The file's name without its folder, for messages. */
    String source();

    /**
     * Per column, the raw spelling used most for a missing cell among the rows returned so far ({@code ""} when none
     * was seen), so output can write missing cells the way the input did. Ties go to the spelling last in sort order.
     */
    List<String> missingMarkers();

    /** Releases the file. Never throws a checked exception; closing twice is harmless. */
    @Override
    void close();
}
