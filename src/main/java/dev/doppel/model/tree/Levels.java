package dev.doppel.model.tree;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FastNormal;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.stats.StepThresholds;
import java.util.Arrays;
import java.util.List;

/**
 * How a column's values are seen by the trees, the same way when fitting and when sampling.
 *
 * <p>As a predictor, a value becomes a small integer level: 0 when missing; for a categorical column 1 + its label
 * code; for a numeric one 1 + its bin among {@value #PREDICTOR_BINS} equal-probability bins of the column's fitted
 * distribution (the mid-point of the value's step of the fitted cdf, spike included). Trees thus split on label codes
 * and quantile bins, never on a value.
 *
 * <p>As a target, a numeric value is an outcome (missing, the spike, or a value) and, for values, a quantile score
 * under the column's marginal: the mid-point of the value's step of the marginal's cdf, so that the marginal's quantile
 * function maps the score back to the value. Splits judge a numeric target by its outcome and its score's bin among
 * {@value #TARGET_BINS}.
 */
public final class Levels {
    /** Quantile bins of a numeric predictor. */
    public static final int PREDICTOR_BINS = 32;
    /** Quantile bins of a numeric target's scores, for judging splits. */
    public static final int TARGET_BINS = 32;
    /** Target classes of a numeric column: missing, spike, then the score bins. */
    static final int NUMERIC_CLASSES = TARGET_BINS + 2;

    private Levels() {}

    /** The number of predictor levels of a column (missing included). */
    public static int count(ColumnModel column) {
        if (column instanceof CategoricalColumn cat) {
            return cat.marginal().labels().size() + 1;
        }
        return PREDICTOR_BINS + 1;
    }

    /** The predictor level of a label code (-1 = missing). */
    public static int ofCode(int code) {
        return code + 1;
    }

    /** The predictor level of a numeric value (NaN = missing). */
    public static int ofNumber(NumericColumn column, double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double u = 0.5 * (column.cdf(Math.nextDown(x)) + column.cdf(x));
        return 1 + Math.min(PREDICTOR_BINS - 1, Math.max(0, (int) (u * PREDICTOR_BINS)));
    }

    /**
     * Where a numeric predictor's level steps up: {@code cuts[b]} is the least double whose level
     * ({@link #ofNumber(NumericColumn, double)}) is at least b + 2, for b from 0 to {@value #PREDICTOR_BINS} − 2
     * (+∞ when no value reaches it). The level is a non-decreasing function of the value (the cdf is), so it is
     * 1 + the number of cuts at or below the value: {@link #ofNumber(double[], double)} finds it with five comparisons
     * instead of two reads of the cdf ({@link StepThresholds}).
     */
    public static double[] cuts(NumericColumn column) {
        double[] steps = StepThresholds.of(PREDICTOR_BINS + 1, x -> ofNumber(column, x), -Double.MAX_VALUE,
                Double.MAX_VALUE);
        return Arrays.copyOfRange(steps, 2, PREDICTOR_BINS + 1);
    }

    /** The predictor level of a numeric value (NaN = missing) from its column's {@link #cuts}. */
    public static int ofNumber(double[] cuts, double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 1 + lo;
    }

    /** The quantile score of a value under a marginal: the mid-point of the cdf's step at it. */
    public static double score(QuantileMarginal marginal, double x) {
        return 0.5 * (marginal.cdf(Math.nextDown(x)) + marginal.cdf(x));
    }

    private static final double[] NORMAL_SCORES = new double[PREDICTOR_BINS + 1];

    static {
        for (int b = 0; b < PREDICTOR_BINS; b++) {
            NORMAL_SCORES[b + 1] = FastNormal.inverse((b + 0.5) / PREDICTOR_BINS);
        }
    }

