package dev.doppel.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to read an input table.
 *
 * @param delimiter the field separator, or {@code null} to detect it
 * @param encoding the text encoding of CSV input
 * @param missingMarkers cell values (after trimming, compared ignoring case) that mean "missing"; an empty or
 *     whitespace-only cell is always missing
 * @param encodingGiven whether the user set the encoding; when not, a file whose start is not valid UTF-8 but is valid
 *     windows-1252 (the usual encoding of older Western European exports) is read as windows-1252
 */
public record ReadOptions(Character delimiter, Charset encoding, List<String> missingMarkers, boolean encodingGiven) {

    /**
     * The markers most exports use: empty, NA, N/A, null, ? (R, SQL, UCI files); NaN, None, #N/A and &lt;NA&gt;
     * (pandas, Python, Excel); - (spreadsheets).
     */
    public static final List<String> DEFAULT_MISSING =
            List.of("", "NA", "N/A", "null", "?", "NaN", "None", "#N/A", "<NA>", "-");

    public static final ReadOptions DEFAULTS = new ReadOptions(null, StandardCharsets.UTF_8, DEFAULT_MISSING, false);

    public ReadOptions {
        missingMarkers = List.copyOf(missingMarkers);
    }

    /** The markers, lower-cased, for fast matching. */
    public Set<String> markerSet() {
        return missingMarkers.stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public ReadOptions withDelimiter(Character newDelimiter) {
        return new ReadOptions(newDelimiter, encoding, missingMarkers, encodingGiven);
    }

    public ReadOptions withEncoding(Charset newEncoding) {
        return new ReadOptions(delimiter, newEncoding, missingMarkers, true);
    }

    public ReadOptions withMissingMarkers(List<String> markers) {
        return new ReadOptions(delimiter, encoding, markers, encodingGiven);
    }
}
