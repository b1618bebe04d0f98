package dev.doppel.stats;

import java.util.Arrays;

/** The two-sample Kolmogorov–Smirnov statistic: the largest gap between two empirical CDFs. */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {}

    /** D = sup |F_a(x) - F_b(x)| over the present (non-NaN) values of a and b; NaN when either has none. */
    public static double statistic(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * The critical value of D at significance alpha for samples of sizes n and m (asymptotic):
     * c(alpha) * sqrt((n + m) / (n * m)), with c(alpha) = sqrt(-ln(alpha / 2) / 2).
     */
    public static double criticalValue(int n, int m, double alpha) {
        double c = Math.sqrt(-Math.log(alpha / 2) / 2);
        return c * Math.sqrt((double) (n + m) / ((double) n * m));
    }
}
