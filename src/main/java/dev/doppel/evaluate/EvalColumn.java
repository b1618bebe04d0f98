package dev.doppel.evaluate;

import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.NumberLayout;
import dev.doppel.schema.TemporalLayout;

/**
 * One column the evaluation compares: a number on a line (integers, decimals, dates and date-times as epoch numbers)
 * or a label (categories, booleans). Identifiers, free text and empty columns are never evaluated: they carry no
 * distribution worth comparing, and their values must not reach a report.
 *
 * @param name the header name, as in the real table
 * @param kind what the real table holds
 * @param role the privacy role detection or the profile gave it (quasi-identifiers feed the k-anonymity check and
 *     the attacks' known columns)
 * @param layout how dates are spelled, for parsing; null for non-temporal columns
 * @param trueValue a boolean's spelling of true in the real table (null for other kinds)
 * @param falseValue its spelling of false
 */
public record EvalColumn(
        String name, ColumnKind kind, PrivacyRole role, TemporalLayout layout, NumberLayout numbers, String trueValue,
        String falseValue) {
    /** How Parquet files hold date-times, read back as text ({@code 2024-03-01 12:30:00.000000}). */
    private static final java.time.format.DateTimeFormatter PARQUET_DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", java.util.Locale.ROOT);

    /** The evaluated column for a spec, or null when the kind is not evaluated (identifier, text, empty, skipped). */
    public static EvalColumn of(ColumnSpec spec, PrivacyRole role) {
        if (spec.skip() || !spec.kind().modelled() || role == PrivacyRole.DIRECT_IDENTIFIER) {
            return null;
        }
        boolean temporal = spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME;
        TemporalLayout layout = !temporal || spec.layout() == null ? null
                : TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
        return new EvalColumn(spec.name(), spec.kind(), role == null ? PrivacyRole.OTHER : role, layout,
                NumberLayout.of(spec).orElse(null), spec.trueValue(), spec.falseValue());
    }

    /** True for numbers and dates (compared by KS, Pearson, binned for contingency tables). */
    public boolean numeric() {
        return kind.numeric();
    }

    /**
     * The cell as a number, NaN when missing or not a number in this column's spelling. Dates in another layout than
     * the real table's are read in ISO form too, the way a Parquet file holds them, so a CSV and a Parquet copy of one
     * table encode alike.
     */
    double parse(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        try {
            if (layout == null) {
                return numbers == null ? Double.parseDouble(cell) : plainOrSpelled(cell);
            }
            double x = layout.toNumber(cell);
            return Double.isNaN(x) ? iso(cell) : x;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * A number in plain form (a table read here, or Parquet) or in the column's layout (a CSV written by Doppel or
     * the real file): plain first, so a Parquet 1.5 stays 1.5 whatever the layout's grouping.
     */
    private double plainOrSpelled(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.parseDouble(numbers.plain(cell));
        }
    }

    private double iso(String cell) {
        try {
            if (kind == ColumnKind.DATE) {
                return java.time.LocalDate.parse(cell).toEpochDay();
            }
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(cell, PARQUET_DATE_TIME);
            return t.toEpochSecond(java.time.ZoneOffset.UTC) + t.getNano() / 1e9;
        } catch (java.time.DateTimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The label as the real table spells it: a boolean read as {@code true}/{@code false} (Parquet) becomes the real
     * spelling ({@code Yes}/{@code No}, {@code 1}/{@code 0}); other labels stay as they are.
     */
    String label(String cell) {
        if (kind == ColumnKind.BOOLEAN && trueValue != null && !cell.equals(trueValue) && !cell.equals(falseValue)) {
            if (cell.equalsIgnoreCase("true")) {
                return trueValue;
            }
            if (cell.equalsIgnoreCase("false")) {
                return falseValue;
            }
        }
        return cell;
    }
}
