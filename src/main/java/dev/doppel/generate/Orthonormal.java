package dev.doppel.generate;

/**
 * Gram-Schmidt over a batch's rows: draws made exactly uncorrelated over the rows they are drawn for, where
 * independent draws are uncorrelated only up to about 1/√m. Used where a batch is stratified anyway, so that a
 * batch shows the dependence the model describes without the chance dependence m independent draws add to it.
 */
final class Orthonormal {
    private Orthonormal() {}

    /**
     * Makes columns {@code e[0, d)} over rows [0, m) centred, mutually orthogonal and of mean square 1, in column
     * order (modified Gram-Schmidt): column j keeps its own direction apart from what it shares with columns 0..j-1.
     * A column left with (almost) nothing of its own (mean square at most 1e-9: a regressor constant over the rows)
     * is left as it is after centring, and no later column is projected on it. Columns are rescaled once all are
     * orthogonal. Needs m > d to do anything useful; callers use it only for m well above d.
     */
    static void columns(double[][] e, int d, int m) {
        double[] norm = new double[d]; // each column's sum of squares once orthogonal; 0 for one left as it is
        for (int j = 0; j < d; j++) {
            double[] x = e[j];
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += x[i];
            }
            mean /= m;
            for (int i = 0; i < m; i++) {
                x[i] -= mean;
            }
            for (int p = 0; p < j; p++) {
                if (norm[p] > 0) {
                    subtract(x, e[p], dot(x, e[p], m) / norm[p], m);
                }
            }
            double squares = dot(x, x, m);
            norm[j] = squares > 1e-9 * m ? squares : 0;
        }
        for (int j = 0; j < d; j++) {
            if (norm[j] > 0) {
                double scale = Math.sqrt(m / norm[j]);
                double[] x = e[j];
                for (int i = 0; i < m; i++) {
                    x[i] *= scale;
                }
            }
        }
    }

    private static double dot(double[] a, double[] b, int m) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** a -= factor · b over [0, m). */
    private static void subtract(double[] a, double[] b, double factor, int m) {
        for (int i = 0; i < m; i++) {
            a[i] -= factor * b[i];
        }
    }
}
