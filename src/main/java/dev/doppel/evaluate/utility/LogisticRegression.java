package dev.doppel.evaluate.utility;

import java.util.Arrays;
import java.util.List;

/**
 * Binary logistic regression, P(y = 1 | x) = 1 / (1 + exp(-x'beta)), fitted by penalised maximum likelihood:
 *
 * <pre>
 *   minimise  sum_i [ log(1 + exp(eta_i)) - y_i eta_i ] + (lambda / 2) sum_{j >= 1} beta_j^2,   eta_i = x_i'beta
 * </pre>
 *
 * with {@code lambda = }{@value #LAMBDA_PER_ROW}{@code  * n} and the intercept (column 0) unpenalised. The penalty is
 * too small to move estimates on standardised inputs by more than a fraction of a standard error, but it keeps the
 * optimum finite when the classes are separable and makes an input no row sets harmless.
 *
 * <p>Fitted by Newton's method (iteratively reweighted least squares) with step halving while the objective does not
 * fall, from beta = 0 with the intercept at the log-odds of the base rate; stops when the objective falls by less than
 * 1e-12 relative or the largest step component is below 1e-9, after at most {@value #MAX_NEWTON} iterations. Above
 * {@value #NEWTON_MAX_PARAMETERS} parameters the p x p Hessian is too dear and {@link Lbfgs} minimises the same
 * objective. Sums over rows run in fixed row blocks on {@code threads} threads and are added in block order, so the
 * fit is bit-identical for any thread count. Immutable.
 */
public final class LogisticRegression {
    /** The L2 penalty per training row. */
    public static final double LAMBDA_PER_ROW = 1e-4;

    static final int NEWTON_MAX_PARAMETERS = 512;
    static final int MAX_NEWTON = 100;
    static final int MAX_LBFGS = 1000;

    private final double[] beta;
    private final double[] variances;
    private final int iterations;
    private final boolean converged;

    private LogisticRegression(double[] beta, double[] variances, int iterations, boolean converged) {
        this.beta = beta;
        this.variances = variances;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits the model.
     *
     * @param x inputs (column 0 the intercept)
     * @param y the outcome per row
     * @param threads threads to sum over rows with (1 or more); does not change the result
     * @throws IllegalArgumentException when {@code y} and {@code x} differ in rows or there are no rows
     */
    public static LogisticRegression fit(DesignMatrix x, boolean[] y, int threads) {
        int n = x.rows();
        if (y.length != n || n == 0) {
            throw new IllegalArgumentException("need one outcome per row and at least one row (" + n + " rows, "
                    + y.length + " outcomes)");
        }
        int p = x.columns();
        double lambda = LAMBDA_PER_ROW * n;
        RowBlocks blocks = RowBlocks.of(n);
        double[] beta = start(y, p);
        if (p > NEWTON_MAX_PARAMETERS) {
            return fitByLbfgs(x, y, threads);
        }
        double objective = loss(x, y, beta, lambda, blocks, threads);
        SymmetricSolver solver = null;
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_NEWTON && !converged) {
            iteration++;
            double[] gradient = new double[p];
            double[] hessian = new double[p * p];
            gradientAndHessian(x, y, beta, blocks, threads, gradient, hessian);
            for (int j = 1; j < p; j++) {
                gradient[j] += lambda * beta[j];
                hessian[j * p + j] += lambda;
            }
            solver = SymmetricSolver.factor(hessian, p);
            if (solver == null) { // only when the intercept's weights vanish: nothing left to learn
                break;
            }
            double[] step = solver.solve(gradient);
            double t = 1;
            double[] candidate = new double[p];
            double next = Double.NaN;
            for (int h = 0; h < 60; h++) {
                for (int j = 0; j < p; j++) {
                    candidate[j] = beta[j] - t * step[j];
                }
                next = loss(x, y, candidate, lambda, blocks, threads);
                if (next <= objective) {
                    break;
                }
                t *= 0.5;
            }
            if (!(next <= objective)) {
                converged = true; // no step lowers the objective: at the optimum to rounding
                break;
            }
            double largest = 0;
            for (int j = 0; j < p; j++) {
                largest = Math.max(largest, Math.abs(t * step[j]));
            }
            double decrease = objective - next;
            beta = candidate;
            objective = next;
            converged = decrease <= 1e-12 * Math.max(1, Math.abs(objective)) || largest < 1e-9;
        }
        return new LogisticRegression(beta, solver == null ? null : solver.inverseDiagonal(), iteration, converged);
    }

