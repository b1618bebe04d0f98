package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/** A column that was missing in every row: written as missing. */
public record EmptyColumn(ColumnSpec spec) implements ColumnModel {
    @Override
    public double missingShare() {
        return 1.0;
    }
}
