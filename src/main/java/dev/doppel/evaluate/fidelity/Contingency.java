package dev.doppel.evaluate.fidelity;

import java.util.HashMap;
import java.util.Map;

/**
 * The joint counts of two discretised columns in one table: what ContingencySimilarity and Cramér's V are computed
 * from. Dense when small, a map of the cells that occur otherwise (two 1,000-label columns would need a million
 * cells).
 */
final class Contingency {
    private static final int DENSE_LIMIT = 1 << 20;

    private final int width;
    private final double[] dense;
    private final Map<Long, double[]> sparse;
    private final double[] rowTotals;
    private final double[] colTotals;
    private final int n;

    private Contingency(int[] x, int[] y, int rows, int cols) {
        width = cols;
        n = x.length;
        rowTotals = new double[rows];
        colTotals = new double[cols];
        if ((long) rows * cols <= DENSE_LIMIT) {
            dense = new double[rows * cols];
            sparse = null;
            for (int i = 0; i < n; i++) {
                dense[x[i] * cols + y[i]]++;
            }
        } else {
            dense = null;
            sparse = new HashMap<>();
            for (int i = 0; i < n; i++) {
                sparse.computeIfAbsent((long) x[i] * cols + y[i], k -> new double[1])[0]++;
            }
        }
        for (int i = 0; i < n; i++) {
            rowTotals[x[i]]++;
            colTotals[y[i]]++;
        }
    }

    static Contingency real(Discretised a, Discretised b) {
        return new Contingency(a.real(), b.real(), a.size(), b.size());
    }

    static Contingency synthetic(Discretised a, Discretised b) {
        return new Contingency(a.synthetic(), b.synthetic(), a.size(), b.size());
    }

    /**
     * SDMetrics' ContingencySimilarity: 1 - ½ Σ |p_real(a,b) - p_synth(a,b)| over every cell either table has. Both
     * tables must come from the same pair of discretised columns.
     */
    static double similarity(Contingency real, Contingency synth) {
        if (real.n == 0 || synth.n == 0) {
            return Double.NaN;
        }
        double tv = 0;
        if (real.dense != null) {
            for (int cell = 0; cell < real.dense.length; cell++) {
                tv += Math.abs(real.dense[cell] / real.n - synth.dense[cell] / synth.n);
            }
        } else {
            for (Map.Entry<Long, double[]> e : real.sparse.entrySet()) {
                double[] s = synth.sparse.get(e.getKey());
                tv += Math.abs(e.getValue()[0] / real.n - (s == null ? 0 : s[0] / synth.n));
            }
            for (Map.Entry<Long, double[]> e : synth.sparse.entrySet()) {
                if (!real.sparse.containsKey(e.getKey())) {
                    tv += e.getValue()[0] / synth.n;
                }
            }
        }
        return 1 - tv / 2;
    }

    /**
     * Cramér's V: √(χ² / (n · (min(r, c) − 1))) over the rows and columns that occur; NaN when either column has a
     * single value.
     */
    double cramersV() {
        int r = occupied(rowTotals);
        int c = occupied(colTotals);
        if (n == 0 || r < 2 || c < 2) {
            return Double.NaN;
        }
        // χ² = n (Σ O² / (R·C) − 1), summed over the non-empty cells only
        double sum = 0;
        if (dense != null) {
            for (int cell = 0; cell < dense.length; cell++) {
                double o = dense[cell];
                if (o > 0) {
                    sum += o * o / (rowTotals[cell / width] * colTotals[cell % width]);
                }
            }
        } else {
            for (Map.Entry<Long, double[]> e : sparse.entrySet()) {
                long cell = e.getKey();
                double o = e.getValue()[0];
                sum += o * o / (rowTotals[(int) (cell / width)] * colTotals[(int) (cell % width)]);
            }
        }
        double chi2 = n * (sum - 1);
        return Math.min(1, Math.sqrt(Math.max(0, chi2) / (n * (double) (Math.min(r, c) - 1))));
    }

    private static int occupied(double[] totals) {
        int k = 0;
        for (double t : totals) {
            k += t > 0 ? 1 : 0;
        }
        return k;
    }
}
