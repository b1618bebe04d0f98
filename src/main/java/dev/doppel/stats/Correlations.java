package dev.doppel.stats;

import java.util.Arrays;

/** Pearson and Spearman correlation matrices over columns of doubles; NaN marks a missing value. */
public final class Correlations {
    private Correlations() {}

    /** Pearson correlations of complete columns (no NaN), one row per column. 0 where a column is constant. */
    public static double[][] pearson(double[][] columns) {
        int d = columns.length;
        int n = d == 0 ? 0 : columns[0].length;
        double[][] centred = new double[d][];
        double[] norm = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double v : columns[j]) {
                mean += v;
            }
            mean /= Math.max(1, n);
            double[] c = new double[n];
            double ss = 0;
            for (int i = 0; i < n; i++) {
                c[i] = columns[j][i] - mean;
                ss += c[i] * c[i];
            }
            centred[j] = c;
            norm[j] = Math.sqrt(ss);
        }
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) {
            r[a][a] = 1;
            for (int b = 0; b < a; b++) {
                double s = 0;
                double[] x = centred[a];
                double[] y = centred[b];
                for (int i = 0; i < n; i++) {
                    s += x[i] * y[i];
                }
                double v = norm[a] > 1e-12 * Math.sqrt(n) && norm[b] > 1e-12 * Math.sqrt(n) ? s / (norm[a] * norm[b]) : 0;
                v = Math.max(-1, Math.min(1, v));
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return r;
    }

    /** Pearson correlation of two columns over the rows where both are present (not NaN); NaN if under 3 rows. */
    public static double pearsonPairwise(double[] x, double[] y) {
        double r = pairwise(x, y);
        return Double.isInfinite(r) ? 0 : r;
    }

    /**
     * As {@link #pearsonPairwise}, but NaN (unknown) also when either column is constant over the rows both have: no
     * row then says anything about how they go together.
     */
    public static double pearsonPairwiseOrUnknown(double[] x, double[] y) {
        double r = pairwise(x, y);
        return Double.isInfinite(r) ? Double.NaN : r;
    }

    /** Pearson over joint rows; NaN under 3 rows, +infinity when either side is constant there. */
    private static double pairwise(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        if (minX == maxX || minY == maxY) {
            return Double.POSITIVE_INFINITY; // constant: rounding in the mean would otherwise fake a correlation
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Spearman correlations: Pearson of mid-ranks, pairwise over rows where both are present. */
    public static double[][] spearman(double[][] columns) {
        int d = columns.length;
        double[][] ranks = new double[d][];
        for (int j = 0; j < d; j++) {
            ranks[j] = midRanks(columns[j]);
        }
        return spearmanOfRanks(ranks);
    }

    /**
     * {@link #spearman} of columns already turned into {@link #midRanks}: for a caller that needs the ranks anyway.
     * The pairs are computed together, block by block ({@link PairwisePearson}): the same values as one
     * {@link #pearsonPairwise} per pair, in a fraction of the time on long columns.
     */
    public static double[][] spearmanOfRanks(double[][] ranks) {
        int d = ranks.length;
        int[][] all = PairwisePearson.allPairs(d);
        int[] first = all[0];
        int[] second = all[1];
        double[] pairs = PairwisePearson.of(d, d == 0 ? 0 : ranks[0].length, PairwisePearson.arrays(ranks), first,
                second);
        double[][] r = new double[d][d];
        for (int a = 0, p = 0; a < d; a++) {
            r[a][a] = 1;
            for (int b = 0; b < a; b++, p++) {
                double v = Double.isInfinite(pairs[p]) ? 0 : pairs[p]; // as pearsonPairwise
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return r;
    }

    /**
     * Mid-ranks (1-based, ties averaged) of the present values; NaN stays NaN. The present rows are ordered by a radix
     * sort of their values' order-preserving bit patterns (primitive arrays, linear time): a boxed index sort cost
     * seconds per column on a million rows.
     */
    public static double[] midRanks(double[] values) {
        int n = values.length;
        int present = 0;
        for (double v : values) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        long[] keys = new long[present];
        int[] order = new int[present];
        for (int i = 0, j = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                long bits = Double.doubleToRawLongBits(values[i]);
                keys[j] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order of keys = numeric order of values
                order[j++] = i;
            }
        }
        radixSort(keys, order);
        double[] ranks = new double[n];
        java.util.Arrays.fill(ranks, Double.NaN);
        for (int i = 0; i < present; ) {
            int j = i;
            while (j < present && values[order[j]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j + 1) / 2.0;
            for (int t = i; t < j; t++) {
                ranks[order[t]] = mid;
            }
            i = j;
        }
        return ranks;
    }

    /** Sorts {@code keys} as unsigned numbers, carrying {@code order} along; stable (least significant digit first). */
    private static void radixSort(long[] keys, int[] order) {
        int n = keys.length;
        long[] keyBuffer = new long[n];
        int[] orderBuffer = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (long k : keys) {
                count[(int) (k >>> shift) & 0xFFFF]++;
            }
            if (count[(int) (keys.length == 0 ? 0 : (keys[0] >>> shift) & 0xFFFF)] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (keys[i] >>> shift) & 0xFFFF;
                int at = count[d]++;
                keyBuffer[at] = keys[i];
                orderBuffer[at] = order[i];
            }
            System.arraycopy(keyBuffer, 0, keys, 0, n);
            System.arraycopy(orderBuffer, 0, order, 0, n);
        }
    }
}
