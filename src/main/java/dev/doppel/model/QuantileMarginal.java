package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric column's distribution as a piecewise-linear quantile function through points (u, x): values that many
 * rows share (spikes such as {@code pdays = -1} or a zero-inflated amount) are flat steps, everything else is a set of
 * smoothed knots. It stores aggregates only: each knot is the mean of at least {@code k} neighbouring order
 * statistics, so the extremes are means of the k smallest and the k largest values, never a single row's value.
 */
public final class QuantileMarginal {
    /** Most knots for the continuous part. */
    public static final int MAX_KNOTS = 256;
    /** A value is a spike when at least this share of rows (and at least k rows) hold it. */
    public static final double SPIKE_SHARE = 0.005;

    /** Buckets of the lookup table that finds a probability's segment without a full binary search. */
    private static final int GUIDE_BUCKETS = 1024;

    private final double[] u;
    private final double[] x;
    /** guide[k] = the last index i with u[i] <= k / GUIDE_BUCKETS (clamped to [0, n - 2]): where to start looking. */
    private final int[] guide;

    @JsonCreator
    public QuantileMarginal(@JsonProperty("u") double[] u, @JsonProperty("x") double[] x) {
        if (u == null || x == null || u.length != x.length || u.length < 1) {
            throw new IllegalArgumentException("quantile points: u and x must have the same, non-zero length");
        }
        for (int i = 1; i < u.length; i++) {
            if (!(u[i] >= u[i - 1]) || !(x[i] >= x[i - 1])) {
                throw new IllegalArgumentException("quantile points must be non-decreasing");
            }
        }
        if (!(u[0] >= 0) || !(u[u.length - 1] <= 1.0 + 1e-9) || !Double.isFinite(x[0]) || !Double.isFinite(x[x.length - 1])) {
            throw new IllegalArgumentException("quantile points out of range");
        }
        this.u = u.clone();
        this.x = x.clone();
        this.guide = guideOf(this.u);
    }

    private static int[] guideOf(double[] u) {
        int n = u.length;
        int[] guide = new int[GUIDE_BUCKETS + 1];
        int i = 0;
        for (int k = 0; k <= GUIDE_BUCKETS; k++) {
            double p = (double) k / GUIDE_BUCKETS;
            while (i + 1 < n - 1 && u[i + 1] <= p) {
                i++;
            }
            guide[k] = i;
        }
        return guide;
    }

