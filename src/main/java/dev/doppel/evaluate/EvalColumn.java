package dev.doppel.evaluate;

import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
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
 */
public record EvalColumn(String name, ColumnKind kind, PrivacyRole role, TemporalLayout layout) {

    /** The evaluated column for a spec, or null when the kind is not evaluated (identifier, text, empty, skipped). */
    public static EvalColumn of(ColumnSpec spec, PrivacyRole role) {
        if (spec.skip() || !spec.kind().modelled() || role == PrivacyRole.DIRECT_IDENTIFIER) {
            return null;
        }
        TemporalLayout layout = spec.layout() == null ? null
                : TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
        return new EvalColumn(spec.name(), spec.kind(), role == null ? PrivacyRole.OTHER : role, layout);
    }

    /** True for numbers and dates (compared by KS, Pearson, binned for contingency tables). */
    public boolean numeric() {
        return kind.numeric();
    }

    /** The cell as a number, NaN when missing or not a number in this column's spelling. */
    double parse(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        try {
            return layout != null ? layout.toNumber(cell) : Double.parseDouble(cell);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
