package dev.doppel.io;

import dev.doppel.error.InputException;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Reads any supported input: Parquet by extension or magic bytes, everything else as delimited text. */
public final class TableReaders {
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    private TableReaders() {}

    /**
     * Reads the whole file into memory.
     *
     * @throws InputException when the file is missing, unreadable or not a well-formed table with at least one row
     */
    public static RawTable read(Path file, ReadOptions options) {
        return readHead(file, options, Integer.MAX_VALUE);
    }

    /**
     * Reads the header and the first {@code maxRows} rows (all rows when there are fewer), for inference on the start
     * of a large file. Problems after those rows go unseen.
     *
     * @param maxRows at least 1
     * @throws InputException as {@link #read}
     */
    public static RawTable readHead(Path file, ReadOptions options, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        try (RowReader rows = open(file, options)) {
            return TableCollector.collect(rows, maxRows);
        }
    }

    /**
     * Opens the file for streaming row by row in constant memory, by the same rules as {@link #read}: the header is read
     * and at least one data row found before this returns. The caller closes the reader.
     *
     * @throws InputException when the file is missing, unreadable, not a table, or has a bad header or no data rows
     */
    public static RowReader open(Path file, ReadOptions options) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new InputException(name + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(name + ": is a folder; give a data file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(name + ": cannot be read (no permission)");
        }
        return isParquet(file) ? ParquetRowReader.open(file, options) : CsvRowReader.open(file, options);
    }

    /**
     * Opens a file, or a folder of files with one header (see {@link InputFiles}), for streaming row by row; a
     * folder's files are read one after the other in name order, and its {@link RowReader#source()} is the folder's
     * name. The caller closes the reader.
     *
     * @throws InputException as {@link #open}, or when a folder holds no data files or a file's header differs
     */
    public static RowReader openAll(Path input, ReadOptions options) {
        if (!Files.isDirectory(input)) {
            return open(input, options);
        }
        return ConcatRowReader.open(InputFiles.name(input), InputFiles.of(input), options);
    }

    /**
     * Opens the file for streaming in batches of {@code batchRows} rows, by the same rules as {@link #open}: a
     * delimited file is cut into batches here and each batch parsed by the thread that asks for its rows (see
     * {@link RowBatches}). The caller closes it.
     *
     * @throws InputException as {@link #open}
     */
    public static RowBatches openBatches(Path file, ReadOptions options, int batchRows) {
        RowReader reader = open(file, options);
        return reader instanceof CsvRowReader csv ? CsvChunks.open(csv, options, batchRows)
                : RowBatches.of(reader, batchRows);
    }

    /** True for a Parquet file: by its extension or its magic bytes. */
    public static boolean isParquet(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), PARQUET_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
