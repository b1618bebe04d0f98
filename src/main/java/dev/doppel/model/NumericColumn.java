package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/** An integer, decimal, date or date-time column: missing share plus a quantile marginal of the present values. */
public record NumericColumn(ColumnSpec spec, double missingShare, QuantileMarginal marginal) implements ColumnModel {
    @Override
    public boolean inCopula() {
        return true;
    }
}