    /**
     * Fits the marginal of the given values.
     *
     * @param sorted the non-missing values, sorted ascending (not kept)
     * @param k the smallest group of rows any stored number may summarise
     */
    public static QuantileMarginal fit(double[] sorted, int k) {
        int n = sorted.length;
        if (n < k) {
            throw new IllegalArgumentException("fewer than k values: nothing can be stored without describing single rows");
        }
        int spikeMin = Math.max(k, (int) Math.ceil(SPIKE_SHARE * n));
        List<double[]> spikes = new ArrayList<>(); // {value, count}
        double[] rest = new double[n];
        int restCount = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i >= spikeMin) {
                spikes.add(new double[] {sorted[i], j - i});
            } else {
                System.arraycopy(sorted, i, rest, restCount, j - i);
                restCount += j - i;
            }
            i = j;
        }
        if (restCount > 0 && restCount < k) {
            if (spikes.isEmpty()) {
                // too few rows to say anything but their mean: a single protected point
                double mean = Arrays.stream(sorted).average().orElseThrow();
                return new QuantileMarginal(new double[] {0, 1}, new double[] {mean, mean});
            }
            // too few rows outside the spikes to describe them: their weight goes to the nearest spike
            for (int i = 0; i < restCount; i++) {
                double[] nearest = spikes.get(0);
                for (double[] s : spikes) {
                    if (Math.abs(s[0] - rest[i]) < Math.abs(nearest[0] - rest[i])) {
                        nearest = s;
                    }
                }
                nearest[1]++;
            }
            restCount = 0;
        }
        double[] knotX = restCount == 0 ? new double[0] : knots(Arrays.copyOf(rest, restCount), k);
        return combine(spikes, knotX, (double) restCount / n);
    }

    /** Smoothed knots at evenly spaced probabilities: each the mean of a window of k order statistics. */
    private static double[] knots(double[] rest, int k) {
        int n = rest.length;
        if (n < 2 * k) {
            // two windows of k would overlap, and their difference would tell single rows apart: one mean only
            double mean = mean(rest, 0, n);
            return new double[] {mean, mean};
        }
        int m = Math.max(1, Math.min(MAX_KNOTS, n / k)); // m + 1 knots, so each knot step covers >= k rows
        int window = k;
        double[] result = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            double center = (double) i / m * (n - 1);
            int start = (int) Math.round(center - (window - 1) / 2.0);
            start = Math.max(0, Math.min(n - window, start));
            result[i] = mean(rest, start, start + window); // summed directly: a prefix sum loses precision to outliers
        }
        for (int i = 1; i <= m; i++) {
            result[i] = Math.max(result[i], result[i - 1]); // guard against rounding in the means
        }
        return result;
    }

    /** The mean of values[from, to), centred on the first value so large magnitudes do not swamp the differences. */
    private static double mean(double[] values, int from, int to) {
        double base = values[from];
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i] - base;
        }
        return base + sum / (to - from);
    }

    /**
     * Merges spikes (flat steps) and continuous knots into one non-decreasing quantile function.
     *
     * @param spikes {value, row count} pairs, ascending by value
     * @param knotX continuous knots at probabilities 0, 1/m, ..., 1 of the continuous part (empty if none)
     * @param continuousWeight the share of rows the continuous part describes
     */
    private static QuantileMarginal combine(List<double[]> spikes, double[] knotX, double continuousWeight) {
        double spikeRows = 0;
        for (double[] s : spikes) {
            spikeRows += s[1];
        }
        double spikeWeight = 1 - continuousWeight;
        List<double[]> points = new ArrayList<>(); // {x, u}
        int m = knotX.length - 1;
        int si = 0;
        double spikeMassBelow = 0;
        for (int i = 0; i <= m || si < spikes.size(); ) {
            boolean takeSpike = si < spikes.size() && (i > m || spikes.get(si)[0] <= knotX[i]);
            if (takeSpike) {
                double v = spikes.get(si)[0];
                double w = spikeWeight * spikes.get(si)[1] / spikeRows;
                double below = spikeMassBelow + continuousWeight * continuousCdf(knotX, v);
                points.add(new double[] {v, below});
                points.add(new double[] {v, below + w});
                spikeMassBelow += w;
                si++;
            } else {
                points.add(new double[] {knotX[i], spikeMassBelow + continuousWeight * i / m});
                i++;
            }
        }
        double[] us = new double[points.size()];
        double[] xs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i)[0];
            us[i] = Math.min(1, points.get(i)[1]);
            if (i > 0) {
                us[i] = Math.max(us[i], us[i - 1]);
                xs[i] = Math.max(xs[i], xs[i - 1]);
            }
        }
        us[0] = 0;
        us[us.length - 1] = 1;
        return new QuantileMarginal(us, xs);
    }

    private static double continuousCdf(double[] knotX, double v) {
        int m = knotX.length - 1;
        if (m < 0 || v <= knotX[0]) {
            return 0;
        }
        if (v >= knotX[m]) {
            return 1;
        }
        int j = Arrays.binarySearch(knotX, v);
        if (j >= 0) {
            while (j > 0 && knotX[j - 1] == v) {
                j--;
            }
            return (double) j / m;
        }
        int hi = -j - 1;
        int lo = hi - 1;
        return (lo + (v - knotX[lo]) / (knotX[hi] - knotX[lo])) / m;
    }

    /** The value at probability p in [0, 1]. */
    public double quantile(double p) {
        int n = u.length;
        if (p <= u[0]) {
            return x[0];
        }
        if (p >= u[n - 1]) {
            return x[n - 1];
        }
        // The segment is the last lo with u[lo] <= p (then u[lo + 1] > p): the same one a binary search finds.
        // The guide table gives a start close to it; the two loops make the answer exact whatever the rounding of p * k.
        int lo = guide[(int) (p * GUIDE_BUCKETS)];
        while (lo > 0 && u[lo] > p) {
            lo--;
        }
        while (u[lo + 1] <= p) {
            lo++;
        }
        int hi = lo + 1;
        double du = u[hi] - u[lo];
        return du <= 0 ? x[lo] : x[lo] + (x[hi] - x[lo]) * (p - u[lo]) / du;
    }

    /** P(X <= v) under this marginal. */
    public double cdf(double v) {
        int n = u.length;
        if (v < x[0]) {
            return 0;
        }
        if (v >= x[n - 1]) {
            return 1;
        }
        int lo = 0; // the last index with x <= v: x[0] <= v < x[n - 1] here
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int idx = lo;
        if (idx + 1 >= n) {
            return 1;
        }
        double dx = x[idx + 1] - x[idx];
        return dx <= 0 ? u[idx + 1] : u[idx] + (u[idx + 1] - u[idx]) * (v - x[idx]) / dx;
    }

    @JsonProperty("u")
    public double[] u() {
        return u.clone();
    }

    @JsonProperty("x")
    public double[] x() {
        return x.clone();
    }

    public double min() {
        return x[0];
    }

    public double max() {
        return x[x.length - 1];
    }

    @Override
    public String toString() {
        return "QuantileMarginal[" + u.length + " points]";
    }
}
