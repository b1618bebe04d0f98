package dev.doppel.mask;

import dev.doppel.mask.generalise.KAnonymity;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of rows shows pass 1 of {@link MaskingStage}: made from the batch alone on a worker thread by
 * {@link MaskingStage#observe(String[][])}, then folded into the stage by {@link MaskingStage#merge} on one thread, in
 * batch order. Batches are fixed runs of rows, so the merged result is the same for any number of workers.
 *
 * <p>Holds real values (counts, distinct names) and hashes of real values until it is merged; never written, and
 * {@link #toString()} shows only the row count.
 */
public final class BatchObservation {
    final int rows;
    /** Per faked column: the {@link dev.doppel.mask.fake.RealValueFilter#hashOf hashes} of its values, then count. */
    final long[][] realHashes;
    final int[] realCount;
    /** Per column with rare values to suppress: value counts, in the order values were first met. */
    final Map<String, long[]>[] valueCounts;
    /** Per vocabulary-pseudonymised column: distinct values, in the order first met. */
    final Set<String>[] distinct;
    /** Per fresh-range column: true while every value so far is a short whole number. */
    final boolean[] freshRange;
    /** Per fresh-range column: the longest value while {@link #freshRange} held. */
    final int[] longestDigits;
    /** SHA-256 of the batch's pseudonymised values (when a key is derived from the input), else null. */
    final byte[] inputDigest;
    /** The batch's quasi-identifier tuples, or null without quasi-identifiers. */
    final KAnonymity tuples;

    BatchObservation(int rows, long[][] realHashes, int[] realCount, Map<String, long[]>[] valueCounts,
            Set<String>[] distinct, boolean[] freshRange, int[] longestDigits, byte[] inputDigest, KAnonymity tuples) {
        this.rows = rows;
        this.realHashes = realHashes;
        this.realCount = realCount;
        this.valueCounts = valueCounts;
        this.distinct = distinct;
        this.freshRange = freshRange;
        this.longestDigits = longestDigits;
        this.inputDigest = inputDigest;
        this.tuples = tuples;
    }

    /** Rows in the batch. */
    public int rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "BatchObservation[" + rows + " rows]"; // never values
    }
}
