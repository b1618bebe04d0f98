package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/**
 * A column the model does not learn: it is computed after sampling from other columns by one of the model's
 * constraints (a formula's or a sum's target, or the later parts of an allowed combination), so it holds in every
 * synthetic row by construction. Takes no part in the copula.
 *
 * @param missingShare share of real rows where it was missing (for the summary; generation makes it missing exactly
 *     when an input is)
 */
public record DerivedColumn(ColumnSpec spec, double missingShare) implements ColumnModel {
    public DerivedColumn {
        if (!(missingShare >= 0 && missingShare <= 1)) {
            throw new IllegalArgumentException("column '" + spec.name() + "': missing share must be in [0, 1]");
        }
    }
}
