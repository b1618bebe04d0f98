package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.PrivacyScores.Quantiles;
import java.util.Arrays;

/** Summaries of per-row distances: quantiles, the share of zeros, and the closer-than share. */
final class DistanceStats {
    private DistanceStats() {}

    /**
     * The 5th percentile, median and mean of the values that are not NaN, and how many there are. Percentiles
     * interpolate linearly between order statistics at position p(n-1) (R's type 7, numpy's default). With no values,
     * all three are NaN.
     */
    static Quantiles quantiles(double[] values) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (x.length == 0) {
            return new Quantiles(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Arrays.sort(x);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return new Quantiles(percentile(x, 0.05), percentile(x, 0.5), sum / x.length, x.length);
    }

    /** The p-quantile of sorted values, type 7. */
    static double percentile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The share of values equal to 0 (exact copies); NaN for none. */
    static double zeroShare(double[] distances) {
        if (distances.length == 0) {
            return Double.NaN;
        }
        int zeros = 0;
        for (double d : distances) {
            if (d == 0) {
                zeros++;
            }
        }
        return (double) zeros / distances.length;
    }

    /** The share of rows with {@code a[i] < b[i]}, ties counting half; NaN for none. */
    static double closerShare(double[] a, double[] b) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double score = 0;
        for (int i = 0; i < a.length; i++) {
            score += a[i] < b[i] ? 1.0 : a[i] == b[i] ? 0.5 : 0.0;
        }
        return score / a.length;
    }

    /**
     * Nearest-neighbour distance ratios: nearest / second nearest, per query. When both are 0 (the query equals two
     * indexed rows) the ratio is 1: the nearest row does not stand out from the next, and the exact copy is already
     * counted by the exact-copy rate. NaN where the index has fewer than two rows.
     */
    static double[] ratios(Neighbours n) {
        double[] r = new double[n.queries()];
        for (int q = 0; q < r.length; q++) {
            double first = n.distance(q, 0);
            double second = n.distance(q, 1);
            r[q] = second == Double.POSITIVE_INFINITY ? Double.NaN : second == 0 ? 1.0 : first / second;
        }
        return r;
    }
}
