package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/** A categorical or boolean column: missing share plus label shares among present values. */
public record CategoricalColumn(ColumnSpec spec, double missingShare, CategoricalMarginal marginal)
        implements ColumnModel {
    @Override
    public List<String> dimensions() {
        List<String> dims = new ArrayList<>(2);
        if (missingShare > 0 && missingShare < 1) {
            dims.add(missingDimension());
        }
        if (marginal.labels().size() > 1) {
            dims.add(name());
        }
        return dims;
    }
}
