package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The dependence between columns: a correlation matrix of normal scores, positive definite, with its Cholesky factor
 * for sampling. {@code shrinkage} says how much the estimate had to change to be positive definite (0 when it
 * already was).
 */
public final class GaussianCopula {
    private final List<String> columns;
    private final double[][] correlation;
    private final double shrinkage;
    private final double[] cholesky; // lower triangle, row-major packed

    @JsonCreator
    public GaussianCopula(
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("correlation") double[][] correlation,
            @JsonProperty("shrinkage") double shrinkage) {
        this(columns, correlation, shrinkage, null);
    }

    private GaussianCopula(List<String> columns, double[][] correlation, double shrinkage, double[] knownFactor) {
        if (columns == null || correlation == null || correlation.length != columns.size()) {
            throw new IllegalArgumentException("copula: the correlation matrix must have one row per column");
        }
        int d = columns.size();
        for (int i = 0; i < d; i++) {
            if (correlation[i] == null || correlation[i].length != d) {
                throw new IllegalArgumentException("copula: the correlation matrix must be square");
            }
            for (int j = 0; j < d; j++) {
                double r = correlation[i][j];
                if (!(Math.abs(r) <= 1.0 + 1e-9) || Math.abs(r - correlation[j][i]) > 1e-9) {
                    throw new IllegalArgumentException("copula: the correlation matrix must be symmetric with entries in [-1, 1]");
                }
            }
        }
        this.columns = List.copyOf(columns);
        this.correlation = new double[d][];
        for (int i = 0; i < d; i++) {
            this.correlation[i] = correlation[i].clone();
        }
        this.shrinkage = shrinkage;
        this.cholesky = knownFactor != null ? knownFactor : Cholesky.factor(this.correlation);
        if (this.cholesky == null) {
            throw new IllegalArgumentException("copula: the correlation matrix is not positive definite");
        }
    }

    /** Above this many columns the eigen-decomposition is too slow and repair falls back to shrinkage. */
    static final int EIGEN_REPAIR_LIMIT = 600;

    /**
     * Builds from an estimated correlation matrix, repaired to positive definite when needed: by clipping its
     * eigenvalues (the nearest fix, which leaves well-estimated entries almost untouched) up to
     * {@link #EIGEN_REPAIR_LIMIT} columns, else by shrinking towards the identity; {@link #shrinkage()} then says how
     * far (the largest change of an entry for eigenvalue clipping, the shrinkage weight otherwise).
     */
    public static GaussianCopula repaired(List<String> columns, double[][] estimate) {
        int d = estimate.length;
        double[][] r = rounded(estimate, 0);
        if (Cholesky.factor(r) != null) {
            return new GaussianCopula(columns, r, 0);
        }
        if (d <= EIGEN_REPAIR_LIMIT) {
            double[][] nearest = nearestCorrelation(r);
            for (double floor = 1e-4; floor < 0.5; floor *= 4) {
                double[][] clipped = clipEigenvalues(nearest, floor);
                if (Cholesky.factor(clipped) != null) {
                    return new GaussianCopula(columns, clipped, largestChange(r, clipped));
                }
            }
        }
        // bisection on log(lambda) between 1e-4 and 1: about 7 factorisations instead of up to 14 doublings
        double lo = Math.log(1e-4);
        double hi = 0;
        double[][] best = null;
        double[] bestFactor = null;
        double bestLambda = 1;
        for (int i = 0; i < 7; i++) {
            double mid = (lo + hi) / 2;
            double[][] shrunk = rounded(estimate, Math.exp(mid));
            double[] factor = Cholesky.factor(shrunk); // fails fast, at the first bad pivot
            if (factor != null) {
                best = shrunk;
                bestFactor = factor;
                bestLambda = Math.exp(mid);
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (best != null) {
            return new GaussianCopula(columns, best, Math.round(bestLambda * 1e6) / 1e6, bestFactor);
        }
        return new GaussianCopula(columns, rounded(estimate, 1), 1);
    }

    private static double[][] rounded(double[][] estimate, double lambda) {
        int d = estimate.length;
        double[][] r = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r[i][j] = i == j ? 1.0 : round((1 - lambda) * estimate[i][j]);
            }
        }
        return r;
    }

