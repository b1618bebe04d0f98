package dev.doppel.model;

/** Cholesky factorisation of a symmetric matrix into a packed lower triangle. */
final class Cholesky {
    private Cholesky() {}

    /** The packed lower factor L (row i holds L[i][0..i]), or null when the matrix is not positive definite. */
    static double[] factor(double[][] a) {
        int n = a.length;
        double[] l = new double[n * (n + 1) / 2];
        for (int i = 0; i < n; i++) {
            int rowI = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                int rowJ = j * (j + 1) / 2;
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[rowI + k] * l[rowJ + k];
                }
                if (i == j) {
                    if (!(sum > 1e-10)) {
                        return null;
                    }
                    l[rowI + i] = Math.sqrt(sum);
                } else {
                    l[rowI + j] = sum / l[rowJ + j];
                }
            }
        }
        return l;
    }
}
