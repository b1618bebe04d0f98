package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The dependence between columns: a correlation matrix of normal scores, positive definite, with its Cholesky factor
 * for sampling. {@code shrinkage} says how far the estimate had to be pulled towards the identity to be positive
 * definite (0 when it already was).
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
        this.cholesky = Cholesky.factor(this.correlation);
        if (this.cholesky == null) {
            throw new IllegalArgumentException("copula: the correlation matrix is not positive definite");
        }
    }

    /** Builds from an estimated correlation matrix, shrinking it towards the identity until it is positive definite. */
    public static GaussianCopula repaired(List<String> columns, double[][] estimate) {
        int d = estimate.length;
        double lambda = 0;
        for (int attempt = 0; attempt < 60; attempt++) {
            double[][] r = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    r[i][j] = i == j ? 1.0 : round((1 - lambda) * estimate[i][j]);
                }
            }
            if (Cholesky.factor(r) != null) {
                return new GaussianCopula(columns, r, lambda);
            }
            lambda = lambda == 0 ? 1e-6 : Math.min(1, lambda * 2);
        }
        throw new IllegalStateException("correlation repair did not converge");
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
