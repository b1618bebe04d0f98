package dev.doppel.evaluate.utility;

/**
 * Cholesky factorisation of a symmetric positive definite {@code p x p} matrix given by its upper triangle (row-major,
 * entries {@code a[i * p + j]} with {@code i <= j}), for Newton steps, ridge normal equations and parameter variances.
 */
final class SymmetricSolver {
    private final int p;
    /** The lower factor L, row-major p x p (only j <= i used). */
    private final double[] l;

    private SymmetricSolver(int p, double[] l) {
        this.p = p;
        this.l = l;
    }

    /** Factors the matrix, or returns null when it is not (numerically) positive definite. */
    static SymmetricSolver factor(double[] upper, int p) {
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = upper[j * p + i];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * p + k] * l[j * p + k];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return null;
                    }
                    l[i * p + i] = Math.sqrt(sum);
                } else {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }
        return new SymmetricSolver(p, l);
    }

    /** The solution x of A x = b. */
    double[] solve(double[] b) {
        double[] y = b.clone();
        for (int i = 0; i < p; i++) {
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * p + k] * y[k];
            }
            y[i] = s / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k * p + i] * y[k];
            }
            y[i] = s / l[i * p + i];
        }
        return y;
    }

    /** The diagonal of A^-1 (variances when A is an information matrix). */
    double[] inverseDiagonal() {
        double[] d = new double[p];
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            d[j] = solve(e)[j];
            e[j] = 0;
        }
        return d;
    }

    /**
     * The numerical rank of a symmetric positive semi-definite matrix (a Gram matrix X'X): columns are taken in order
     * and one whose squared norm left after removing its projection on the columns kept before is below
     * {@code tolerance} times its own squared norm is counted as aliased, as R's {@code lm}/{@code glm} do with their
     * pivoted QR. A zero column is aliased too.
     */
    static int rank(double[] upper, int p, double tolerance) {
        double[] l = new double[p * p];
        boolean[] kept = new boolean[p];
        int rank = 0;
        for (int i = 0; i < p; i++) {
            double diagonal = upper[i * p + i];
            for (int j = 0; j <= i; j++) {
                if (j < i && !kept[j]) {
                    continue;
                }
                double sum = upper[j * p + i];
                for (int k = 0; k < j; k++) {
                    if (kept[k]) {
                        sum -= l[i * p + k] * l[j * p + k];
                    }
                }
                if (i == j) {
                    if (sum > tolerance * diagonal && diagonal > 0) {
                        l[i * p + i] = Math.sqrt(sum);
                        kept[i] = true;
                        rank++;
                    }
                } else {
                    l[i * p + j] = sum / l[j * p + j];
                }
            }
        }
        return rank;
    }
}
