package dev.doppel.io;

import dev.doppel.error.InputException;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads any supported input: Parquet by extension or magic bytes, everything else as delimited text. */
public final class TableReaders {
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

    private TableReaders() {}

    public static RawTable read(Path file, ReadOptions options) {
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
        return isParquet(file) ? ParquetTableReader.read(file, options) : CsvTableReader.read(file, options);
    }

    /** True for a Parquet file: by its extension or its magic bytes. */
    public static boolean isParquet(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), PARQUET_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
