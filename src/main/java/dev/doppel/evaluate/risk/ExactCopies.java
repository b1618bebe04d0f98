package dev.doppel.evaluate.risk;

/**
 * A hash index over rows laid out by a {@link GowerSpace} that answers whether a query row lies at Gower distance 0
 * from some indexed row: an exact copy. A nearest-neighbour search answers the same question, but needs an index built
 * with about n log n distances; here building is one hash per row and a query one hash and, on a hash match, one
 * distance to confirm it.
 *
 * <p>Two rows at distance 0 agree on every label code and on every scaled number (both missing counts as agreeing;
 * {@code 0.0} and {@code -0.0} are one number), so they hash alike; every hash match is then confirmed with
 * {@link GowerSpace#distance}, so the answer is exactly "the nearest indexed row is at distance 0". Holds cell values
 * only in memory; immutable and thread-safe once built.
 */
final class ExactCopies {
    private final GowerSpace space;
    private final GowerRows rows;
    private final long[] hashes;
    /** Open addressing: row number + 1 of each slot's row, 0 for an empty slot. */
    private final int[] slots;
    private final int mask;

    private ExactCopies(GowerSpace space, GowerRows rows, long[] hashes, int[] slots) {
        this.space = space;
        this.rows = rows;
        this.hashes = hashes;
        this.slots = slots;
        this.mask = slots.length - 1;
    }

    /** Indexes every row of {@code indexed}. */
    static ExactCopies over(GowerSpace space, GowerRows indexed) {
        int n = indexed.rows;
        int capacity = Integer.highestOneBit(Math.max(4, 2 * n - 1)) << 1; // load at most a half
        int[] slots = new int[capacity];
        long[] hashes = new long[n];
        for (int r = 0; r < n; r++) {
            long h = hash(indexed, r);
            hashes[r] = h;
            int s = (int) h & (capacity - 1);
            while (slots[s] != 0) {
                s = (s + 1) & (capacity - 1);
            }
            slots[s] = r + 1;
        }
        return new ExactCopies(space, indexed, hashes, slots);
    }

    /** True when row {@code i} of {@code queries} (laid out by the same space) is at distance 0 from an indexed row. */
    boolean copied(GowerRows queries, int i) {
        long h = hash(queries, i);
        for (int s = (int) h & mask; slots[s] != 0; s = (s + 1) & mask) {
            int r = slots[s] - 1;
            if (hashes[r] == h && space.distance(queries, i, rows, r) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The share of query rows that copy an indexed row (NaN for no query): what {@link DistanceStats#zeroShare} gives
     * for the queries' nearest distances to the indexed rows.
     */
    double share(GowerRows queries) {
        if (queries.rows == 0) {
            return Double.NaN;
        }
        int copies = 0;
        for (int i = 0; i < queries.rows; i++) {
            copies += copied(queries, i) ? 1 : 0;
        }
        return (double) copies / queries.rows;
    }

    /** A hash of the row's codes and scaled numbers, equal for any two rows at distance 0. */
    private static long hash(GowerRows t, int i) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0, o = i * t.labels; k < t.labels; k++) {
            h = mix(h + t.codes[o + k]);
        }
        for (int k = 0, o = i * t.numberCount; k < t.numberCount; k++) {
            double x = t.numbers[o + k];
            // rows at distance 0 hold equal numbers or both NaN: one bit pattern for NaN, and -0.0 as 0.0
            long bits = Double.isNaN(x) ? 0x7ff8000000000000L : x == 0 ? 0L : Double.doubleToRawLongBits(x);
            h = mix(h + bits);
        }
        return mix(h);
    }

    /** A 64-bit finaliser (the murmur3 one): spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93e6a4bf353L;
        return z ^ (z >>> 33);
    }
}
