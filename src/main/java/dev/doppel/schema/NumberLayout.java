package dev.doppel.schema;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a numeric column spells its numbers when that is not the plain form {@code 1234.5}: a decimal comma
 * ({@code 1234,5}, as in German, French or Dutch exports, usually beside a semicolon separator), optionally with
 * grouping dots ({@code 1.234,5}); grouping commas with a decimal point ({@code 1,234.5}); and a unit written around
 * the number, such as a currency or a percent sign ({@code $1,234.50}, {@code 12.5%}, {@code 1.234,50 €}). Kept in a
 * column spec's {@code layout} as a pattern in the style of {@link java.text.DecimalFormat}: the prefix, one of the
 * cores {@code 0.0}, {@code 0,0}, {@code #.##0,0} or {@code #,##0.0}, and the suffix ({@code $#,##0.0},
 * {@code 0.0%}). Reading turns such cells into the plain form before anything else sees them ({@link #plain},
 * {@link CellSpellings}); writing
 * puts the decimal separator and the unit back, without grouping ({@code $1234.50}, {@code -12.5%}; a minus sign goes
 * before the prefix), which every reader of the layout accepts.
 *
 * @param decimal the decimal separator, {@code ','} or {@code '.'}
 * @param grouping the grouping separator ({@code '.'} with a decimal comma, {@code ','} with a decimal point), or 0
 * @param prefix what stands before the number ("" for nothing): a currency symbol, percent sign or currency code
 *     ({@link #affix})
 * @param suffix what stands after it, likewise
 */
public record NumberLayout(char decimal, char grouping, String prefix, String suffix) {
    /** Decimal comma, grouping dots allowed: 1.234.567,89 or 1234,5 or 12. */
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|0|[1-9]\\d*)(,\\d+)?");
    /** Decimal comma without grouping: 1234567,89. */
    private static final Pattern COMMA_ONLY = Pattern.compile("[+-]?(0|[1-9]\\d*)(,\\d+)?");
    /** Grouping commas, decimal point: 1,234,567.89. */
    private static final Pattern COMMA_GROUPED = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|0|[1-9]\\d*)(\\.\\d+)?");
    /** Plain: 1234567.89 (only with a prefix or suffix; alone it needs no layout). */
    private static final Pattern PLAIN = Pattern.compile("[+-]?(0|[1-9]\\d*)(\\.\\d+)?");
    /** The longest prefix or suffix (" EUR", "CHF ", " %"). */
    private static final int MAX_AFFIX = 4;

    public NumberLayout {
        if (!(decimal == ',' && (grouping == 0 || grouping == '.') || decimal == '.' && (grouping == 0 || grouping == ','))) {
            throw new IllegalArgumentException("a number layout has a decimal comma (grouping dots or none) or a"
                    + " decimal point (grouping commas or none)");
        }
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        if (!affix(prefix) || !affix(suffix)) {
            throw new IllegalArgumentException("a number layout's prefix and suffix are units: a currency symbol,"
                    + " % or a three-letter currency code set off by a space");
        }
        if (decimal == '.' && grouping == 0 && prefix.isEmpty() && suffix.isEmpty()) {
            throw new IllegalArgumentException("plain numbers need no layout");
        }
    }

    /** A layout without a unit. */
    public NumberLayout(char decimal, char grouping) {
        this(decimal, grouping, "", "");
    }

    /**
     * Whether a prefix or suffix is a unit: empty, a currency symbol, a percent or per-mille sign, or a three-letter
     * currency code set off by a space ("EUR ", " CHF"), with at most one space beside a symbol ("$ ", " %"). Letters
     * touching the number are not a unit: "Q1" or "CUST1001" are labels and ids, never numbers.
     */
    private static boolean affix(String s) {
        if (s.isEmpty()) {
            return true;
        }
        String t = s.strip();
        if (t.isEmpty() || s.length() > MAX_AFFIX || s.length() > t.length() + 1) {
            return false;
        }
        if (t.length() == 1) {
            char ch = t.charAt(0);
            return Character.getType(ch) == Character.CURRENCY_SYMBOL || ch == '%' || ch == '\u2030';
        }
        return t.length() == 3 && t.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z') && s.length() == 4;
    }

    /**
     * The layout of a column whose values are all numbers in one of the spellings above and not all plain: at least
     * one value has a decimal comma or a grouping separator, or every value carries the same prefix or suffix. A
     * comma followed by exactly three digits in every value (1,234 or 12,500) is read as grouping, unless the file
     * is separated by semicolons, where it is a decimal comma.
     *
     * @param distinct the column's distinct present values
     * @param delimiter the file's field separator
     */
    public static Optional<NumberLayout> detect(Set<String> distinct, char delimiter) {
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        String any = distinct.iterator().next();
        String prefix = leadingAffix(unsigned(any));
        String suffix = trailingAffix(any);
        if (!affix(prefix) || !affix(suffix)) {
            return Optional.empty();
        }
        boolean commaDecimal = true;
        boolean commaGrouped = true;
        boolean plain = true;
        boolean anyComma = false;
        boolean anyDot = false;
        boolean everyCommaGroups = true; // every last comma is followed by exactly three digits
        for (String value : distinct) {
            String v = core(value, prefix, suffix);
            if (v == null) {
                return Optional.empty();
            }
            commaDecimal &= COMMA_DECIMAL.matcher(v).matches();
            commaGrouped &= COMMA_GROUPED.matcher(v).matches();
            plain &= PLAIN.matcher(v).matches();
            if (!commaDecimal && !commaGrouped && !plain) {
                return Optional.empty();
            }
            int comma = v.lastIndexOf(',');
            anyComma |= comma >= 0;
            anyDot |= v.indexOf('.') >= 0;
            if (comma >= 0) {
                everyCommaGroups &= v.length() - comma - 1 == 3;
            }
        }
        boolean unit = !prefix.isEmpty() || !suffix.isEmpty();
        if (!anyComma) {
            // plain numbers, or dots alone (which read as decimal points): a layout only for their unit
            return unit && plain ? Optional.of(new NumberLayout('.', (char) 0, prefix, suffix)) : Optional.empty();
        }
        if (commaDecimal && commaGrouped) { // only commas with three digits after them, no dot anywhere
            return Optional.of(delimiter == ';' || !everyCommaGroups
                    ? new NumberLayout(',', (char) 0, prefix, suffix) : new NumberLayout('.', ',', prefix, suffix));
        }
        if (commaDecimal) {
            return Optional.of(new NumberLayout(',', anyDot ? '.' : (char) 0, prefix, suffix));
        }
        return commaGrouped ? Optional.of(new NumberLayout('.', ',', prefix, suffix)) : Optional.empty();
    }

    private static String unsigned(String v) {
        return !v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+') ? v.substring(1) : v;
    }

    /** The characters before the first digit or sign. */
    private static String leadingAffix(String v) {
        int i = 0;
        while (i < v.length() && !Character.isDigit(v.charAt(i)) && v.charAt(i) != '-' && v.charAt(i) != '+') {
            i++;
        }
        return v.substring(0, i);
    }

    /** The characters after the last digit. */
    private static String trailingAffix(String v) {
        int i = v.length();
        while (i > 0 && !Character.isDigit(v.charAt(i - 1))) {
            i--;
        }
        return v.substring(i);
    }

    /**
     * The number inside a cell spelled with this prefix and suffix, its sign in front ("-$5.00" and "$-5.00" both
     * give "-5.00"); null when the cell does not carry them.
     */
    private static String core(String v, String prefix, String suffix) {
        String sign = "";
        String rest = v;
        if (!prefix.isEmpty() && (rest.startsWith("-") || rest.startsWith("+"))) {
            sign = rest.substring(0, 1);
            rest = rest.substring(1);
        }
        if (!rest.startsWith(prefix) || !rest.endsWith(suffix) || rest.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        return sign + rest.substring(prefix.length(), rest.length() - suffix.length());
    }

    /** The layout a pattern names ({@link #pattern}), or empty when it is not one (a date layout, say). */
    public static Optional<NumberLayout> parse(String pattern) {
        if (pattern == null) {
            return Optional.empty();
        }
        for (String core : List.of("#.##0,0", "#,##0.0", "0,0", "0.0")) {
            int at = pattern.indexOf(core);
            if (at < 0) {
                continue;
            }
            String prefix = pattern.substring(0, at);
            String suffix = pattern.substring(at + core.length());
            char decimal = core.charAt(core.length() - 2);
            char grouping = core.length() > 3 ? core.charAt(1) : 0;
            try {
                return Optional.of(new NumberLayout(decimal, grouping, prefix, suffix));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The layout's pattern: prefix, core ({@code 0.0}, {@code 0,0}, {@code #.##0,0} or {@code #,##0.0}), suffix. */
    public String pattern() {
        String core = grouping == 0 ? "0" + decimal + "0" : "#" + grouping + "##0" + decimal + "0";
        return prefix + core + suffix;
    }

    /**
     * The cell in plain form ({@code 1.234,5} → {@code 1234.5}, {@code -$5.00} → {@code -5.00}); a cell not spelled
     * in this layout is returned as it is, so that reading it as a number then fails where it would have failed
     * anyway (and the error names the line).
     */
    public String plain(String cell) {
        if (cell == null) {
            return null;
        }
        String v = core(cell, prefix, suffix);
        Pattern spelling = decimal == '.' ? (grouping == 0 ? PLAIN : COMMA_GROUPED)
                : grouping == 0 ? COMMA_ONLY : COMMA_DECIMAL;
        if (v == null || !spelling.matcher(v).matches()) {
            return cell;
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == decimal) {
                b.append('.');
            } else if (ch != grouping) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * A plain number ({@code -1234.5}) spelled in this layout, without grouping: the decimal separator and the unit
     * put back, a minus sign before the prefix ({@code -$1234.50}).
     */
    public String spell(String plainNumber) {
        boolean negative = plainNumber.startsWith("-");
        String digits = negative ? plainNumber.substring(1) : plainNumber;
        return (negative ? "-" : "") + prefix + (decimal == '.' ? digits : digits.replace('.', decimal)) + suffix;
    }

    /** True when writing a number takes more than putting its decimal separator: a prefix or a suffix. */
    public boolean hasUnit() {
        return !prefix.isEmpty() || !suffix.isEmpty();
    }

    /** The number layout of a numeric column's spec, if it has one. */
    public static Optional<NumberLayout> of(ColumnSpec spec) {
        return spec.kind() == ColumnKind.INTEGER || spec.kind() == ColumnKind.DECIMAL ? parse(spec.layout())
                : Optional.empty();
    }

    /** The pattern, e.g. {@code #.##0,0}. */
    @Override
    public String toString() {
        return pattern();
    }
}
