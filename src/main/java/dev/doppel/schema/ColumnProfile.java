package dev.doppel.schema;

import java.util.List;

/**
 * What inference found about one column: its spec plus counts for people to check it by.
 *
 * @param spec the inferred kind and format
 * @param rows the number of rows read
 * @param missingCount cells that held a missing marker
 * @param distinct distinct non-missing values
 * @param notes warnings and explanations, never values
 */
public record ColumnProfile(ColumnSpec spec, int rows, int missingCount, int distinct, List<String> notes) {
    public ColumnProfile {
        notes = List.copyOf(notes);
    }

    public double missingShare() {
        return rows == 0 ? 0 : (double) missingCount / rows;
    }
}
