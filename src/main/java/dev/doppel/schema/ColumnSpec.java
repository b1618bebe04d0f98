package dev.doppel.schema;

import java.util.Objects;

/**
 * Everything Doppel needs to know about one column to model it and write it back: what it is and how its values are
 * spelled. Holds formats, never values (the boolean spellings are the two labels of a two-valued column).
 *
 * @param name the column's header name
 * @param kind what it holds
 * @param scale digits after the decimal point for decimals (-1: shortest exact form); 0 otherwise
 * @param layout the date or date-time layout (java.time pattern such as {@code dd-MM-yyyy}); for an integer or decimal
 *     spelled with a decimal comma or grouping separators, its {@link NumberLayout} pattern ({@code 0,0}); null
 *     otherwise
 * @param trueValue the spelling of "true" for booleans; null otherwise
 * @param falseValue the spelling of "false" for booleans; null otherwise
 * @param missing the marker written for a missing value ("" for an empty cell)
 * @param skip true to leave the column out of the model and the output
 */
public record ColumnSpec(
        String name,
        ColumnKind kind,
        int scale,
        String layout,
        String trueValue,
        String falseValue,
        String missing,
        boolean skip) {

    /** The largest decimal scale Doppel writes. */
    public static final int MAX_SCALE = 15;

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        missing = missing == null ? "" : missing;
        if ((kind == ColumnKind.DATE || kind == ColumnKind.DATETIME) && layout == null) {
            throw new IllegalArgumentException("column '" + name + "': a " + kind.key() + " needs a layout");
        }
        if (kind == ColumnKind.BOOLEAN && (trueValue == null || falseValue == null)) {
            throw new IllegalArgumentException("column '" + name + "': a boolean needs its true and false spellings");
        }
    }

    public static ColumnSpec of(String name, ColumnKind kind) {
        return new ColumnSpec(name, kind, 0, null, null, null, "", false);
    }

    public ColumnSpec withKind(ColumnKind newKind) {
        return new ColumnSpec(name, newKind, scale, layout, trueValue, falseValue, missing, skip);
    }

    public ColumnSpec withScale(int newScale) {
        return new ColumnSpec(name, kind, newScale, layout, trueValue, falseValue, missing, skip);
    }

    public ColumnSpec withLayout(String newLayout) {
        return new ColumnSpec(name, kind, scale, newLayout, trueValue, falseValue, missing, skip);
    }

    public ColumnSpec withBooleans(String newTrue, String newFalse) {
        return new ColumnSpec(name, kind, scale, layout, newTrue, newFalse, missing, skip);
    }

    public ColumnSpec withMissing(String newMissing) {
        return new ColumnSpec(name, kind, scale, layout, trueValue, falseValue, newMissing, skip);
    }

    public ColumnSpec withSkip(boolean newSkip) {
        return new ColumnSpec(name, kind, scale, layout, trueValue, falseValue, missing, newSkip);
    }

    /** A short description for tables: kind plus format, e.g. "decimal(2)" or "date dd-MM-yyyy". */
    public String describe() {
        return switch (kind) {
            case DECIMAL -> (scale < 0 ? "decimal" : "decimal(" + scale + ")") + (layout == null ? "" : " " + layout);
            case INTEGER -> layout == null ? "integer" : "integer " + layout;
            case DATE, DATETIME -> kind.key() + " " + layout;
            case BOOLEAN -> "boolean " + falseValue + "/" + trueValue;
            default -> kind.key();
        };
    }
}
