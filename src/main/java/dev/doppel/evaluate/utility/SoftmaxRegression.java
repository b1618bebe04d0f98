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
 * {@link Lbfgs} on coefficients rescaled to unit curvature at the start (see {@code preconditioner}), until the
 * largest rescaled gradient component is below {@value #GRADIENT_TOLERANCE} (the objective is per row, so the test
 * does not grow with n; it leaves the objective within about 1e-10 of its minimum, far finer than predictions need,
 * where scikit-learn's default stops at 1e-4 or 100 iterations), the objective stalls, or after
 * {@value #MAX_ITERATIONS} iterations. Each class must occur in the training rows, or its intercept would run to
 * minus infinity: callers map the classes present to {@code 0..K-1}. Row sums run in fixed blocks added in order, so
 * the fit is identical for any thread count. Immutable.
 */
public final class SoftmaxRegression {
    static final int MAX_ITERATIONS = 500;
    static final double GRADIENT_TOLERANCE = 1e-5;

    private final int classes;
    private final int width;
    /**
     * Coefficients, input-major: {@code beta[j * (K - 1) + k - 1]} is input j's for class k, so the classes of one
     * input sit side by side and a row's linear predictors are built in one pass over its entries.
     */
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
        for (int k = 1; k < classes; k++) { // intercepts (input 0) at the log base-rate ratios
            start[k - 1] = Math.log((counts[k] + 0.5) / (counts[0] + 0.5));
        }
        double lambda = LogisticRegression.LAMBDA_PER_ROW * n;
        RowBlocks blocks = RowBlocks.of(n);
        double[] scale = preconditioner(x, counts, n);
        for (int i = 0; i < start.length; i++) {
            start[i] *= scale[i];
        }
        double[] b = new double[start.length];
        Lbfgs.Result r = Lbfgs.minimize((z, g) -> {
            for (int i = 0; i < z.length; i++) {
                b[i] = z[i] / scale[i];
            }
            double f = objective(x, y, classes, b, lambda, blocks, threads, g);
            for (int i = 0; i < g.length; i++) {
                g[i] /= scale[i];
            }
            return f;
        }, start, MAX_ITERATIONS, GRADIENT_TOLERANCE);
        double[] beta = r.x();
        for (int i = 0; i < beta.length; i++) {
            beta[i] /= scale[i];
        }
        return new SoftmaxRegression(classes, p, beta, r.iterations(), r.converged());
    }

    /**
     * The square roots of the objective's curvature per coefficient at the start, {@code mean_i(x_ij^2) pi_k (1 -
     * pi_k) + LAMBDA_PER_ROW} with pi_k the class's share: L-BFGS runs on {@code z = scale * beta}, where every
     * coordinate has curvature about 1, so rare labels (small x_ij^2 on average) and rare classes do not stretch the
     * problem. Only the path changes, not the optimum.
     */
    private static double[] preconditioner(DesignMatrix x, long[] counts, int n) {
        int p = x.columns();
        int m = counts.length - 1;
        double[] secondMoment = new double[p];
        for (int e = x.entryStart(0); e < x.entryEnd(n - 1); e++) {
            secondMoment[x.entryColumn(e)] += x.entryValue(e) * x.entryValue(e);
        }
        double[] scale = new double[p * m];
        for (int j = 0; j < p; j++) {
            for (int k = 1; k <= m; k++) {
                double share = (double) counts[k] / n;
                double curvature = secondMoment[j] / n * share * (1 - share) + LogisticRegression.LAMBDA_PER_ROW;
                scale[j * m + k - 1] = Math.sqrt(curvature);
            }
        }
        return scale;
    }

    public int classes() {
        return classes;
    }

    /** Coefficients of class k (1..K-1), intercept first; class 0's are all 0. A copy. */
    public double[] coefficients(int k) {
        double[] c = new double[width];
        if (k > 0) {
            for (int j = 0; j < width; j++) {
                c[j] = beta[j * (classes - 1) + k - 1];
            }
        }
        return c;
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
        linearPredictors(x, row, beta, classes, eta);
        softmaxInPlace(eta);
        return eta;
    }

    /** The most probable class of one row (the smaller class on a tie). */
    public int predict(DesignMatrix x, int row) {
        double[] eta = new double[classes];
        linearPredictors(x, row, beta, classes, eta);
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (eta[k] > eta[best]) {
                best = k;
            }
        }
        return best;
    }

    /** eta[0] = 0 and eta[k] = x_row' beta_k, in one pass over the row's entries. */
    private static void linearPredictors(DesignMatrix x, int row, double[] b, int classes, double[] eta) {
        int m = classes - 1;
        Arrays.fill(eta, 0);
        for (int e = x.entryStart(row); e < x.entryEnd(row); e++) {
            double v = x.entryValue(e);
            int base = x.entryColumn(e) * m - 1;
            for (int k = 1; k < classes; k++) {
                eta[k] += v * b[base + k];
            }
        }
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
        int m = classes - 1;
        List<double[]> parts = blocks.map(threads, (start, end) -> {
            double[] part = new double[size + 1];
            double[] eta = new double[classes];
            for (int i = start; i < end; i++) {
                linearPredictors(x, i, b, classes, eta);
                double chosen = eta[y[i]];
                part[size] += softmaxInPlace(eta) - chosen;
                eta[y[i]] -= 1; // now the residuals p_k - [y = k]
                for (int e = x.entryStart(i); e < x.entryEnd(i); e++) {
                    double v = x.entryValue(e);
                    int base = x.entryColumn(e) * m - 1;
                    for (int k = 1; k < classes; k++) {
                        part[base + k] += v * eta[k];
                    }
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
        for (int i = m; i < size; i++) { // every coefficient but the intercepts (input 0, the first m)
            penalty += b[i] * b[i];
            gradient[i] += lambda * b[i];
        }
        for (int j = 0; j < size; j++) {
            gradient[j] /= n;
        }
        return (total + 0.5 * lambda * penalty) / n;
    }
}
