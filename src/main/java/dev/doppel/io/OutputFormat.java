package dev.doppel.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats Doppel writes. */
public enum OutputFormat {
    CSV,
    PARQUET;

    /** From a file name's extension: .parquet (or .pq) is Parquet, .csv/.tsv/.txt is CSV. */
    public static Optional<OutputFormat> fromPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return Optional.of(PARQUET);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    public static OutputFormat fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
