package dev.doppel.generate;

import dev.doppel.stats.StepThresholds;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One uniform per column and row of a batch, stratified over the batch's rows (Latin hypercube sampling): for column
 * {@code c} and {@code m} rows, row {@code r} gets {@code (π_c(r) + v) / m}, where {@code π_c} is a random permutation
 * of {@code 0..m-1} drawn per column and {@code v} is uniform in [0, 1), drawn per cell.
 *
 * <p>Why: each row's uniforms are still independent of one another and uniform in (0, 1), exactly as iid draws, so
 * every row is an exact draw from the model; but across the batch a column's uniforms fall one in each of the
 * {@code m} equal strata of (0, 1), so the shares and quantiles of a column drawn from them miss the model's by about
 * 1/m instead of the 1/√m of iid draws. Everything comes from the batch's random stream, so the uniforms are a function
 * of the seed and the batch index alone.
 */
final class StratifiedUniforms {
    /** The largest double below 1: a uniform is kept in (0, 1), where Φ⁻¹ is finite. */
    private static final double BELOW_ONE = Math.nextDown(1.0);

    /**
     * The fewest values {@link #rankMap} is used on. Rank-mapping keeps the dependence the values carry only as their
     * rank order, and with few values that order is coarse: a correlation of 0.785 came out as 0.774 over batches of
     * 100 rows, 0.734 over 20 and 0.688 over 10 (copula, pooled over many batches). Below this many values the
     * samplers keep every row an exact draw instead: the copula's latent normals are left as drawn, and a tree leaf's
     * regression takes stratified noise (Φ⁻¹ of {@link #fill}'s uniforms), which stratifies only part of the draw.
     */
    static final int RANK_MAP_MIN_ROWS = 100;

    private final double[][] uniforms; // [column][row]

    /** Draws {@code columns} columns of {@code rows} stratified uniforms from {@code rng}, column after column. */
    StratifiedUniforms(int columns, int rows, UniformRandomProvider rng) {
        uniforms = new double[columns][rows];
        for (int c = 0; c < columns; c++) {
            fill(uniforms[c], rows, rng);
        }
    }

    /**
     * Fills {@code u[0, m)} with m stratified uniforms: a random permutation of the m strata (Fisher-Yates), then a
     * uniform offset within each. The tree sampler draws one such set per leaf of a column, over the leaf's rows.
     */
    static void fill(double[] u, int m, UniformRandomProvider rng) {
        for (int r = 0; r < m; r++) {
            u[r] = r;
        }
        for (int r = m - 1; r > 0; r--) { // Fisher-Yates: the strata in random order
            int j = rng.nextInt(r + 1);
            double t = u[r];
            u[r] = u[j];
            u[j] = t;
        }
        for (int r = 0; r < m; r++) {
            u[r] = open((u[r] + rng.nextDouble()) / m);
        }
    }

    /**
     * Replaces {@code w[0, m)} by m stratified uniforms in the same rank order: the value of rank k becomes
     * {@code (k + v) / m}, v uniform (drawn in rank order). The dependence the w carry (a leaf regression's mean given
     * the row) is kept as their rank order, while their distribution becomes exactly one uniform per stratum, as
     * {@link RowSampler}'s copula does with each latent dimension. Ties keep the index order. {@code keys} is scratch
     * space of at least m. The rank order is all that is kept of the dependence, so a correlation comes out weaker by
     * about 1/m of itself: callers use it on at least {@link #RANK_MAP_MIN_ROWS} values.
     */
    static void rankMap(double[] w, int m, long[] keys, UniformRandomProvider rng) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1));
        long mask = (1L << bits) - 1;
        for (int r = 0; r < m; r++) {
            keys[r] = StepThresholds.sortable(w[r]) & ~mask | r; // order-preserving bits, index in the low bits
        }
        Arrays.sort(keys, 0, m); // signed order of the keys is the order of w (to about 1e-12 of w)
        for (int k = 0; k < m; k++) {
            w[(int) (keys[k] & mask)] = open((k + rng.nextDouble()) / m);
        }
    }

    /** Row {@code row}'s uniform for column {@code column}, in (0, 1). */
    double get(int column, int row) {
        return uniforms[column][row];
    }

    /** u moved into the open interval (0, 1) when it lies on a bound (0 drawn, or 1 by rounding). */
    static double open(double u) {
        return Math.max(Double.MIN_VALUE, Math.min(BELOW_ONE, u));
    }
}
