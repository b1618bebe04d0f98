package dev.doppel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The data a command reads first on its command line: one table file or a folder of parts, as the readers take it. */
final class DataMixin {
    @Parameters(index = "0", paramLabel = "DATA",
            description = "CSV, TSV or Parquet file, or a folder of Parquet files or of CSV files with one header.")
    Path path;
}
