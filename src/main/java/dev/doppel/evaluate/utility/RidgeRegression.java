package dev.doppel.evaluate.utility;

import java.util.List;

/**
 * Least squares with a small ridge penalty, for numeric targets:
 *
 * <pre>
 *   minimise  sum_i (y_i - x_i'beta)^2 + lambda sum_{j >= 1} beta_j^2,   lambda = 1e-4 * n
 * </pre>
 *
 * (intercept unpenalised), solved exactly from the normal equations (X'X + lambda I') beta = X'y by Cholesky. On
 * standardised inputs X'X grows like n, so the penalty shrinks well-determined coefficients by about 1e-4 of
 * themselves; it only matters for inputs no row sets or that copy one another. The sums over rows run in fixed blocks
 * added in order, so the fit is identical for any thread count. Immutable.
 */
public final class RidgeRegression {
    private final double[] beta;

    private RidgeRegression(double[] beta) {
        this.beta = beta;
    }

    /**
     * Fits the model.
     *
     * @param x inputs (column 0 the intercept)
     * @param y the target per row, finite
     * @param threads threads to sum over rows with; does not change the result
     */
    public static RidgeRegression fit(DesignMatrix x, double[] y, int threads) {
        int n = x.rows();
        if (y.length != n || n == 0) {
            throw new IllegalArgumentException("need one target per row and at least one row (" + n + " rows, "
                    + y.length + " targets)");
        }
        int p = x.columns();
        List<double[][]> parts = RowBlocks.of(n).map(threads, (start, end) -> {
            double[] xty = new double[p];
            double[] xtx = new double[p * p];
            for (int i = start; i < end; i++) {
                x.addRow(i, y[i], xty, 0);
                x.addOuter(i, 1, xtx);
            }
            return new double[][] {xty, xtx};
        });
        double[] xty = new double[p];
        double[] xtx = new double[p * p];
        for (double[][] part : parts) {
            for (int j = 0; j < p; j++) {
                xty[j] += part[0][j];
            }
            for (int k = 0; k < xtx.length; k++) {
                xtx[k] += part[1][k];
            }
        }
        double lambda = LogisticRegression.LAMBDA_PER_ROW * n;
        for (int j = 1; j < p; j++) {
            xtx[j * p + j] += lambda;
        }
        SymmetricSolver solver = SymmetricSolver.factor(xtx, p);
        if (solver == null) {
            throw new IllegalStateException("normal equations not positive definite (" + p + " parameters)");
        }
        return new RidgeRegression(solver.solve(xty));
    }

    /** The coefficients, intercept first (a copy). */
    public double[] coefficients() {
        return beta.clone();
    }

    /** The prediction for one row. */
    public double predict(DesignMatrix x, int row) {
        return x.dot(row, beta, 0);
    }
}
