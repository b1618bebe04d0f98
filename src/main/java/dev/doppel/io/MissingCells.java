package dev.doppel.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw cells of a text table into the values readers return, the one rule for CSV and Parquet text alike:
 * trimmed, and {@code null} when blank or equal (ignoring case) to a missing marker. Counts, per column, how the input
 * spelt its missing cells, so output can spell them the same way. Holds no cell values other than marker spellings.
 */
final class MissingCells {
    /** Distinct spellings counted per column; a column with more is pathological and its extra spellings are ignored. */
    private static final int MAX_SPELLINGS = 16;

    private final Set<String> markers;
    private final int longestMarker;
    /** Bit n set when some marker has length n (n < 64), bit 63 also for every longer one: a cheap first test. */
    private final long markerLengths;
    /** Bit c set (c < 128) when some marker starts with the ASCII character c: a cheap second test. */
    private final long markerFirstLow;
    private final long markerFirstHigh;
    private final Map<String, Integer>[] spellings;

    /**
     * @param markers the missing markers, trimmed and lower-cased ({@link ReadOptions#markerSet()})
     * @param columns the number of columns
     */
    @SuppressWarnings("unchecked")
    MissingCells(Set<String> markers, int columns) {
        this.markers = Set.copyOf(markers);
        this.longestMarker = markers.stream().mapToInt(String::length).max().orElse(0);
        long lengths = 0;
        for (String m : this.markers) {
            lengths |= 1L << Math.min(m.length(), 63);
        }
        this.markerLengths = lengths;
        long low = 0;
        long high = 0;
        for (String m : this.markers) {
            if (!m.isEmpty() && m.charAt(0) < 0x80) {
                char c = m.charAt(0);
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            } else if (!m.isEmpty()) {
                low = high = -1L; // a marker that starts beyond ASCII: no second test
            }
        }
        this.markerFirstLow = low;
        this.markerFirstHigh = high;
        this.spellings = (Map<String, Integer>[]) new Map<?, ?>[columns];
    }

    /**
     * The value of a text cell: trimmed, or {@code null} when it is a missing marker (then its spelling is counted).
     *
     * @param column the column, 0-based
     * @param raw the cell as the file holds it
     * @param padded whether the file puts one space after each separator (so a lone space is padding, not a marker)
     */
    String text(int column, String raw, boolean padded) {
        String value = raw.trim();
        // lower-casing never shortens a string, so a value longer than every marker is not one
        if (value.isEmpty() || (value.length() <= longestMarker && maySpellMarker(value)
                && markers.contains(value.toLowerCase(Locale.ROOT)))) {
            count(column, value.isEmpty() && !(padded && raw.length() == 1) ? raw : value);
            return null;
        }
        return value;
    }

    /**
     * False when no marker starts with the value's first character (lower-cased, when ASCII), or none has the value's
     * length. Lower-casing keeps the length of the ASCII letters markers are made of; a value it would change in
     * length (rare non-ASCII letters) is passed on to the full test.
     */
    private boolean maySpellMarker(String value) {
        int n = value.length();
        char first = value.charAt(0);
        if (first < 0x80) {
            // an ASCII first character lower-cases to the first character of the lower-cased value
            char lower = first >= 'A' && first <= 'Z' ? (char) (first + ('a' - 'A')) : first;
            long bit = lower < 64 ? markerFirstLow & 1L << lower : markerFirstHigh & 1L << (lower - 64);
            if (bit == 0) {
                return false;
            }
        }
        if ((markerLengths & 1L << Math.min(n, 63)) != 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** A cell the file holds no value for (a Parquet null): counted as the empty spelling. */
    String absent(int column) {
        count(column, "");
        return null;
    }

    private void count(int column, String spelling) {
        Map<String, Integer> seen = spellings[column];
        if (seen == null) {
            seen = new HashMap<>();
            spellings[column] = seen;
        }
        if (seen.size() < MAX_SPELLINGS || seen.containsKey(spelling)) {
            seen.merge(spelling, 1, Integer::sum);
        }
    }

    /** Per column, the spelling counted most ({@code ""} when none); ties go to the spelling last in sort order. */
    List<String> mostUsed() {
        List<String> result = new ArrayList<>(spellings.length);
        for (Map<String, Integer> seen : spellings) {
            result.add(seen == null ? "" : seen.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse(""));
        }
        return result;
    }
}
