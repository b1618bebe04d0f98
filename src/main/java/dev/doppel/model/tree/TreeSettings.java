package dev.doppel.model.tree;

import java.util.List;

/**
 * Knobs of the sequential tree model.
 *
 * @param minLeaf the fewest training rows a leaf may hold (and so the fewest any stored leaf summary describes), at
 *     least the model's k; 0 = automatic, {@link #automaticMinLeaf} (no split below {@value #MIN_SPLIT_ROWS} rows)
 * @param maxDepth the deepest a tree may grow
 * @param order columns visited first, in this order (the rest follow in the automatic order); empty for fully
 *     automatic
 * @param smoothing pseudo-rows of the column's overall distribution mixed into every leaf's label and state shares
 *     (0 = the leaf's own shares): how far a leaf's rare outcomes are blurred towards the whole column's
 * @param significance the level a split's chi-squared test must reach, Bonferroni-adjusted (see TreeGrower); 1 grows
 *     plain CART trees that also split on chance patterns
 */
public record TreeSettings(int minLeaf, int maxDepth, List<String> order, double smoothing, double significance) {
    /** The smallest automatic minimum leaf size. */
    public static final int DEFAULT_MIN_LEAF = 5;
    public static final int DEFAULT_MAX_DEPTH = 30;
    public static final double DEFAULT_SMOOTHING = 0.5;
    /**
     * Measured on the shared datasets (bench/quality.sh): with the test at 5%, quality on the four larger tables stays
     * within 0.001 of plain CART's while the share of synthetic rows nearer a training row than an unseen one falls
     * from 0.52-0.64 to 0.51-0.54, and fitting takes half the time.
     */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;

    public TreeSettings {
        order = order == null ? List.of() : List.copyOf(order);
        if (minLeaf < 0) {
            throw new IllegalArgumentException("min leaf must be 0 (automatic) or more");
        }
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("max depth must be between 1 and 64");
        }
        if (!(smoothing >= 0) || !Double.isFinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be a finite number >= 0");
        }
        if (significance == 0) {
            significance = DEFAULT_SIGNIFICANCE; // a model file written before splits were tested
        }
        if (!(significance > 0 && significance <= 1)) {
            throw new IllegalArgumentException("significance must be above 0 and at most 1");
        }
    }

    /** Settings without a significance level: the default one. */
    public TreeSettings(int minLeaf, int maxDepth, List<String> order, double smoothing) {
        this(minLeaf, maxDepth, order, smoothing, DEFAULT_SIGNIFICANCE);
    }

    public static TreeSettings defaults(int k) {
        return new TreeSettings(0, DEFAULT_MAX_DEPTH, List.of(), DEFAULT_SMOOTHING, DEFAULT_SIGNIFICANCE);
    }

    /** The largest automatic minimum leaf size. */
    public static final int AUTOMATIC_MIN_LEAF_CAP = 100;

    /**
     * Below this many training rows the automatic minimum leaf is the whole table: the trees do not split, and each
     * column is drawn from the Gaussian copula's conditional given the columns before it. A split there leaves
     * children of fewer than 100 rows, each of whose distributions is then fitted on a few dozen rows. On
     * mall_customers (100 training rows, 300 halves, see bench/quality.sh) the splits the test let through were real
     * (with the columns shuffled independently, fewer than 1% of the trees split) but gave no quality (0.9017 with
     * them, 0.9016 without) and put 0.009 ± 0.002 more of the synthetic rows nearer a training row than an unseen one.
     * It is the same bound below which {@code model: auto} keeps the copula. An explicit min leaf still splits.
     */
    public static final int MIN_SPLIT_ROWS = 200;

    /**
     * The automatic minimum leaf size for n training rows: √n, at least k and 5, at most
     * {@value #AUTOMATIC_MIN_LEAF_CAP}; below {@value #MIN_SPLIT_ROWS} rows, n (no split). Measured on the shared
     * datasets (fit on one half, compare with the other, see bench/quality.sh): leaves of 5 rows reproduce their
     * training rows too closely (63-66% of synthetic rows nearer a training row than an unseen one), leaves of √n rows
     * score as well as a fresh sample with that share at 52-54%.
     */
    public static int automaticMinLeaf(int n, int k) {
        int floor = Math.max(k, DEFAULT_MIN_LEAF);
        if (n < MIN_SPLIT_ROWS) {
            return Math.max(floor, n);
        }
        int leaf = (int) Math.round(Math.sqrt(n));
        return Math.max(floor, Math.min(AUTOMATIC_MIN_LEAF_CAP, leaf));
    }

    /** The minimum leaf size in effect for n training rows. */
    public int minLeafFor(int n, int k) {
        return minLeaf == 0 ? automaticMinLeaf(n, k) : Math.max(minLeaf, k);
    }
}
