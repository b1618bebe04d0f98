package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.RowSampling;
import dev.doppel.model.Seeds;

/** Seeded sampling of rows without replacement; the stream comes from (seed, purpose), never from data values. */
final class Subsample {
    private Subsample() {}

    /**
     * {@code limit} distinct row positions out of {@code rows}, in increasing order, by a partial Fisher-Yates shuffle
     * seeded from (seed, purpose); all positions when {@code rows <= limit}.
     */
    static int[] positions(int rows, int limit, long seed, String purpose) {
        return RowSampling.positions(rows, limit, Seeds.derive(seed, "utility", purpose));
    }

    /** The table itself when it has at most {@code limit} rows, else a seeded sample of {@code limit} of them. */
    static EncodedTable rows(EncodedTable table, int limit, long seed, String purpose) {
        return table.rows() <= limit ? table : table.select(positions(table.rows(), limit, seed, purpose));
    }
}
