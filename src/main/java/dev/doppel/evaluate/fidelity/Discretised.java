package dev.doppel.evaluate.fidelity;

import dev.doppel.evaluate.EncodedTable;

/**
 * One column of two tables as small integer codes 0..size-1, for contingency tables: labels keep their shared codes;
 * numbers fall in 10 equal-width bins between the real minimum and maximum, the outer bins open-ended (SDMetrics'
 * {@code discretize_column}: {@code numpy.histogram_bin_edges} on the real values, edges replaced by ±infinity).
 * Missing cells get a code of their own, as SDMetrics' {@code groupby(dropna=False)} keeps them.
 *
 * @param real the real table's codes
 * @param synthetic the synthetic table's codes
 * @param size one more than the largest code
 */
record Discretised(int[] real, int[] synthetic, int size) {
    /** SDMetrics' default number of bins for numbers in contingency tables. */
    static final int BINS = 10;

    static Discretised of(EncodedTable real, EncodedTable synthetic, int column) {
        if (real.columns().get(column).numeric()) {
            double[] edges = edges(real.numbers(column));
            return new Discretised(bin(real.numbers(column), edges), bin(synthetic.numbers(column), edges), BINS + 1);
        }
        int labels = real.schema().labels(column).size();
        return new Discretised(shift(real.codes(column), labels), shift(synthetic.codes(column), labels), labels + 1);
    }

    /** The 9 inner edges of 10 equal-width bins over the present values' range (all equal for a constant column). */
    static double[] edges(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        double[] edges = new double[BINS - 1];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = lo + (hi - lo) * (e + 1) / BINS;
        }
        return edges;
    }

    /** Bin b holds edges[b-1] < x <= edges[b] (pandas.cut's right-closed bins); missing → code BINS. */
    private static int[] bin(double[] x, double[] edges) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                out[i] = BINS;
            } else {
                int lo = 0;
                int hi = edges.length; // first edge >= v, by binary search
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (edges[mid] < v) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                out[i] = lo;
            }
        }
        return out;
    }

    /** Label codes with missing (-1) moved to the last code, {@code labels}. */
    private static int[] shift(int[] codes, int labels) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] == EncodedTable.MISSING ? labels : codes[i];
        }
        return out;
    }
}
