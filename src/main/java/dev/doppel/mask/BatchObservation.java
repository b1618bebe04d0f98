package dev.doppel.mask;

/**
 * What one batch of rows shows pass 1 of {@link MaskingStage} that is folded in on one thread, in batch order: made
 * from the batch alone on a worker thread by {@link MaskingStage#observe(String[][])} (which folds the rest into the
 * stage itself), then folded into the stage by {@link MaskingStage#merge}. Batches are fixed runs of rows, so the
 * merged result is the same for any number of workers.
 *
 * <p>Holds hashes and a digest of real values, and lengths, never values; {@link #toString()} shows only the row
 * count.
 */
public final class BatchObservation {
    final int rows;
    /** Per faked column: the {@link dev.doppel.mask.fake.RealValueFilter#hashOf hashes} of its values, then count. */
    final long[][] realHashes;
    final int[] realCount;
    /** Per fresh-range column: true while every value so far is a short whole number. */
    final boolean[] freshRange;
    /** Per fresh-range column: the longest value while {@link #freshRange} held. */
    final int[] longestDigits;
    /** SHA-256 of the batch's pseudonymised values (when a key is derived from the input), else null. */
    final byte[] inputDigest;

    BatchObservation(int rows, long[][] realHashes, int[] realCount, boolean[] freshRange, int[] longestDigits,
            byte[] inputDigest) {
        this.rows = rows;
        this.realHashes = realHashes;
        this.realCount = realCount;
        this.freshRange = freshRange;
        this.longestDigits = longestDigits;
        this.inputDigest = inputDigest;
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
