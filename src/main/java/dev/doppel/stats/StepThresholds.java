package dev.doppel.stats;

import java.util.function.DoubleToIntFunction;

/**
 * Where a non-decreasing step function of a double steps up, found on the function itself (so with exactly its
 * rounding) by bisection over the doubles in their order. A value's step is then the number of thresholds at or
 * below it: a binary search over a few doubles instead of evaluating the function.
 */
public final class StepThresholds {
    private StepThresholds() {}

    /**
     * Thresholds of a non-decreasing step function f with values 0..levels-1 over [low, high]: t[k] is the smallest
     * double z in that range with f(z) >= k, -infinity where f(low) >= k already and +infinity where f(high) < k.
     * Then f(z) = (thresholds at or below z) - 1 for z in the range, t[0] being -infinity.
     */
    public static double[] of(int levels, DoubleToIntFunction f, double low, double high) {
        double[] t = new double[levels];
        long lowKey = sortable(low);
        long highKey = sortable(high);
        for (int k = 0; k < levels; k++) {
            if (f.applyAsInt(low) >= k) {
                t[k] = Double.NEGATIVE_INFINITY;
            } else if (f.applyAsInt(high) < k) {
                t[k] = Double.POSITIVE_INFINITY;
            } else {
                long lo = lowKey; // f < k
                long hi = highKey; // f >= k
                while (Long.compareUnsigned(hi - lo, 1) > 0) { // the gap can exceed Long.MAX_VALUE: unsigned
                    long mid = lo + ((hi - lo) >>> 1);
                    if (f.applyAsInt(fromSortable(mid)) >= k) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                t[k] = fromSortable(hi);
            }
        }
        return t;
    }

    /** A double's bits as a long that orders like the double (-0.0 just below 0.0). */
    public static long sortable(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromSortable(long v) {
        return Double.longBitsToDouble(v >= 0 ? v : v ^ Long.MAX_VALUE);
    }
}
