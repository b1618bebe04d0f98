package dev.doppel.mask.generalise;

import dev.doppel.error.InputException;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "generalise" level a profile sets for a column, turned into the {@link Hierarchy} whose level 0 is that level.
 * Spellings (case and surrounding spaces ignored):
 *
 * <ul>
 *   <li>integer: a band width, "10" (37 → "30-39");
 *   <li>decimal: a range width, "1000" or "0.5" (1234.5 → "[1000, 2000)");
 *   <li>date and date-time: "day", "month", "year" or "decade" (date-times also "day");
 *   <li>any kind but dates: "prefix 2" (postcode "10115" → "10***"); for text, categorical and identifier columns a
 *       bare number means a prefix too ("2"), while for numbers it is a width;
 *   <li>categorical, text, identifier, boolean, empty: "rare" (values in fewer than k rows → missing).
 * </ul>
 *
 * A spec that does not fit gives an {@link InputException} naming the column and what was expected, never the spec's
 * or any cell's text.
 */
public final class Generalisation {
    private static final Pattern PREFIX = Pattern.compile("prefix\\s+(\\d{1,4})");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,30})?|\\.\\d{1,30}");

    private Generalisation() {}

    /**
     * The hierarchy for a column's generalise level.
     *
     * @param spec the level as written in the profile
     * @param column the column it applies to (kind, and layout for dates)
     * @throws InputException when the spec does not fit the column's kind
     */
    public static Hierarchy parse(String spec, ColumnSpec column) {
        String text = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        ColumnKind kind = column.kind();
        Matcher prefix = PREFIX.matcher(text);
        if (prefix.matches() && kind != ColumnKind.DATE && kind != ColumnKind.DATETIME) {
            return Prefix.of(positive(prefix.group(1), column, "a prefix length of at least 1"));
        }
        switch (kind) {
            case INTEGER:
                if (WHOLE.matcher(text).matches()) {
                    return IntegerBands.of(positive(text, column, "a band width of at least 1"));
                }
                throw bad(column, "a band width such as 10, or 'prefix 2'");
            case DECIMAL:
                if (DECIMAL.matcher(text).matches() && new BigDecimal(text).signum() > 0) {
                    return DecimalRanges.of(new BigDecimal(text));
                }
                throw bad(column, "a range width above 0 such as 1000 or 0.5, or 'prefix 2'");
            case DATE:
            case DATETIME:
                return dates(text, column);
            default:
                if (text.equals("rare")) {
                    return Categorical.of().from(1);
                }
                if (WHOLE.matcher(text).matches()) {
                    return Prefix.of(positive(text, column, "a prefix length of at least 1"));
                }
                throw bad(column, "'rare', 'prefix 2' or a prefix length such as 2");
        }
    }

    private static Hierarchy dates(String text, ColumnSpec column) {
        TemporalLayout layout;
        try {
            layout = TemporalLayout.of(column.layout(), column.kind() == ColumnKind.DATETIME);
        } catch (IllegalArgumentException e) {
            throw new InputException("column '" + column.name() + "': its layout is not a valid date pattern");
        }
        Dates dates = Dates.of(layout);
        int level = dates.levelOf(text);
        if (level < 0) {
            throw bad(column, column.kind() == ColumnKind.DATETIME
                    ? "'day', 'month', 'year' or 'decade'"
                    : "'month', 'year' or 'decade'");
        }
        return dates.from(level);
    }

    private static int positive(String digits, ColumnSpec column, String expected) {
        long n = Long.parseLong(digits); // the patterns allow at most 18 digits
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw bad(column, expected);
        }
        return (int) n;
    }

    private static InputException bad(ColumnSpec column, String expected) {
        return new InputException("column '" + column.name() + "' (" + column.kind().key()
                + "): generalise level not understood; expected " + expected);
    }
}