    /**
     * Higham's alternating projections (with Dykstra's correction) onto the positive semi-definite matrices and the
     * unit-diagonal matrices: the correlation matrix nearest to r in Frobenius norm, so the repair spreads as little as
     * possible onto well-estimated pairs.
     */
    static double[][] nearestCorrelation(double[][] r) {
        int d = r.length;
        double[][] y = copy(r);
        double[][] correction = new double[d][d];
        for (int iter = 0; iter < 200; iter++) {
            double[][] residual = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    residual[i][j] = y[i][j] - correction[i][j];
                }
            }
            double[][] x = projectPsd(residual);
            double change = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    correction[i][j] = x[i][j] - residual[i][j];
                    double next = i == j ? 1 : x[i][j];
                    change = Math.max(change, Math.abs(next - y[i][j]));
                    y[i][j] = next;
                }
            }
            if (change < 1e-7) {
                break;
            }
        }
        return y;
    }

    private static double[][] projectPsd(double[][] a) {
        return withEigenvaluesAtLeast(a, 0);
    }

    /** V·max(Λ, floor)·Vᵀ: the matrix with its eigenvalues raised to at least {@code floor} (0: the PSD projection). */
    private static double[][] withEigenvaluesAtLeast(double[][] a, double floor) {
        int d = a.length;
        var eigen = new org.apache.commons.math3.linear.EigenDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(a));
        double[] values = eigen.getRealEigenvalues();
        double[][] v = eigen.getV().getData();
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double lambda = Math.max(values[k], floor);
            if (lambda <= 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double vi = v[i][k] * lambda;
                for (int j = 0; j <= i; j++) {
                    out[i][j] += vi * v[j][k];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static double[][] clipEigenvalues(double[][] r, double floor) {
        int d = r.length;
        double[][] out = withEigenvaluesAtLeast(r, floor);
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            scale[i] = 1 / Math.sqrt(out[i][i]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = i == j ? 1.0 : round(Math.max(-1, Math.min(1, out[i][j] * scale[i] * scale[j])));
            }
        }
        return out;
    }

    private static double largestChange(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return Math.round(max * 1e6) / 1e6;
    }

    /** Rounds to 9 decimals: keeps the model file readable; far below sampling error. */
    private static double round(double r) {
        return Math.round(r * 1e9) / 1e9;
    }

    @JsonProperty("columns")
    public List<String> columns() {
        return columns;
    }

    @JsonProperty("correlation")
    public double[][] correlation() {
        double[][] copy = new double[correlation.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = correlation[i].clone();
        }
        return copy;
    }

    @JsonProperty("shrinkage")
    public double shrinkage() {
        return shrinkage;
    }

    @JsonIgnore
    public int dimension() {
        return columns.size();
    }

    /** z = L·eps in place of {@code out}: correlated standard normals from independent ones. */
    public void correlate(double[] eps, double[] out) {
        int d = columns.size();
        int k = 0;
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[k++] * eps[j];
            }
            out[i] = s;
        }
    }

    /**
     * {@link #correlate} for {@code count} rows at once, column-major: {@code eps[j][r]} is row r's j-th independent
     * normal, {@code out[i][r]} receives its i-th correlated one. Each sum is taken in the same order as in
     * {@link #correlate}, so the results are bit for bit the same; the loop over rows has no carried dependency,
     * which lets the compiler vectorise it.
     */
    public void correlate(double[][] eps, double[][] out, int count) {
        int d = columns.size();
        int k = 0;
        for (int i = 0; i < d; i++) {
            double[] z = out[i];
            double l0 = cholesky[k++];
            double[] e0 = eps[0];
            for (int r = 0; r < count; r++) {
                z[r] = 0.0 + l0 * e0[r]; // "0.0 +" as in the row-wise sum: turns -0.0 into 0.0 the same way
            }
            for (int j = 1; j <= i; j++) {
                double l = cholesky[k++];
                double[] e = eps[j];
                for (int r = 0; r < count; r++) {
                    z[r] += l * e[r];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "GaussianCopula[" + columns.size() + " columns]";
    }
}