    /** The same fit by {@link Lbfgs} (used above {@value #NEWTON_MAX_PARAMETERS} parameters); no standard errors. */
    static LogisticRegression fitByLbfgs(DesignMatrix x, boolean[] y, int threads) {
        int n = x.rows();
        int p = x.columns();
        double lambda = LAMBDA_PER_ROW * n;
        RowBlocks blocks = RowBlocks.of(n);
        Lbfgs.Result r = Lbfgs.minimize((b, gradient) -> {
            double f = lossAndGradient(x, y, b, lambda, blocks, threads, gradient);
            for (int j = 0; j < p; j++) {
                gradient[j] /= n;
            }
            return f / n;
        }, start(y, p), MAX_LBFGS, 1e-7);
        return new LogisticRegression(r.x(), null, r.iterations(), r.converged());
    }

    /** Zero slopes and the intercept at the log-odds of the (smoothed) base rate. */
    private static double[] start(boolean[] y, int p) {
        double[] beta = new double[p];
        int positives = 0;
        for (boolean v : y) {
            positives += v ? 1 : 0;
        }
        double rate = (positives + 0.5) / (y.length + 1.0);
        beta[0] = Math.log(rate / (1 - rate));
        return beta;
    }

    /** The coefficients, intercept first (a copy). */
    public double[] coefficients() {
        return beta.clone();
    }

    /**
     * Standard errors from the inverse of the penalised observed information at the last Newton step (the usual
     * asymptotic ones when the penalty is negligible); null when the fit used L-BFGS.
     */
    public double[] standardErrors() {
        if (variances == null) {
            return null;
        }
        double[] se = new double[variances.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(variances[j]);
        }
        return se;
    }

    /** Newton or L-BFGS iterations taken. */
    public int iterations() {
        return iterations;
    }

    /** Whether a stopping test was met before the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** P(y = 1) for one row of {@code x} (same columns as the training inputs). */
    public double probability(DesignMatrix x, int row) {
        return sigmoid(x.dot(row, beta, 0));
    }

    /** P(y = 1) for every row of {@code x}. */
    public double[] probabilities(DesignMatrix x) {
        double[] p = new double[x.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = probability(x, i);
        }
        return p;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** log(1 + exp(eta)) without overflow. */
    static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static double penalty(double[] beta, double lambda) {
        double s = 0;
        for (int j = 1; j < beta.length; j++) {
            s += beta[j] * beta[j];
        }
        return 0.5 * lambda * s;
    }

    private static double loss(DesignMatrix x, boolean[] y, double[] beta, double lambda, RowBlocks blocks,
            int threads) {
        List<double[]> parts = blocks.map(threads, (start, end) -> {
            double s = 0;
            for (int i = start; i < end; i++) {
                double eta = x.dot(i, beta, 0);
                s += softplus(eta) - (y[i] ? eta : 0);
            }
            return new double[] {s};
        });
        double total = 0;
        for (double[] part : parts) {
            total += part[0];
        }
        return total + penalty(beta, lambda);
    }

    private static double lossAndGradient(DesignMatrix x, boolean[] y, double[] beta, double lambda,
            RowBlocks blocks, int threads, double[] gradient) {
        int p = beta.length;
        List<double[]> parts = blocks.map(threads, (start, end) -> {
            double[] part = new double[p + 1];
            for (int i = start; i < end; i++) {
                double eta = x.dot(i, beta, 0);
                part[p] += softplus(eta) - (y[i] ? eta : 0);
                x.addRow(i, sigmoid(eta) - (y[i] ? 1 : 0), part, 0);
            }
            return part;
        });
        Arrays.fill(gradient, 0);
        double total = 0;
        for (double[] part : parts) {
            for (int j = 0; j < p; j++) {
                gradient[j] += part[j];
            }
            total += part[p];
        }
        for (int j = 1; j < p; j++) {
            gradient[j] += lambda * beta[j];
        }
        return total + penalty(beta, lambda);
    }

    private static void gradientAndHessian(DesignMatrix x, boolean[] y, double[] beta, RowBlocks blocks,
            int threads, double[] gradient, double[] hessian) {
        int p = beta.length;
        List<double[][]> parts = blocks.map(threads, (start, end) -> {
            double[] g = new double[p];
            double[] h = new double[p * p];
            for (int i = start; i < end; i++) {
                double mu = sigmoid(x.dot(i, beta, 0));
                x.addRow(i, mu - (y[i] ? 1 : 0), g, 0);
                x.addOuter(i, mu * (1 - mu), h);
            }
            return new double[][] {g, h};
        });
        for (double[][] part : parts) {
            for (int j = 0; j < p; j++) {
                gradient[j] += part[0][j];
            }
            for (int k = 0; k < hessian.length; k++) {
                hessian[k] += part[1][k];
            }
        }
    }
}
