package dev.doppel.generate.condition;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Which group each output row belongs to when rows come in groups of exact sizes (a rebalanced mix): a function of
 * the row index alone, so every batch, on every thread, computes its rows' groups without knowing the others, and the
 * output is the same whatever the thread count.
 *
 * <p>The groups are split in two halves, recursively; at each split the rows reaching it go left or right by a
 * centred Bresenham line: of the first r rows of a split with T rows, {@code floor((r * L + T / 2) / T)} go to the
 * left half, which holds L rows. That count grows by at most one per row, reaches exactly L at T, and never strays
 * more than one row from the exact proportion, so every group receives exactly its count, spread evenly over the
 * output (any prefix of the output is within one row per level, about log2(groups), of its share).
 */
public final class Interleave {
    private final long[] counts;
    private final long[] prefix; // prefix[i] = counts[0] + ... + counts[i - 1]

    public Interleave(long[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("no groups");
        }
        this.counts = counts.clone();
        this.prefix = new long[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
            prefix[i + 1] = prefix[i] + counts[i];
        }
    }

    /**
     * Exact group sizes for {@code rows} rows and the given non-negative weights, by largest remainder: each group gets
     * the whole part of its quota, and the rows left over go to the largest fractional parts (ties to the earlier
     * group).
     */
    public static long[] counts(long rows, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        int n = weights.length;
        long[] out = new long[n];
        double[] rest = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double quota = rows * (weights[i] / sum);
            out[i] = (long) Math.floor(quota);
            rest[i] = quota - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; given < rows; k = (k + 1) % n) {
            if (weights[order[k]] > 0) {
                out[order[k]]++;
                given++;
            }
        }
        for (int k = n - 1; given > rows; k = (k + n - 1) % n) { // rounding put one row too many somewhere
            if (out[order[k]] > 0) {
                out[order[k]]--;
                given--;
            }
        }
        return out;
    }

    /** The total row count. */
    public long rows() {
        return prefix[counts.length];
    }

    /** The group sizes. */
    public long[] counts() {
        return counts.clone();
    }

    /** The group of row {@code row}, in [0, rows()). */
    public int groupOf(long row) {
        if (row < 0 || row >= rows()) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows());
        }
        int lo = 0;
        int hi = counts.length;
        long r = row;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            long total = prefix[hi] - prefix[lo];
            long left = prefix[mid] - prefix[lo];
            long before = leftAmong(r, left, total);
            if (leftAmong(r + 1, left, total) > before) {
                hi = mid;
                r = before;
            } else {
                lo = mid;
                r -= before;
            }
        }
        return lo;
    }

    /** floor((r * left + total / 2) / total): how many of a split's first r rows go left. Exact for any size. */
    static long leftAmong(long r, long left, long total) {
        long half = total / 2;
        if (Math.multiplyHigh(r, left) == 0 && r * left >= 0 && r * left <= Long.MAX_VALUE - half) {
            return (r * left + half) / total;
        }
        return BigInteger.valueOf(r).multiply(BigInteger.valueOf(left)).add(BigInteger.valueOf(half))
                .divide(BigInteger.valueOf(total)).longValueExact();
    }
}
