package dev.doppel.model.tree;

import dev.doppel.model.FastNormal;
import dev.doppel.stats.Correlations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Grows one column's classification tree (CART with the Gini criterion) on the levels of the columns before it.
 *
 * <p>Targets are classes: a categorical column's label codes (missing included), a numeric column's outcome (missing,
 * spike) or the bin of its quantile score, so one criterion serves both and a split is judged by the whole shape of the
 * numeric distribution, not only its mean. A split sends a set of a predictor's levels left:
 * <ul>
 *   <li>numeric predictors keep their order: a threshold among the quantile bins, with missing on either side;</li>
 *   <li>categorical predictors are ordered, per node, by their class shares' position on the first principal axis
 *       (Coppersmith, Hong and Hosking 1999), then cut like an ordered one: linear in the labels, so 50 US states cost
 *       no more than a few numbers (an exhaustive search over subsets would cost 2^49).</li>
 * </ul>
 * A predictor may split a node only when it is significantly associated with the target there (conditional
 * inference, as in Hothorn, Hornik and Zeileis 2006, with chi-squared tests): for an ordered predictor the 2 × classes
 * table of its best cut, Bonferroni-adjusted for the cuts tried; for a categorical one the levels × classes table. Each
 * p-value is also adjusted for the number of predictors and must stay below {@code alpha}. Among the predictors that
 * pass, the Gini criterion picks the split. So a tree does not learn noise: a column independent of the ones before it
 * gets no split however small its leaves may be, and rows are not reproduced through chance patterns.
 * Growth stops at {@code maxDepth}, when a node is pure, when no predictor passes the test, or when no split leaves
 * {@code minLeaf} rows on both sides.
 *
 * <p>A numeric leaf describes its values' quantile scores with groups of at least k, except the root: a column's
 * scores over all the rows are its marginal's cdf at its own values, uniform by construction up to the marginal's
 * fitting error, so groups there would only store that error as if it were structure. A root leaf stores none and draws
 * the marginal, as the copula does. Measured with bench/quality.sh on mall_customers (100 training rows, where most
 * trees never split; 300 halves): the share of synthetic rows nearer a training row than an unseen one fell by 0.002,
 * and quality by 0.002 (the groups had refitted the training rows quality is scored against). On telco,
 * bank_marketing and adult every numeric tree splits, so their output is the same. A root leaf's regression, too,
 * is the copula's: see {@link #conditional}.
 *
 * <p>Not thread-safe; deterministic (ties go to the first predictor, then the first cut).
 */
final class TreeGrower {
    /** Most groups a numeric leaf describes its scores with. */
    static final int MAX_GROUPS = 16;
    private static final int POWER_ITERATIONS = 12;

    private final int[][] levels;
    private final int[] levelCount;
    private final boolean[] ordered;
    private final double[][] levelScores;
    private final int[] cls;
    private final int classes;
    private final double[] score;
    private final double[] jitter;
    private final int minLeaf;
    private final int maxDepth;
    private final int k;
    private final double alpha;
    private final Supplier<RootConditional> root;
    private final int[] rows;

    private final List<Integer> feature = new ArrayList<>();
    private final List<Integer> next = new ArrayList<>();
    private final List<long[]> left = new ArrayList<>();
    private final List<ColumnTree.Leaf> leaves = new ArrayList<>();

    private final int[] hist;
    private final int[] levelTotal;
    private final int[] touched;
    private final int[] nodeCounts;
    private final int[] leftCounts;
    private final int[] rightCounts;
    private final int[] ancestorFrom;
    private final int[] ancestorTo;
    private final double[] direction;
    private final double[] work;
    private final double[] deviation;
    private final int[] bestLeft;
    private int cutsTried;
    private int bestLeftRows;

