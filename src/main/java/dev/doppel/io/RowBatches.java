package dev.doppel.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A table streamed in batches of a fixed number of rows, in constant memory, where the rows of a batch can be parsed
 * on another thread than the one reading: {@link #next()} cuts the next batch from the input (cheap, in file order, on
 * the reading thread), and {@link Pending#rows()} parses it, on any thread. A delimited file is cut at record
 * boundaries without being decoded, so workers parse in parallel; other inputs are parsed by {@link #next()} itself.
 *
 * <p>Every batch but the last holds exactly the batch size in rows, and the rows, cells and errors are those a
 * {@link RowReader} of the same file gives: cells trimmed, {@code null} where the input held a missing marker; a
 * malformed record raises the same one-line {@link dev.doppel.error.InputException} (file, line, column, never a
 * value), from {@link Pending#rows()} of the batch that holds it. Opened by {@link TableReaders#openBatches}.
 *
 * <p>Not thread-safe, but its batches are: each may be parsed on its own thread. Close it to release the file.
 */
public interface RowBatches extends AutoCloseable {
    /** A batch cut from the input but maybe not yet parsed. */
    interface Pending {
        /**
         * The batch's rows, one array of cells per row (new arrays, the caller's to keep); call once. Thread-safe.
         *
         * @throws dev.doppel.error.InputException where the input is malformed in this batch
         */
        String[][] rows();

        /**
         * The batch's rows a slice at a time, in order: {@code slice} gets arrays of at most {@code sliceRows} rows
         * (its own to keep), each as soon as it is parsed, so the caller works on cells while they are still in the
         * processor's cache. Call once (instead of {@link #rows()}), on any thread; a malformed record raises its
         * error after the slices before it were given.
         */
        default void rows(int sliceRows, Consumer<String[][]> slice) {
            String[][] all = rows();
            for (int from = 0; from < all.length; from += sliceRows) {
                slice.accept(Arrays.copyOfRange(all, from, Math.min(all.length, from + sliceRows)));
            }
        }
    }

    /**
     * The next batch, or {@code null} after the last row.
     *
     * @throws dev.doppel.error.InputException when the input cannot be read, or (for inputs parsed here) is malformed
     */
    Pending next();

    /** Releases the file; never throws a checked exception, and closing twice is harmless. */
    @Override
    void close();

    /** Batches of a {@link RowReader}'s rows, parsed by {@link #next()} on the reading thread. */
    static RowBatches of(RowReader reader, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1");
        }
        return new RowBatches() {
            @Override
            public Pending next() {
                List<String[]> rows = new ArrayList<>(Math.min(batchRows, 1 << 16));
                while (rows.size() < batchRows) {
                    String[] row = reader.next();
                    if (row == null) {
                        break;
                    }
                    rows.add(row.clone()); // the reader reuses its array
                }
                if (rows.isEmpty()) {
                    return null;
                }
                String[][] parsed = rows.toArray(new String[0][]);
                return () -> parsed;
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }
}
