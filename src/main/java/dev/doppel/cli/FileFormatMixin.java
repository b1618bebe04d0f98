package dev.doppel.cli;

import dev.doppel.error.UsageException;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --compression}, for commands that write a table to a CSV or Parquet file. */
final class FileFormatMixin {
    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet (default: from the file name).")
    OutputFormat format;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "snappy",
            description = "Parquet codec: snappy (default), zstd, gzip, none.")
    Compression compression;

    /** The format given, else the one {@code output}'s name says; a name that says none is a usage error. */
    OutputFormat formatOf(Path output) {
        return format != null ? format : OutputFormat.fromPath(output).orElseThrow(
                () -> new UsageException(output + ": cannot tell the format from the name; use .csv or .parquet, or --format"));
    }
}
