package dev.doppel.cli;

import dev.doppel.error.InputException;
import dev.doppel.error.UsageException;
import dev.doppel.io.ReadOptions;
import dev.doppel.pipeline.Profiles;
import java.util.List;
import picocli.CommandLine.Option;

/** How to read a data file, for commands that read one. */
final class ReadOptionsMixin {
    @Option(names = "--delimiter", paramLabel = "SEP", description = "Field separator: auto (default), ',', ';', tab, '|'.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Text encoding of CSV input (default UTF-8).")
    String encoding;

    @Option(names = "--missing", paramLabel = "MARKER", split = ",",
            description = "Values that mean missing (default: empty, NA, N/A, null, ?).")
    List<String> missing;

    /** The base options with the command line's on top; a bad option value is a usage error. */
    ReadOptions toOptions(ReadOptions base) {
        ReadOptions options = base;
        try {
            if (delimiter != null) {
                options = options.withDelimiter(Profiles.delimiter(delimiter, "--delimiter"));
            }
            if (encoding != null) {
                options = options.withEncoding(Profiles.charset(encoding, "--encoding"));
            }
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        if (missing != null) {
            options = options.withMissingMarkers(missing);
        }
        return options;
    }
}