    /**
     * The normal score of each of a column's predictor levels, as a leaf's regression sees the column (level 0,
     * missing, scores 0, the mean). A numeric column's quantile bin scores as Φ⁻¹ of its middle probability; a
     * categorical column's label as Φ⁻¹ of the middle of its interval when the labels' shares are laid out in the
     * marginal's order (the copula's optimal-scaling order, see the copula's label order): the latent value a Gaussian
     * copula gives the label, so that a leaf regressing on a label carries the same dependence the copula would.
     */
    public static double[] levelScores(ColumnModel column) {
        if (column instanceof CategoricalColumn cat) {
            List<Double> shares = cat.marginal().shares();
            double[] out = new double[shares.size() + 1];
            double below = 0;
            for (int i = 0; i < shares.size(); i++) {
                double mid = below + 0.5 * shares.get(i);
                out[i + 1] = FastNormal.inverse(Math.min(1 - 1e-9, Math.max(1e-9, mid)));
                below += shares.get(i);
            }
            return out;
        }
        return NORMAL_SCORES.clone();
    }

    /**
     * How much of a latent standard normal z a column's level score keeps: the correlation between z and the score of
     * the level z falls in ({@link #levelScores}) when the column's levels (missing aside) cut z at their shares, as a
     * Gaussian copula cuts its latent normal. 0.995 for a numeric column's {@value #PREDICTOR_BINS} quantile bins, 0.80
     * for a 44/56 yes/no, 0 for a single label. It is what a leaf regression on the level sees of the latent.
     */
    static double fidelity(ColumnModel column) {
        double[] scores = levelScores(column);
        double[] share = new double[scores.length - 1];
        if (column instanceof CategoricalColumn cat) {
            for (int i = 0; i < share.length; i++) {
                share[i] = cat.marginal().shares().get(i);
            }
        } else {
            Arrays.fill(share, 1.0 / PREDICTOR_BINS);
        }
        double below = 0;
        double mean = 0;
        double square = 0;
        double cross = 0;
        for (int i = 0; i < share.length; i++) {
            double s = scores[i + 1];
            double above = Math.min(1, below + share[i]);
            double lower = below <= 0 ? 0 : FastNormal.density(FastNormal.inverse(below));
            double upper = above >= 1 ? 0 : FastNormal.density(FastNormal.inverse(above));
            mean += share[i] * s;
            square += share[i] * s * s;
            cross += s * (lower - upper); // E[z; z in the level's band] = φ(lower edge) − φ(upper edge)
            below = above;
        }
        double variance = square - mean * mean;
        return variance > 1e-12 ? Math.max(0, Math.min(1, cross / Math.sqrt(variance))) : 0;
    }

    /**
     * A fixed number in (0, 1) for a (row, column) pair: where a value sits within its cell of probabilities, for the
     * randomised probability integral transform. Deterministic, so fits are reproducible.
     */
    static double jitter(int row, int column) {
        long h = (row + 1L) * 0x9E3779B97F4A7C15L + column * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return ((h >>> 11) + 0.5) * 0x1.0p-53;
    }

    /**
     * A numeric target's score when its values are rounded (to multiples of {@code 2 · half}): a point spread evenly,
     * by a fixed hash of (row, column), over the cell of probabilities [F(x − half), F(x + half)) whose quantiles round to
     * x. A rounded value (a count, a date) is a cell of the marginal, not a point: spreading scores over their cells
     * makes a leaf's score groups cover the cells in the right proportions, so a draw gives back the leaf's shares of
     * the values instead of blurring neighbouring ones. The randomised probability integral transform; deterministic.
     * Without rounding ({@code half} 0), or when the cell is empty, it is the mid-step {@link #score}.
     */
    static double cellScore(QuantileMarginal marginal, double x, double half, int row, int column) {
        if (half > 0) {
            double lo = marginal.cdf(x - half);
            double hi = marginal.cdf(Math.nextDown(x + half));
            if (hi > lo) {
                return lo + (hi - lo) * jitter(row, column);
            }
        }
        return score(marginal, x);
    }

    /** The split class of a numeric target's score. */
    static int scoreClass(double score) {
        return 2 + Math.min(TARGET_BINS - 1, Math.max(0, (int) (score * TARGET_BINS)));
    }
}
