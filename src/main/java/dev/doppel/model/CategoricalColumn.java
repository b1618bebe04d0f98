package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/** A categorical or boolean column: missing share plus label shares. */
public record CategoricalColumn(ColumnSpec spec, double missingShare, CategoricalMarginal marginal)
        implements ColumnModel {
    @Override
    public boolean inCopula() {
        return true;
    }
}
