package dev.doppel.evaluate.utility;

import java.util.Arrays;
import java.util.List;

/**
 * Multinomial logistic regression over classes {@code 0..K-1}, class 0 the reference (as R's {@code nnet::multinom}):
 * P(y = k | x) = exp(eta_k) / sum_m exp(eta_m) with eta_0 = 0 and eta_k = x'beta_k, fitted by minimising
 *
 * <pre>
 *   (1/n) [ sum_i ( log sum_m exp(eta_im) - eta_i,y_i ) + (lambda / 2) sum_{k >= 1} sum_{j >= 1} beta_kj^2 ]
 * </pre>
 *
 * with {@code lambda = }{@link LogisticRegression#LAMBDA_PER_ROW}{@code  * n} (intercepts unpenalised), by
 * {@link Lbfgs} until the largest gradient component is below 1e-7 (the objective is per row, so the test does not
 * grow with n) or the objective stalls. Each class must occur in the training rows, or its intercept would run to
 * minus infinity: callers map the classes present to {@code 0..K-1}. Row sums run in fixed blocks added in order, so
 * the fit is identical for any thread count. Immutable.
 */
public final class SoftmaxRegression {
    static final int MAX_ITERATIONS = 1000;
    static final double GRADIENT_TOLERANCE = 1e-7;

    private final int classes;
    private final int width;
    /** Rows k = 1..K-1 of coefficients, each {@code width} long, back to back. */
    private final double[] beta;
    private final int iterations;
    private final boolean converged;

    private SoftmaxRegression(int classes, int width, double[] beta, int iterations, boolean converged) {
        this.classes = classes;
        this.width = width;
        this.beta = beta;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits the model.
     *
     * @param x inputs (column 0 the intercept)
     * @param y the class of each row, in {@code 0..classes-1}
     * @param classes K, at least 2
     * @param threads threads to sum over rows with; does not change the result
     */
    public static SoftmaxRegression fit(DesignMatrix x, int[] y, int classes, int threads) {
        int n = x.rows();
        if (y.length != n || n == 0 || classes < 2) {
            throw new IllegalArgumentException("need one class per row, at least one row and two classes (" + n
                    + " rows, " + y.length + " classes given, K = " + classes + ")");
        }
        int p = x.columns();
        long[] counts = new long[classes];
        for (int c : y) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " outside 0.." + (classes - 1));
            }
            counts[c]++;
        }
        double[] start = new double[(classes - 1) * p];
        for (int k = 1; k < classes; k++) { // intercepts at the log base-rate ratios
            start[(k - 1) * p] = Math.log((counts[k] + 0.5) / (counts[0] + 0.5));
        }
        double lambda = LogisticRegression.LAMBDA_PER_ROW * n;
        RowBlocks blocks = RowBlocks.of(n);
        Lbfgs.Result r = Lbfgs.minimize(
                (b, g) -> objective(x, y, classes, b, lambda, blocks, threads, g), start, MAX_ITERATIONS,
                GRADIENT_TOLERANCE);
        return new SoftmaxRegression(classes, p, r.x(), r.iterations(), r.converged());
    }

    public int classes() {
        return classes;
    }

    /** Coefficients of class k (1..K-1), intercept first; class 0's are all 0. A copy. */
    public double[] coefficients(int k) {
        if (k == 0) {
            return new double[width];
        }
        return Arrays.copyOfRange(beta, (k - 1) * width, k * width);
    }

    public int iterations() {
        return iterations;
    }

    public boolean converged() {
        return converged;
    }

    /** The class probabilities of one row. */
    public double[] probabilities(DesignMatrix x, int row) {
        double[] eta = new double[classes];
        for (int k = 1; k < classes; k++) {
            eta[k] = x.dot(row, beta, (k - 1) * width);
        }
        softmaxInPlace(eta);
        return eta;
    }

    /** The most probable class of one row (the smaller class on a tie). */
    public int predict(DesignMatrix x, int row) {
        int best = 0;
        double bestEta = 0;
        for (int k = 1; k < classes; k++) {
            double eta = x.dot(row, beta, (k - 1) * width);
            if (eta > bestEta) {
                best = k;
                bestEta = eta;
            }
        }
        return best;
    }

    /** Turns linear predictors into probabilities; returns log sum exp of the input. */
    private static double softmaxInPlace(double[] eta) {
        double max = 0;
        for (double e : eta) {
            max = Math.max(max, e);
        }
        double sum = 0;
        for (int k = 0; k < eta.length; k++) {
            eta[k] = Math.exp(eta[k] - max);
            sum += eta[k];
        }
        for (int k = 0; k < eta.length; k++) {
            eta[k] /= sum;
        }
        return max + Math.log(sum);
    }

    private static double objective(DesignMatrix x, int[] y, int classes, double[] b, double lambda,
            RowBlocks blocks, int threads, double[] gradient) {
        int n = x.rows();
        int p = x.columns();
        int size = b.length;
        List<double[]> parts = blocks.map(threads, (start, end) -> {
            double[] part = new double[size + 1];
            double[] eta = new double[classes];
            for (int i = start; i < end; i++) {
                eta[0] = 0;
                for (int k = 1; k < classes; k++) {
                    eta[k] = x.dot(i, b, (k - 1) * p);
                }
                double chosen = eta[y[i]];
                part[size] += softmaxInPlace(eta) - chosen;
                for (int k = 1; k < classes; k++) {
                    x.addRow(i, eta[k] - (y[i] == k ? 1 : 0), part, (k - 1) * p);
                }
            }
            return part;
        });
        Arrays.fill(gradient, 0);
        double total = 0;
        for (double[] part : parts) {
            for (int j = 0; j < size; j++) {
                gradient[j] += part[j];
            }
            total += part[size];
        }
        double penalty = 0;
        for (int k = 0; k < classes - 1; k++) {
            for (int j = 1; j < p; j++) {
                double v = b[k * p + j];
                penalty += v * v;
                gradient[k * p + j] += lambda * v;
            }
        }
        for (int j = 0; j < size; j++) {
            gradient[j] /= n;
        }
        return (total + 0.5 * lambda * penalty) / n;
    }
}
