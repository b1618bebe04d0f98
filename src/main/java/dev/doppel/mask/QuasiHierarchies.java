package dev.doppel.mask;

import dev.doppel.mask.generalise.Categorical;
import dev.doppel.mask.generalise.Dates;
import dev.doppel.mask.generalise.Hierarchy;
import dev.doppel.mask.generalise.IntegerBands;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;

/**
 * The hierarchy k-anonymity may coarsen a quasi-identifier along when the profile keeps it as it is: level 0 is the
 * value itself, then ever coarser forms, then suppression.
 */
final class QuasiHierarchies {
    private QuasiHierarchies() {}

    static Hierarchy forKept(ColumnSpec spec) {
        return switch (spec.kind()) {
            case INTEGER -> new IntegerBands(1, 8); // 37, then bands of 2, 4, 8, 16, 32, 64, 128 years
            case DATE, DATETIME -> Dates.of(TemporalLayout.of(spec.layout(), spec.kind() == dev.doppel.schema.ColumnKind.DATETIME));
            default -> Categorical.of(); // the value, rare values suppressed, all suppressed
        };
    }
}