    /**
     * @param levels per predictor, per row its level
     * @param levelCount per predictor, its number of levels
     * @param ordered per predictor, true for numeric (ordered) levels
     * @param levelScores per predictor, per level, the normal score a leaf's regression sees (see
     *     {@link Levels#levelScores})
     * @param cls per row, its target class
     * @param classes the number of target classes
     * @param score per row, a numeric target's quantile score (NaN unless a value); null for a categorical target
     * @param jitter per row, a fixed number in (0, 1) placing a categorical target's row within its label's share of a
     *     leaf (see {@link #labelScores}); null for a numeric target
     * @param minLeaf the fewest rows a leaf may hold
     * @param maxDepth the deepest a leaf may lie
     * @param k the fewest scores a stored group may summarise
     * @param alpha the significance level a split's test must reach (1 = no test, plain CART)
     * @param root the copula's conditional of the column, asked for when the tree does not split (see
     *     {@link #conditional}); null, or null from it, when the copula cannot give it
     */
    TreeGrower(int[][] levels, int[] levelCount, boolean[] ordered, double[][] levelScores, int[] cls, int classes,
            double[] score, double[] jitter, int minLeaf, int maxDepth, int k, double alpha,
            Supplier<RootConditional> root) {
        if ((score == null) == (jitter == null)) {
            throw new IllegalArgumentException("a target has either scores (numeric) or jitter (categorical)");
        }
        this.levels = levels;
        this.levelCount = levelCount;
        this.ordered = ordered;
        this.levelScores = levelScores;
        this.cls = cls;
        this.classes = classes;
        this.score = score;
        this.jitter = jitter;
        this.minLeaf = minLeaf;
        this.maxDepth = maxDepth;
        this.k = k;
        this.alpha = alpha;
        this.root = root;
        this.rows = new int[cls.length];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r;
        }
        int maxLevels = 1;
        for (int c : levelCount) {
            maxLevels = Math.max(maxLevels, c);
        }
        hist = new int[maxLevels * classes];
        levelTotal = new int[maxLevels];
        touched = new int[maxLevels];
        nodeCounts = new int[classes];
        leftCounts = new int[classes];
        rightCounts = new int[classes];
        ancestorFrom = new int[maxDepth + 1];
        ancestorTo = new int[maxDepth + 1];
        direction = new double[classes];
        work = new double[classes];
        deviation = new double[maxLevels * classes];
        bestLeft = new int[classes];
    }

    ColumnTree grow(String column, List<String> predictors) {
        feature.add(-1);
        next.add(0);
        left.add(new long[0]);
        build(0, 0, rows.length, 0);
        int n = feature.size();
        int[] f = new int[n];
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = feature.get(i);
            x[i] = next.get(i);
        }
        return new ColumnTree(column, predictors, f, x, left.toArray(new long[0][]), leaves);
    }

    /** The best split found at a node. */
    private record Split(int predictor, long[] goLeft, double gain) {}

    private void build(int node, int from, int to, int depth) {
        ancestorFrom[depth] = from;
        ancestorTo[depth] = to;
        int n = to - from;
        Arrays.fill(nodeCounts, 0);
        for (int i = from; i < to; i++) {
            nodeCounts[cls[rows[i]]]++;
        }
        boolean pure = false;
        for (int c = 0; c < classes; c++) {
            pure |= nodeCounts[c] == n;
        }
        Split best = depth >= maxDepth || n < 2 * minLeaf || pure ? null : bestSplit(from, to);
        if (best == null) {
            feature.set(node, -1);
            next.set(node, leaves.size());
            leaves.add(leaf(from, to, depth));
            return;
        }
        int mid = partition(from, to, levels[best.predictor()], best.goLeft());
        int child = feature.size();
        for (int i = 0; i < 2; i++) {
            feature.add(-1);
            next.add(0);
            left.add(new long[0]);
        }
        feature.set(node, best.predictor());
        next.set(node, child);
        left.set(node, best.goLeft());
        build(child, from, mid, depth + 1);
        build(child + 1, mid, to, depth + 1);
    }

    /** Moves the rows whose level is in {@code goLeft} to the front of [from, to); returns where the rest start. */
    private int partition(int from, int to, int[] level, long[] goLeft) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (ColumnTree.goesLeft(goLeft, level[rows[i]])) {
                i++;
            } else {
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
                j--;
            }
        }
        return i;
    }

    private Split bestSplit(int from, int to) {
        int n = to - from;
        double parent = 0;
        for (int c = 0; c < classes; c++) {
            parent += (double) nodeCounts[c] * nodeCounts[c];
        }
        parent /= n;
        Split best = null;
        for (int p = 0; p < levels.length; p++) {
            int[] level = levels[p];
            int touchedCount = 0;
            for (int i = from; i < to; i++) {
                int r = rows[i];
                int lv = level[r];
                if (levelTotal[lv]++ == 0) {
                    touched[touchedCount++] = lv;
                }
                hist[lv * classes + cls[r]]++;
            }
            if (touchedCount > 1) {
                int[] seq = Arrays.copyOf(touched, touchedCount);
                cutsTried = 0;
                if (ordered[p]) {
                    Arrays.sort(seq); // missing (0) first
                    Split candidate = scan(p, seq, n, parent);
                    double statistic = candidate == null ? 0 : cutStatistic(n);
                    if (seq[0] == 0 && touchedCount > 2) {
                        int[] missingLast = new int[touchedCount];
                        System.arraycopy(seq, 1, missingLast, 0, touchedCount - 1);
                        missingLast[touchedCount - 1] = 0;
                        Split other = scan(p, missingLast, n, parent);
                        if (other != null && (candidate == null || other.gain() > candidate.gain() + 1e-9)) {
                            candidate = other;
                            statistic = cutStatistic(n);
                        }
                    }
                    if (candidate != null && significant(statistic, presentClasses() - 1,
                            (double) cutsTried * levels.length)) {
                        best = better(best, candidate);
                    }
                } else if (significant(tableStatistic(touchedCount, n),
                        (long) (touchedCount - 1) * (presentClasses() - 1), levels.length)) {
                    seq = principalOrder(seq, n);
                    if (seq != null) {
                        best = better(best, scan(p, seq, n, parent));
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int lv = touched[t];
                levelTotal[lv] = 0;
                Arrays.fill(hist, lv * classes, (lv + 1) * classes, 0);
            }
        }
        return best;
    }

    private static Split better(Split best, Split candidate) {
        if (candidate == null) {
            return best;
        }
        return best == null || candidate.gain() > best.gain() + 1e-9 ? candidate : best;
    }

    /**
     * The best cut of {@code seq} (levels in order; the first i + 1 go left) by the Gini criterion: maximises
     * sum(left²)/nLeft + sum(right²)/nRight - sum(all²)/n, the decrease of n times the Gini impurity.
     */
    private Split scan(int p, int[] seq, int n, double parent) {
        Arrays.fill(leftCounts, 0);
        System.arraycopy(nodeCounts, 0, rightCounts, 0, classes);
        double sumSqLeft = 0;
        double sumSqRight = 0;
        for (int c = 0; c < classes; c++) {
            sumSqRight += (double) nodeCounts[c] * nodeCounts[c];
        }
        int nLeft = 0;
        double bestGain = 1e-9 * n;
        int bestCut = -1;
        for (int i = 0; i < seq.length - 1; i++) {
            int base = seq[i] * classes;
            for (int c = 0; c < classes; c++) {
                int a = hist[base + c];
                if (a != 0) {
                    sumSqLeft += (2.0 * leftCounts[c] + a) * a;
                    leftCounts[c] += a;
                    sumSqRight += (a - 2.0 * rightCounts[c]) * a;
                    rightCounts[c] -= a;
                }
            }
            nLeft += levelTotal[seq[i]];
            int nRight = n - nLeft;
            if (nLeft < minLeaf) {
                continue;
            }
            if (nRight < minLeaf) {
                break;
            }
            cutsTried++;
            double gain = sumSqLeft / nLeft + sumSqRight / nRight - parent;
            if (gain > bestGain + 1e-12) {
                bestGain = gain;
                bestCut = i;
                System.arraycopy(leftCounts, 0, bestLeft, 0, classes);
                bestLeftRows = nLeft;
            }
        }
        if (bestCut < 0) {
            return null;
        }
        long[] bits = new long[(levelCount[p] + 63) >>> 6];
        for (int i = 0; i <= bestCut; i++) {
            bits[seq[i] >>> 6] |= 1L << seq[i];
        }
        return new Split(p, bits, bestGain);
    }

    /** How many target classes the node holds. */
    private int presentClasses() {
        int present = 0;
        for (int c = 0; c < classes; c++) {
            present += nodeCounts[c] > 0 ? 1 : 0;
        }
        return present;
    }

    /** Pearson's chi-squared statistic of the 2 × classes table of the last best cut {@link #scan} recorded. */
    private double cutStatistic(int n) {
        int nLeft = bestLeftRows;
        int nRight = n - nLeft;
        double statistic = 0;
        for (int c = 0; c < classes; c++) {
            int total = nodeCounts[c];
            if (total == 0) {
                continue;
            }
            double share = (double) total / n;
            double expectLeft = nLeft * share;
            double expectRight = nRight * share;
            double dl = bestLeft[c] - expectLeft;
            double dr = total - bestLeft[c] - expectRight;
            statistic += dl * dl / expectLeft + dr * dr / expectRight;
        }
        return statistic;
    }

    /** Pearson's chi-squared statistic of the levels × classes table in {@link #hist} (the touched levels). */
    private double tableStatistic(int touchedCount, int n) {
        double statistic = 0;
        for (int t = 0; t < touchedCount; t++) {
            int lv = touched[t];
            double rowsAtLevel = levelTotal[lv];
            int base = lv * classes;
            for (int c = 0; c < classes; c++) {
                int total = nodeCounts[c];
                if (total == 0) {
                    continue;
                }
                double expect = rowsAtLevel * total / n;
                double d = hist[base + c] - expect;
                statistic += d * d / expect;
            }
        }
        return statistic;
    }

    /**
     * Whether a chi-squared statistic with {@code df} degrees of freedom is significant at {@link #alpha} after a
     * Bonferroni adjustment for {@code tests} tests.
     */
    private boolean significant(double statistic, long df, double tests) {
        if (alpha >= 1) {
            return true;
        }
        if (df < 1 || !(statistic > 0)) {
            return false;
        }
        return ChiSquaredDistribution.of(df).survivalProbability(statistic) * Math.max(1, tests) < alpha;
    }

    /**
     * The touched levels ordered by their class shares' projection on the first principal axis of the shares
     * (weighted by rows, found by power iteration); null when every level has the same shares (nothing to split).
     */
    private int[] principalOrder(int[] seq, int n) {
        int m = seq.length;
        double bestNorm = 0;
        int start = -1;
        for (int i = 0; i < m; i++) {
            int lv = seq[i];
            double total = levelTotal[lv];
            double norm = 0;
            for (int c = 0; c < classes; c++) {
                double d = hist[lv * classes + c] / total - (double) nodeCounts[c] / n;
                deviation[i * classes + c] = d;
                norm += d * d;
            }
            if (total * norm > bestNorm + 1e-15) {
                bestNorm = total * norm;
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        System.arraycopy(deviation, start * classes, direction, 0, classes);
        for (int iter = 0; iter < POWER_ITERATIONS; iter++) {
            Arrays.fill(work, 0);
            for (int i = 0; i < m; i++) {
                double dot = 0;
                int base = i * classes;
                for (int c = 0; c < classes; c++) {
                    dot += deviation[base + c] * direction[c];
                }
                double w = levelTotal[seq[i]] * dot;
                for (int c = 0; c < classes; c++) {
                    work[c] += w * deviation[base + c];
                }
            }
            double norm = 0;
            for (double w : work) {
                norm += w * w;
            }
            if (norm <= 0) {
                break;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < classes; c++) {
                direction[c] = work[c] / norm;
            }
        }
        double[] projection = new double[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                dot += deviation[i * classes + c] * direction[c];
            }
            projection[i] = dot;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byProjection = Double.compare(projection[a], projection[b]);
            return byProjection != 0 ? byProjection : Integer.compare(seq[a], seq[b]);
        });
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = seq[order[i]];
        }
        return out;
    }

    /** The leaf of rows [from, to) at {@code depth}: outcome counts, and for a numeric target its score groups. */
    private ColumnTree.Leaf leaf(int from, int to, int depth) {
        int n = to - from;
        if (score == null) {
            int distinct = 0;
            for (int c = 0; c < classes; c++) {
                distinct += nodeCounts[c] > 0 ? 1 : 0;
            }
            int[] codes = new int[distinct];
            int[] counts = new int[distinct];
            int i = 0;
            for (int c = 0; c < classes; c++) {
                if (nodeCounts[c] > 0) {
                    codes[i] = c - 1;
                    counts[i++] = nodeCounts[c];
                }
            }
            RootConditional conditional = depth == 0 && distinct > 1 ? rootConditional() : null;
            Regression regression = distinct <= 1 || n < Math.max(k, MIN_REGRESSION_VALUES) ? Regression.NONE
                    : conditional != null ? conditional(leafRows(from, to), conditional)
                    : regression(leafRows(from, to), labelScores(from, to), labelAttenuation(n));
            return new ColumnTree.Leaf(n, codes, counts, new double[0], new double[0], new int[0],
                    regression.regressors(), regression.centers(), regression.slopes(), regression.residual());
        }
        int missing = nodeCounts[0];
        int spike = nodeCounts[1];
        int values = n - missing - spike;
        List<Integer> codes = new ArrayList<>(3);
        List<Integer> counts = new ArrayList<>(3);
        for (int[] outcome : new int[][] {{-1, missing}, {-2, spike}, {0, values}}) {
            if (outcome[1] > 0) {
                codes.add(outcome[0]);
                counts.add(outcome[1]);
            }
        }
        RootConditional conditional = depth == 0 && values == n ? rootConditional() : null;
        Regression regression = values < Math.max(k, MIN_REGRESSION_VALUES) ? Regression.NONE
                : conditional != null ? conditional(valueRows(from, to, values), conditional)
                : regression(valueRows(from, to, values), null, 1);
        // The root's scores are the marginal's own (see the class comment): a leaf that would describe them, as the
        // root itself or as the nearest ancestor with k values of a leaf with fewer, stores no groups.
        double[] scores = values >= k && depth > 0 ? scores(from, to, values) : null;
        for (int d = depth - 1; scores == null && d >= 1; d--) {
            int inAncestor = countValues(ancestorFrom[d], ancestorTo[d]);
            if (inAncestor >= k) {
                scores = scores(ancestorFrom[d], ancestorTo[d], inAncestor);
            }
        }
        double[] mean = new double[0];
        double[] spread = new double[0];
        int[] weight = new int[0];
        if (scores != null) {
            Arrays.sort(scores);
            int[] ends = groupEnds(scores);
            int groups = ends.length;
            mean = new double[groups];
            spread = new double[groups];
            weight = new int[groups];
            int at = 0;
            for (int g = 0; g < groups; g++) {
                int len = ends[g] - at;
                double sum = 0;
                for (int i = at; i < ends[g]; i++) {
                    sum += scores[i];
                }
                double mu = sum / len;
                double ss = 0;
                for (int i = at; i < ends[g]; i++) {
                    ss += (scores[i] - mu) * (scores[i] - mu);
                }
                mean[g] = round(mu);
                spread[g] = round(Math.sqrt(ss / len));
                weight[g] = len;
                at = ends[g];
            }
        }
        return new ColumnTree.Leaf(n, codes.stream().mapToInt(Integer::intValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray(), mean, spread, weight, regression.regressors(),
                regression.centers(), regression.slopes(), regression.residual());
    }

    /** A leaf's regression of its rows' normal scores on predictors (see {@link ColumnTree.Leaf}). */
    private record Regression(int[] regressors, double[] centers, double[] slopes, double residual) {
        static final Regression NONE = new Regression(new int[0], new double[0], new double[0], 1);
    }

    /** The most predictors a leaf regresses on. */
    static final int MAX_REGRESSORS = 6;
    /**
     * The z a predictor's correlation r with a leaf's m scores must pass to enter its regression, |r| √m > z, when
     * {@code usable} predictors vary in the leaf: Φ⁻¹(1 − 1/(2·usable)), a two-sided test at 1/usable, so that on
     * average at most one predictor unrelated to the column enters per leaf; the ridge shrinks what does. With one or
     * two predictors the screen is loose (z = 0, 0.67) and a leaf keeps the weak correlations a small table holds, as
     * the copula keeps every correlation; with 19 it is z = 1.94. Measured with bench/quality.sh (tree quality, mean
     * over random halves): mall_customers (100 training rows, 100 halves) 0.8978 with a fixed 1% test (z = 2.58),
     * 0.9005 with z = 1.5, 0.9027 with this screen (the copula: 0.9028); telco (4 halves) 0.9845, 0.9850, 0.9840.
     */
    private static double screen(int usable) {
        return screen(usable, 1);
    }

    /** Φ⁻¹(1 − level/(2·usable)): the z of a two-sided test at {@code level}, Bonferroni-adjusted for usable tests. */
    private static double screen(int usable, double level) {
        return FastNormal.inverse(1 - level / (2.0 * Math.max(1, usable)));
    }

    /**
     * Whether a label's leaf regression shows a dependence beyond chance: its strongest predictor's correlation r with
     * the label scores passes |r| √m > Φ⁻¹(1 − α/(2·usable)), a two-sided test at the trees' significance α,
     * Bonferroni-adjusted for the {@code usable} predictors it was picked from (the same standard a split meets; with
     * α = 1 it is the screen itself, so plain CART keeps every regression).
     *
     * <p>Why labels need it and numbers do not: a label's regression is rescaled to the latent normal behind it
     * (divided by the attenuation a, see {@link #labelAttenuation}), which scales its explained variance by 1/a², 2.5×
     * for an even yes/no and 9× for a 10% label. The loose screen lets about one unrelated predictor into each leaf, so
     * with no dependence at all a leaf of m rows still finds an R² of 1/m to a few times 1/m; rescaled, chance alone
     * would explain 2.5 to 9 times that, and the label's draws would follow the training rows' accidents. A number's
     * regression is not rescaled: its chance R² stays at the level the copula keeps too. Measured with
     * bench/quality.sh: on mall_customers (100 training rows, 300 halves) the share of synthetic rows nearer a training
     * row than an unseen one fell by 0.0096 ± 0.003 and quality did not move (+0.0002 ± 0.0006); on telco and adult (12
     * halves) and marketing_campaign (20) neither moved by more than its standard error. A tree that does not split no
     * longer fits its own regression (see {@link #conditional}): the copula's estimate of a label's correlations is
     * not rescaled from a leaf's chance R² but shrunk by the evidence behind it, so the test now guards the leaves
     * below a split only.
     */
    private boolean labelDependenceShown(List<Double> strength, int usable, int m) {
        if (alpha >= 1) {
            return true;
        }
        double strongest = 0;
        for (double r : strength) {
            strongest = Math.max(strongest, r);
        }
        return strongest * Math.sqrt(m) > screen(usable, alpha);
    }

    /** The fewest values a leaf regresses with. */
    static final int MIN_REGRESSION_VALUES = 10;
    /** The smallest share of a leaf's normal-score variance left to the residual: draws never follow a rule exactly. */
    static final double MIN_RESIDUAL_SHARE = 0.01;

    /** The root conditional, asked for at most once (a tree has one root). */
    private RootConditional rootConditional() {
        return root == null ? null : root.get();
    }

    /**
     * The regression of a tree that does not split: the Gaussian copula's conditional of the column's latent normal
     * given the latents of the predictors the copula describes with one dimension, as seen through their levels. For predictors a, b with latent correlations ρ,
     * each seen through its level score with fidelity c ({@link Levels#fidelity}), the scores' correlations are about
     * c_a c_b ρ_ab and the column's with score a is c_a ρ_ta (exact for one predictor: a level is a function of its
     * latent); least squares on these is the best linear prediction of the column's latent from what the sampler sees,
     * and with c = 1 it is the copula's conditional normal exactly. Every such predictor enters, however weak (the
     * copula keeps every correlation, shrunk where little evidence backs it), with no screen and no test: the leaf is
     * the whole table, and the copula's estimates are the evidence. A label's slopes need no rescaling: ρ is already
     * its latent's.
     *
     * <p>Why: such a tree is a sequential Gaussian regression, and taking its coefficients from the copula makes it the
     * copula, column by column, instead of a noisier re-estimate. On mall_customers (100 training rows, no tree splits)
     * the leaves' own regressions, screened and tested, dropped the label's weak correlations that the copula keeps, and
     * the tree trailed the copula's quality by 0.0010 ± 0.0002 (bench/quality.sh, 300 halves, 10 samples each), all of
     * it in the label's pairs. With two numeric columns the latent correlation is the one under which their values keep
     * the training rows' Pearson correlation ({@link ValueCorrelation}), unless that makes the matrix indefinite: the
     * copula's own estimate misses it where the dependence is not Gaussian. With both, the tree leads the copula by
     * 0.0007 ± 0.0002 there, at a DCR share of 0.5495 against 0.5505.
     *
     * @param valueRows the leaf's rows (all of them: the column has no missing value and no spike)
     * @param conditional the copula's latent correlations and the predictors' fidelities
     */
    private Regression conditional(int[] valueRows, RootConditional conditional) {
        int target = levels.length;
        int m = valueRows.length;
        int[] chosen = new int[target];
        double[] centers = new double[target];
        double[] sd = new double[target];
        int q = 0;
        for (int p = 0; p < target; p++) {
            if (Double.isNaN(conditional.copula()[p][target]) || !(conditional.fidelity()[p] > 0)) {
                continue;
            }
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < m; i++) {
                double x = levelScores[p][levels[p][valueRows[i]]];
                sum += x;
                squares += x * x;
            }
            double mean = sum / m;
            double variance = squares / m - mean * mean;
            if (variance > 1e-12) {
                chosen[q] = p;
                centers[q] = mean;
                sd[q++] = Math.sqrt(variance);
            }
        }
        if (q == 0) {
            return Regression.NONE;
        }
        for (double[][] latent : new double[][][] {conditional.latent(), conditional.copula()}) {
            double[][] gram = new double[q][q];
            double[] cross = new double[q];
            double[] fidelity = new double[q];
            for (int a = 0; a < q; a++) {
                fidelity[a] = conditional.fidelity()[chosen[a]];
            }
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    gram[a][b] = a == b ? 1 : latent[chosen[a]][chosen[b]] * fidelity[a] * fidelity[b];
                }
                cross[a] = latent[chosen[a]][target] * fidelity[a];
            }
            double[] slopes = positiveDefinite(latent, chosen, q, target) ? solve(gram, cross) : null;
            if (slopes == null) {
                continue;
            }
            double explained = 0;
            for (int a = 0; a < q; a++) {
                explained += slopes[a] * cross[a];
            }
            double shrink = explained > 1 - MIN_RESIDUAL_SHARE ? Math.sqrt((1 - MIN_RESIDUAL_SHARE) / explained) : 1;
            double[] rounded = new double[q];
            double[] roundedCenters = new double[q];
            for (int a = 0; a < q; a++) {
                rounded[a] = round(shrink * slopes[a] / sd[a]); // per unit of the predictor's own score
                roundedCenters[a] = round(centers[a]);
            }
            double residualShare = Math.max(MIN_RESIDUAL_SHARE, 1 - explained);
            return new Regression(Arrays.copyOf(chosen, q), roundedCenters, rounded, round(Math.sqrt(residualShare)));
        }
        return Regression.NONE;
    }

    /** Whether the latent correlations of the chosen predictors and the target are positive definite. */
    private static boolean positiveDefinite(double[][] latent, int[] chosen, int q, int target) {
        double[][] a = new double[q + 1][q + 1];
        for (int i = 0; i <= q; i++) {
            int ci = i < q ? chosen[i] : target;
            for (int j = 0; j <= q; j++) {
                a[i][j] = i == j ? 1 : latent[ci][j < q ? chosen[j] : target];
            }
        }
        return solve(a, new double[q + 1]) != null;
    }

    /**
     * Regresses the leaf rows' normal scores on the normal scores of the predictors (see {@link Levels#levelScores})
     * whose correlation with them passes a loose screen ({@link #screen}), at most {@value #MAX_REGRESSORS} of the
     * strongest, by least squares with a small ridge. A numeric target's scores are Φ⁻¹ of its values' ranks in the
     * leaf (ties share their mean rank); a categorical target's are given ({@link #labelScores}), and since they
     * carry only the label of the latent normal they stand for, their covariances with the predictors are that
     * latent's times {@code attenuation} ({@link #labelAttenuation}): slopes and explained variance are put back on
     * the latent's scale, so that a draw thresholded at the leaf's shares keeps the dependence instead of weakening it.
     *
     * @param valueRows the rows the scores belong to
     * @param given the scores of a categorical target, centred; null to rank a numeric target's values
     * @param attenuation 1 for a numeric target; for a categorical one, see {@link #labelAttenuation}
     */
    private Regression regression(int[] valueRows, double[] given, double attenuation) {
        double[] ranks = given == null ? rankUniforms(valueRows) : null;
        double[] w = given != null ? given : normalScores(ranks);
        int m = valueRows.length;
        double sumSquares = 0;
        for (double v : w) {
            sumSquares += v * v;
        }
        if (sumSquares <= 1e-12) {
            return Regression.NONE;
        }
        double unit = Math.sqrt(m / sumSquares);
        double total = 0; // Σw² after scaling: m, up to rounding
        for (int i = 0; i < m; i++) {
            w[i] *= unit; // variance 1, so that Φ(w) is uniform over the leaf's values
        }
        for (double v : w) {
            total += v * v;
        }
        double[] correlation = new double[levels.length];
        int usable = 0;
        for (int p = 0; p < levels.length; p++) {
            double sx = 0;
            double sxx = 0;
            double sxw = 0;
            for (int i = 0; i < m; i++) {
                double x = levelScores[p][levels[p][valueRows[i]]];
                sx += x;
                sxx += x * x;
                sxw += x * w[i];
            }
            double varX = sxx - sx * sx / m;
            correlation[p] = Double.NaN;
            if (varX > 1e-12 && total > 1e-12) {
                correlation[p] = sxw / Math.sqrt(varX * total); // w has mean 0
                if (ranks != null) {
                    correlation[p] = blend(correlation[p], rankLatent(ranks, predictorUniforms(p, valueRows)));
                }
                usable++;
            }
        }
        double threshold = screen(usable) / Math.sqrt(m);
        List<Integer> candidates = new ArrayList<>();
        List<Double> strength = new ArrayList<>();
        for (int p = 0; p < levels.length; p++) {
            if (Math.abs(correlation[p]) > threshold) { // false for NaN
                candidates.add(p);
                strength.add(Math.abs(correlation[p]));
            }
        }
        if (candidates.isEmpty() || given != null && !labelDependenceShown(strength, usable, m)) {
            return Regression.NONE;
        }
        Integer[] byStrength = new Integer[candidates.size()];
        for (int i = 0; i < byStrength.length; i++) {
            byStrength[i] = i;
        }
        Arrays.sort(byStrength, (a, b) -> {
            int c = Double.compare(strength.get(b), strength.get(a));
            return c != 0 ? c : Integer.compare(candidates.get(a), candidates.get(b));
        });
        int q = Math.min(MAX_REGRESSORS, byStrength.length);
        int[] chosen = new int[q];
        for (int i = 0; i < q; i++) {
            chosen[i] = candidates.get(byStrength[i]);
        }
        Arrays.sort(chosen);
        double[] centers = new double[q];
        double[] sd = new double[q];
        double[][] x = new double[q][m];
        double[][] uniforms = new double[q][];
        for (int a = 0; a < q; a++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                x[a][i] = levelScores[chosen[a]][levels[chosen[a]][valueRows[i]]];
                sum += x[a][i];
            }
            centers[a] = sum / m;
            double ss = 0;
            for (int i = 0; i < m; i++) {
                x[a][i] -= centers[a];
                ss += x[a][i] * x[a][i];
            }
            sd[a] = Math.sqrt(ss / m);
            uniforms[a] = ranks != null ? predictorUniforms(chosen[a], valueRows) : null;
        }
        // on the standardised scale: the predictors' correlations, estimated as the target's are
        double[][] gram = new double[q][q];
        double[] cross = new double[q];
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += x[a][i] * x[b][i];
                }
                double r = a == b ? 1 : sum / (m * sd[a] * sd[b]);
                if (a != b && ranks != null) {
                    r = blend(r, rankLatent(uniforms[a], uniforms[b]));
                }
                gram[a][b] = r;
                gram[b][a] = r;
            }
            cross[a] = correlation[chosen[a]];
            gram[a][a] += 1e-3; // ridge: keeps near-collinear predictors from trading huge coefficients
        }
        double[] slopes = solve(gram, cross);
        if (slopes == null) {
            return Regression.NONE;
        }
        double explainedShare = 0;
        for (int a = 0; a < q; a++) {
            explainedShare += slopes[a] * cross[a] / (attenuation * attenuation);
            slopes[a] /= attenuation * sd[a]; // per unit of the predictor's own score, as the sampler reads it
        }
        if (explainedShare > 1 - MIN_RESIDUAL_SHARE) { // the latent's variance stays 1, so Φ(w) stays uniform
            double shrink = Math.sqrt((1 - MIN_RESIDUAL_SHARE) / explainedShare);
            for (int a = 0; a < q; a++) {
                slopes[a] *= shrink;
            }
        }
        double residualShare = Math.max(MIN_RESIDUAL_SHARE, 1 - explainedShare);
        double[] rounded = new double[q];
        double[] roundedCenters = new double[q];
        for (int a = 0; a < q; a++) {
            rounded[a] = round(slopes[a]);
            roundedCenters[a] = round(centers[a]);
        }
        return new Regression(chosen, roundedCenters, rounded, round(Math.sqrt(residualShare)));
    }

    /** The rows of [from, to) whose numeric target is a value (neither missing nor the spike). */
    private int[] valueRows(int from, int to, int values) {
        int[] out = new int[values];
        int j = 0;
        for (int i = from; i < to; i++) {
            if (cls[rows[i]] >= 2) {
                out[j++] = rows[i];
            }
        }
        return out;
    }

    /** The rows of [from, to). */
    private int[] leafRows(int from, int to) {
        return Arrays.copyOfRange(rows, from, to);
    }

    /**
     * A categorical target's normal scores in the leaf of rows [from, to) (whose class counts are in
     * {@code nodeCounts}), centred: the leaf's outcomes laid out in code order (missing first, then the labels in the
     * marginal's order) as intervals of [0, 1) as wide as their shares, each row placed in its outcome's interval by its
     * jitter, then Φ⁻¹. A draw of Φ(w) read through the same intervals gives back the leaf's shares, and a regression
     * of w on the predictors orders the draws: the copula's latent variable for a label, within the leaf.
     */
    private double[] labelScores(int from, int to) {
        int n = to - from;
        double[] below = new double[classes];
        double acc = 0;
        for (int c = 0; c < classes; c++) {
            below[c] = acc;
            acc += nodeCounts[c];
        }
        double[] w = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            int r = rows[from + i];
            int c = cls[r];
            double u = (below[c] + nodeCounts[c] * jitter[r]) / n;
            w[i] = FastNormal.inverse(Math.min(1 - 1e-12, Math.max(1e-12, u)));
            mean += w[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            w[i] -= mean;
        }
        return w;
    }

    /**
     * How much of a latent standard normal z's covariance with anything survives in the label scores of the leaf whose
     * class counts are in {@code nodeCounts} (n rows): a label score is z's band (its outcome's interval) plus noise
     * independent of everything, so for a predictor x jointly normal with z, cov(score, x) = cov(E[z | band], x) =
     * var(E[z | band]) · cov(z, x). That variance is Σ p·m² over the outcomes, m = (φ(a) − φ(b)) / p the mean of z
     * within its band (a, b) of probability p: 1 for a continuous target, 2/π for an even yes/no split.
     */
    private double labelAttenuation(int n) {
        double variance = 0;
        double below = 0;
        for (int c = 0; c < classes; c++) {
            if (nodeCounts[c] == 0) {
                continue;
            }
            double p = (double) nodeCounts[c] / n;
            double a = below <= 0 ? 0 : FastNormal.density(FastNormal.inverse(below));
            double above = below + p;
            double b = above >= 1 ? 0 : FastNormal.density(FastNormal.inverse(above));
            double m = (a - b) / p;
            variance += p * m * m;
            below = above;
        }
        return Math.max(1e-6, Math.min(1, variance));
    }

    /**
     * The latent correlation a numeric target's leaf regression uses: the mean of the estimate from normal scores
     * and the one from rank scores, as the copula estimates its correlations (see the copula's latent correlation):
     * when the dependence is not Gaussian in the tails (mall_customers' age and spending score), normal scores alone
     * see a weaker one than ranks do, and the tree drew it weaker than the copula.
     */
    private static double blend(double normal, double rankLatent) {
        return 0.5 * (normal + rankLatent);
    }

    /**
     * Spearman's rho of two columns of rank scores (their Pearson correlation; 0 when either is constant), as the
     * latent correlation of a bivariate normal: 2 sin(π ρ / 6).
     */
    private static double rankLatent(double[] u, double[] v) {
        double rho = Correlations.pearsonPairwise(u, v);
        return 2 * Math.sin(Math.PI * rho / 6);
    }

    /** Each row's predictor level as a probability: Φ of its normal score (a quantile bin's middle). */
    private double[] predictorUniforms(int p, int[] valueRows) {
        double[] u = new double[valueRows.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = FastNormal.cdf(levelScores[p][levels[p][valueRows[i]]]);
        }
        return u;
    }

    /** (rank − ½) / m of each row's score among the given rows (ties share their mean rank). */
    private double[] rankUniforms(int[] valueRows) {
        int m = valueRows.length;
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = score[valueRows[i]];
        }
        double[] u = Correlations.midRanks(values);
        for (int i = 0; i < m; i++) {
            u[i] = (u[i] - 0.5) / m;
        }
        return u;
    }

    /** Φ⁻¹ of each rank uniform ({@link #rankUniforms}), centred: a numeric target's normal scores in the leaf. */
    private static double[] normalScores(double[] ranks) {
        int m = ranks.length;
        double[] w = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            w[i] = FastNormal.inverse(ranks[i]);
            mean += w[i];
        }
        mean /= m;
        for (int t = 0; t < m; t++) {
            w[t] -= mean;
        }
        return w;
    }

    /** Solves a small symmetric positive definite system by Cholesky; null when it is not positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int q = b.length;
        double[][] l = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j2 = 0; j2 <= i; j2++) {
                double sum = a[i][j2];
                for (int t = 0; t < j2; t++) {
                    sum -= l[i][t] * l[j2][t];
                }
                if (i == j2) {
                    if (sum <= 0) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j2] = sum / l[j2][j2];
                }
            }
        }
        double[] y = new double[q];
        for (int i = 0; i < q; i++) {
            double sum = b[i];
            for (int t = 0; t < i; t++) {
                sum -= l[i][t] * y[t];
            }
            y[i] = sum / l[i][i];
        }
        double[] out = new double[q];
        for (int i = q - 1; i >= 0; i--) {
            double sum = y[i];
            for (int t = i + 1; t < q; t++) {
                sum -= l[t][i] * out[t];
            }
            out[i] = sum / l[i][i];
        }
        return out;
    }

    /**
     * Where the groups of sorted scores end: runs of at least k scores, about equal in size, at most
     * {@value #MAX_GROUPS}, never cutting between equal scores. When the scores take few distinct values (a count, a
     * small integer), every value with k rows gets a group of its own, so that a draw gives back the leaf's shares of
     * those values exactly instead of blurring neighbouring values into each other.
     */
    private int[] groupEnds(double[] sorted) {
        int m = sorted.length;
        int target = Math.max(1, Math.min(MAX_GROUPS, m / k));
        double ideal = (double) m / target;
        int distinct = 1;
        for (int i = 1; i < m; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        boolean fewValues = distinct <= MAX_GROUPS;
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < m; i++) {
            int size = i - start;
            if (sorted[i] != sorted[i - 1] && size >= k && m - i >= k && (fewValues || size >= ideal)
                    && ends.size() < MAX_GROUPS - 1) {
                ends.add(i);
                start = i;
            }
        }
        ends.add(m);
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private int countValues(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += cls[rows[i]] >= 2 ? 1 : 0;
        }
        return count;
    }

    private double[] scores(int from, int to, int count) {
        double[] out = new double[count];
        int j = 0;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            if (cls[r] >= 2) {
                out[j++] = score[r];
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }
}
