package dev.doppel.schema;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers each column's kind and format from its values. The rules, in order: all missing is empty; two spellings
 * of a truth value are boolean; whole numbers without leading zeros (and short enough for a long) are integer; other
 * numbers are decimal (scale from the longest fraction), except digit strings with leading zeros or too many digits,
 * which are codes; numbers with a decimal comma or grouping separators are integer or decimal with a
 * {@link NumberLayout}; dates and date-times in a recognised layout; values unique per row are an identifier (numbers only
 * when the header says id or the values count up one by one); few distinct values are categorical; the rest is free
 * text.
 */
public final class SchemaInference {
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9]\\d{0,17})");
    /** Digits only, any length: codes such as "0001" or 20-digit account numbers are digits but not quantities. */
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Header names that say "identifier": id, customer_id, Customer Id, customerID, Index, uuid, ... */
    private static final Pattern ID_NAME =
            Pattern.compile("(?i)(^|.*[^a-z])(id|ids|uuid|guid|key|nr|no|number|index|idx)$|^id[_ -].*");
    private static final Pattern CAMEL_ID_NAME = Pattern.compile(".*[a-z0-9](Id|ID)$");
    private static final List<String[]> BOOLEAN_PAIRS = List.of(
            new String[] {"1", "0"},
            new String[] {"yes", "no"},
            new String[] {"true", "false"},
            new String[] {"y", "n"},
            new String[] {"t", "f"},
            new String[] {"ja", "nein"});
    /** How the note on a date column that mixes layouts begins ({@link CellSpellings} looks for it). */
    static final String MIXED_DATES = "dates in ";
    /** At most this many distinct labels for a categorical column. */
    public static final int MAX_CATEGORIES = 1000;

    private SchemaInference() {}

    /** Infers every column; {@code overrides} (from a profile) replace what inference would decide. */
    public static List<ColumnProfile> infer(RawTable table, Map<String, ColumnSpec> overrides) {
        List<ColumnProfile> result = new ArrayList<>(table.columnCount());
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.names().get(c);
            ColumnProfile inferred = inferColumn(name, table.column(c), table.missingMarkers().get(c),
                    table.dialect().delimiter());
            ColumnSpec override = overrides.get(name);
            if (override != null) {
                inferred = new ColumnProfile(override, inferred.rows(), inferred.missingCount(), inferred.distinct(),
                        List.of("set in the profile"));
            }
            result.add(inferred);
        }
        return result;
    }

    static ColumnProfile inferColumn(String name, String[] values, String missingMarker) {
        return inferColumn(name, values, missingMarker, ',');
    }

    /** @param delimiter the file's field separator (a semicolon file's "1,250" is a decimal comma) */
    static ColumnProfile inferColumn(String name, String[] values, String missingMarker, char delimiter) {
        int rows = values.length;
        int missing = 0;
        Set<String> distinct = new HashSet<>();
        for (String v : values) {
            if (v == null) {
                missing++;
            } else if (distinct.size() <= rows) {
                distinct.add(v);
            }
        }
        int present = rows - missing;
        List<String> notes = new ArrayList<>();
        ColumnSpec base = ColumnSpec.of(name, ColumnKind.EMPTY).withMissing(missingMarker);
        if (present == 0) {
            notes.add("every value is missing");
            return new ColumnProfile(base, rows, missing, 0, notes);
        }
        ColumnSpec spec = decide(base, values, distinct, present, notes, delimiter);
        if (present < 20 && spec.kind().modelled()) {
            notes.add("only " + present + (present == 1 ? " value" : " values") + ": little to learn from");
        }
        if (distinct.size() == 1 && spec.kind().modelled()) {
            notes.add("constant");
        }
        return new ColumnProfile(spec, rows, missing, distinct.size(), notes);
    }

    private static ColumnSpec decide(ColumnSpec base, String[] values, Set<String> distinct, int present,
            List<String> notes, char delimiter) {
        String name = base.name();
        Optional<String[]> bool = booleanPair(distinct);
        if (bool.isPresent()) {
            return new ColumnSpec(name, ColumnKind.BOOLEAN, 0, null, bool.get()[0], bool.get()[1], base.missing(), false);
        }
        boolean unique = distinct.size() == present && present > 1;
        if (allMatch(distinct, INTEGER)) {
            if (unique && (looksLikeIdName(name) || consecutive(distinct))) {
                notes.add("unique per row");
                return base.withKind(ColumnKind.IDENTIFIER);
            }
            return base.withKind(ColumnKind.INTEGER);
        }
        // digit strings that are not integers (zero padded, or too long for one) are codes: never a decimal
        if (!allMatch(distinct, DIGITS) && allMatch(distinct, DECIMAL) && !hasLeadingZeros(distinct)) {
            return base.withKind(ColumnKind.DECIMAL).withScale(scaleOf(distinct));
        }
        Optional<NumberLayout> numbers = NumberLayout.detect(distinct, delimiter);
        if (numbers.isPresent()) {
            Set<String> plain = new HashSet<>();
            for (String v : distinct) {
                plain.add(numbers.get().plain(v));
            }
            ColumnSpec spelled = base.withLayout(numbers.get().pattern());
            return allMatch(plain, INTEGER) ? spelled.withKind(ColumnKind.INTEGER)
                    : spelled.withKind(ColumnKind.DECIMAL).withScale(scaleOf(plain));
        }
        Optional<TemporalDetector.Detected> temporal = TemporalDetector.detect(distinct.toArray(new String[0]));
        if (temporal.isPresent()) {
            TemporalLayout layout = temporal.get().layout();
            if (temporal.get().ambiguous()) {
                notes.add("day/month order not clear from the data; assumed " + layout.pattern()
                        + " (set layout in the profile if wrong)");
            }
            ColumnKind kind = layout.dateTime() ? ColumnKind.DATETIME : ColumnKind.DATE;
            return new ColumnSpec(name, kind, 0, layout.pattern(), null, null, base.missing(), false);
        }
        Optional<TemporalDetector.Mixed> mixed = TemporalDetector.detectMixed(distinct.toArray(new String[0]));
        if (mixed.isPresent()) {
            TemporalLayout layout = mixed.get().majority();
            notes.add(MIXED_DATES + mixed.get().layouts().size() + " layouts ("
                    + String.join(", ", mixed.get().layouts().stream().map(TemporalLayout::pattern).toList())
                    + "): each read as written, all written as " + layout.pattern());
            ColumnKind kind = layout.dateTime() ? ColumnKind.DATETIME : ColumnKind.DATE;
            return new ColumnSpec(name, kind, 0, layout.pattern(), null, null, base.missing(), false);
        }
        if (unique && !looksLikeProse(distinct)) {
            notes.add("unique per row");
            return base.withKind(ColumnKind.IDENTIFIER);
        }
        int n = present;
        if (distinct.size() <= 20 || (distinct.size() <= MAX_CATEGORIES && distinct.size() <= n / 2)) {
            return base.withKind(ColumnKind.CATEGORICAL);
        }
        notes.add("too many distinct values for a category");
        return base.withKind(ColumnKind.TEXT);
    }

    static boolean looksLikeIdName(String name) {
        return ID_NAME.matcher(name).matches() || CAMEL_ID_NAME.matcher(name).matches();
    }

    private static Optional<String[]> booleanPair(Set<String> distinct) {
        if (distinct.isEmpty() || distinct.size() > 2) {
            return Optional.empty();
        }
        for (String[] pair : BOOLEAN_PAIRS) {
            String yes = null;
            String no = null;
            boolean fits = true;
            for (String v : distinct) {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.equals(pair[0])) {
                    yes = v;
                } else if (lower.equals(pair[1])) {
                    no = v;
                } else {
                    fits = false;
                }
            }
            if (!fits) {
                continue;
            }
            if (yes != null && no != null) {
                return Optional.of(new String[] {yes, no});
            }
            boolean digits = pair[0].equals("1");
            if (!digits && pair[0].length() > 1) { // one word seen: spell the other alike
                String seen = yes != null ? yes : no;
                String other = matchCase(seen, yes != null ? pair[1] : pair[0]);
                return Optional.of(yes != null ? new String[] {yes, other} : new String[] {other, no});
            }
        }
        return Optional.empty();
    }

    private static String matchCase(String model, String word) {
        if (model.equals(model.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(model.charAt(0))) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }

    private static boolean allMatch(Set<String> distinct, Pattern pattern) {
        for (String v : distinct) {
            if (!pattern.matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLeadingZeros(Set<String> distinct) {
        for (String v : distinct) {
            String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
            if (digits.length() > 1 && digits.charAt(0) == '0' && digits.charAt(1) != '.') {
                return true;
            }
        }
        return false;
    }

    private static int scaleOf(Set<String> distinct) {
        int scale = 0;
        for (String v : distinct) {
            if (v.indexOf('e') >= 0 || v.indexOf('E') >= 0) {
                return -1;
            }
            int dot = v.indexOf('.');
            if (dot >= 0) {
                scale = Math.max(scale, v.length() - dot - 1);
            }
        }
        return scale;
    }

    private static boolean consecutive(Set<String> distinct) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (String v : distinct) {
            long x = Long.parseLong(v);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max - min + 1 == distinct.size();
    }

    private static boolean looksLikeProse(Set<String> distinct) {
        long spaced = 0;
        long length = 0;
        for (String v : distinct) {
            if (v.indexOf(' ') >= 0) {
                spaced++;
            }
            length += v.length();
        }
        return spaced * 2 > distinct.size() && length / Math.max(1, distinct.size()) > 30;
    }
}
