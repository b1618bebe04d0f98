package dev.doppel.model.tree;

import java.util.List;

/**
 * One column's tree, stored as parallel arrays (node 0 is the root).
 *
 * <p>A node {@code i} with {@code feature[i] >= 0} splits on predictor {@code predictors.get(feature[i])}: a row goes
 * to node {@code next[i]} when bit {@code level} of {@code left[i]} is set (its level: 0 for missing, else 1 + the
 * label code of a categorical predictor or 1 + the quantile bin of a numeric one, see {@link Levels}), and to
 * {@code next[i] + 1} otherwise. A node with {@code feature[i] == -1} is a leaf: {@code leaves.get(next[i])}.
 *
 * @param column the column this tree draws
 * @param predictors the columns it splits on (all drawn before it)
 * @param feature per node: the predictor index, or -1 for a leaf
 * @param next per node: the left child, or the leaf index
 * @param left per node: the levels that go left, as a bit set (empty for leaves)
 * @param leaves the leaves
 */
public record ColumnTree(String column, List<String> predictors, int[] feature, int[] next, long[][] left,
        List<Leaf> leaves) {
    public ColumnTree {
        predictors = List.copyOf(predictors);
        leaves = List.copyOf(leaves);
        if (feature.length != next.length || feature.length != left.length || feature.length == 0) {
            throw new IllegalArgumentException("tree '" + column + "': node arrays differ in length");
        }
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= predictors.size() || feature[i] < -1) {
                throw new IllegalArgumentException("tree '" + column + "': node " + i + " splits on no predictor");
            }
            int limit = feature[i] < 0 ? leaves.size() : feature.length - 1;
            if (next[i] < 0 || next[i] >= limit || feature[i] >= 0 && next[i] <= i) {
                throw new IllegalArgumentException("tree '" + column + "': node " + i + " points nowhere");
            }
        }
    }

    /**
     * What a leaf's training rows look like, in aggregate.
     *
     * <p>Outcomes: for a categorical column, {@code codes} are label codes (-1 = missing); for a numeric one, -1 =
     * missing, -2 = the spike value, 0 = a value from the marginal, drawn through a quantile score from one of the
     * groups. A group summarises at least k of the leaf's scores (sorted, then cut into runs of equal size) by their mean
     * and standard deviation; a draw picks a group by its weight and a score uniformly within mean ± √3 sd (the same
     * mean and spread). A leaf with a few scores only (fewer than k) borrows the groups of the nearest ancestor that has
     * k.
     *
     * <p>Within the leaf, a value may still depend on columns drawn before it: a Gaussian regression of the row's
     * normal score within the leaf on those columns' normal scores (see {@link Levels#levelScores}: a numeric column's
     * quantile bin, a label's latent value in the copula's order). A numeric value's normal score is Φ⁻¹ of its rank
     * among the leaf's values; a label's is Φ⁻¹ of a point within the label's share of the leaf, the outcomes laid out
     * in code order. A draw takes w = Σ slope·(score − center) + residual·N(0, 1) and reads the leaf's score groups
     * (numeric) or its outcome shares (categorical) at the probability Φ(w), so the leaf keeps its own distribution and
     * the regression only orders the draws. With no regressors (empty arrays, residual 1) the draw is the leaf's
     * distribution alone. A tree that never splits takes its regression from the copula's correlations (the copula's
     * conditional of the column given the earlier columns, see TreeGrower), and a deep one refines it.
     *
     * @param rows training rows in the leaf
     * @param codes outcomes seen in the leaf
     * @param counts rows per outcome
     * @param mean per group: mean quantile score (numeric columns; empty otherwise)
     * @param spread per group: standard deviation of the scores
     * @param weight per group: rows
     * @param regressors indices into the tree's predictors of the columns the leaf regresses on
     * @param centers per regressor: its mean normal score in the leaf
     * @param slopes per regressor: its coefficient
     * @param residual the standard deviation of the regression's residual (1 without regressors)
     */
    public record Leaf(int rows, int[] codes, int[] counts, double[] mean, double[] spread, int[] weight,
            int[] regressors, double[] centers, double[] slopes, double residual) {
        public Leaf {
            regressors = regressors == null ? new int[0] : regressors;
            centers = centers == null ? new double[0] : centers;
            slopes = slopes == null ? new double[0] : slopes;
            if (regressors.length == 0 && residual == 0) {
                residual = 1; // a model file written before leaves had regressions
            }
            if (codes.length != counts.length || mean.length != spread.length || mean.length != weight.length
                    || regressors.length != centers.length || regressors.length != slopes.length) {
                throw new IllegalArgumentException("leaf: arrays differ in length");
            }
        }

        /** A leaf without a regression. */
        public Leaf(int rows, int[] codes, int[] counts, double[] mean, double[] spread, int[] weight) {
            this(rows, codes, counts, mean, spread, weight, new int[0], new double[0], new double[0], 1);
        }

        @Override
        public String toString() {
            return "Leaf[" + rows + " rows]";
        }
    }

    /** Whether a row whose predictor has {@code level} goes left at a node whose left levels are {@code bits}. */
    public static boolean goesLeft(long[] bits, int level) {
        int word = level >>> 6;
        return word < bits.length && (bits[word] & (1L << level)) != 0;
    }

    @Override
    public String toString() {
        return "ColumnTree[" + column + ", " + feature.length + " nodes]";
    }
}
