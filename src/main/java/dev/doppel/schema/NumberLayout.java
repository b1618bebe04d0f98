package dev.doppel.schema;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a numeric column spells its numbers when that is not the plain form {@code 1234.5}: a decimal comma
 * ({@code 1234,5}, as in German, French or Dutch exports, usually beside a semicolon separator), optionally with
 * grouping dots ({@code 1.234,5}), or grouping commas with a decimal point ({@code 1,234.5}). Kept in a column spec's
 * {@code layout} as a pattern in the style of {@link java.text.DecimalFormat}: {@code 0,0}, {@code #.##0,0} or
 * {@code #,##0.0}. Reading turns such cells into the plain form before anything else sees them
 * ({@link #plain}); writing puts the decimal separator back, without grouping ({@code 1234,5}), which every reader of
 * the layout accepts.
 *
 * @param decimal the decimal separator, {@code ','} or {@code '.'}
 * @param grouping the grouping separator ({@code '.'} or {@code ','}), or 0 for none
 */
public record NumberLayout(char decimal, char grouping) {
    /** Decimal comma, grouping dots allowed: 1.234.567,89 or 1234,5 or 12. */
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|0|[1-9]\\d*)(,\\d+)?");
    /** Decimal comma without grouping: 1234567,89. */
    private static final Pattern COMMA_ONLY = Pattern.compile("[+-]?(0|[1-9]\\d*)(,\\d+)?");
    /** Grouping commas, decimal point: 1,234,567.89. */
    private static final Pattern COMMA_GROUPED = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|0|[1-9]\\d*)(\\.\\d+)?");

    public NumberLayout {
        if (!(decimal == ',' && (grouping == 0 || grouping == '.') || decimal == '.' && grouping == ',')) {
            throw new IllegalArgumentException("a number layout has a decimal comma (grouping dots or none) or"
                    + " grouping commas with a decimal point");
        }
    }

    /**
     * The layout of a column whose values are all numbers in one of the layouts above and not all plain: at least
     * one value has a decimal comma or a grouping separator. A comma followed by exactly three digits in every value
     * (1,234 or 12,500) is read as grouping, unless the file is separated by semicolons, where it is a decimal comma.
     *
     * @param distinct the column's distinct present values
     * @param delimiter the file's field separator
     */
    public static Optional<NumberLayout> detect(Set<String> distinct, char delimiter) {
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        boolean commaDecimal = true;
        boolean commaGrouped = true;
        boolean anyComma = false;
        boolean anyDot = false;
        boolean everyCommaGroups = true; // every comma is followed by exactly three digits and ends a group
        for (String v : distinct) {
            commaDecimal &= COMMA_DECIMAL.matcher(v).matches();
            commaGrouped &= COMMA_GROUPED.matcher(v).matches();
            if (!commaDecimal && !commaGrouped) {
                return Optional.empty();
            }
            int comma = v.indexOf(',');
            anyComma |= comma >= 0;
            anyDot |= v.indexOf('.') >= 0;
            if (comma >= 0) {
                int last = v.lastIndexOf(',');
                everyCommaGroups &= v.length() - last - 1 == 3;
            }
        }
        if (!anyComma) {
            return Optional.empty(); // plain numbers (or grouping dots alone, which read as decimals): not ours
        }
        if (commaDecimal && commaGrouped) { // only commas with three digits after them, no dot anywhere
            return Optional.of(delimiter == ';' || !everyCommaGroups
                    ? new NumberLayout(',', (char) 0) : new NumberLayout('.', ','));
        }
        if (commaDecimal) {
            return Optional.of(new NumberLayout(',', anyDot ? '.' : (char) 0));
        }
        return Optional.of(new NumberLayout('.', ','));
    }

    /** The layout a pattern names ({@link #pattern}), or empty when it is not one (a date layout, say). */
    public static Optional<NumberLayout> parse(String pattern) {
        return switch (pattern == null ? "" : pattern) {
            case "0,0" -> Optional.of(new NumberLayout(',', (char) 0));
            case "#.##0,0" -> Optional.of(new NumberLayout(',', '.'));
            case "#,##0.0" -> Optional.of(new NumberLayout('.', ','));
            default -> Optional.empty();
        };
    }

    /** The layout's pattern: {@code 0,0}, {@code #.##0,0} or {@code #,##0.0}. */
    public String pattern() {
        return grouping == 0 ? "0" + decimal + "0" : "#" + grouping + "##0" + decimal + "0";
    }

    /**
     * The cell in plain form ({@code 1.234,5} → {@code 1234.5}); a cell not spelled in this layout is returned as it
     * is, so that reading it as a number then fails where it would have failed anyway (and the error names the line).
     */
    public String plain(String cell) {
        Pattern spelling = decimal == '.' ? COMMA_GROUPED : grouping == 0 ? COMMA_ONLY : COMMA_DECIMAL;
        if (cell == null || !spelling.matcher(cell).matches()) {
            return cell;
        }
        StringBuilder b = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == decimal) {
                b.append('.');
            } else if (ch != grouping) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * The table with every column that has a number layout in {@code specs} spelled plainly ({@link #plain}): what
     * fitting, masking and evaluation read, so that none of them needs to know the layout. The table itself when no
     * column has one.
     */
    public static RawTable plain(RawTable table, List<ColumnSpec> specs) {
        List<String[]> columns = null;
        for (int c = 0; c < specs.size(); c++) {
            Optional<NumberLayout> layout = of(specs.get(c));
            if (layout.isEmpty()) {
                continue;
            }
            if (columns == null) {
                columns = new ArrayList<>(table.columns());
            }
            String[] cells = table.column(c);
            String[] out = new String[cells.length];
            for (int r = 0; r < cells.length; r++) {
                out[r] = layout.get().plain(cells[r]);
            }
            columns.set(c, out);
        }
        return columns == null ? table : table.withColumns(columns);
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
