package dev.doppel.model.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * Growth stops at {@code maxDepth}, when a node is pure, or when no split leaves {@code minLeaf} rows on both sides.
 * Not thread-safe; deterministic (ties go to the first predictor, then the first cut).
 */
final class TreeGrower {
    /** Most groups a numeric leaf describes its scores with. */
    static final int MAX_GROUPS = 16;
    private static final int POWER_ITERATIONS = 12;

    private final int[][] levels;
    private final int[] levelCount;
    private final boolean[] ordered;
    private final int[] cls;
    private final int classes;
    private final double[] score;
    private final int minLeaf;
    private final int maxDepth;
    private final int k;
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

    /**
     * @param levels per predictor, per row its level
     * @param levelCount per predictor, its number of levels
     * @param ordered per predictor, true for numeric (ordered) levels
     * @param cls per row, its target class
     * @param classes the number of target classes
     * @param score per row, a numeric target's quantile score (NaN unless a value); null for a categorical target
     * @param minLeaf the fewest rows a leaf may hold
     * @param maxDepth the deepest a leaf may lie
     * @param k the fewest scores a stored group may summarise
     */
    TreeGrower(int[][] levels, int[] levelCount, boolean[] ordered, int[] cls, int classes, double[] score, int minLeaf,
            int maxDepth, int k) {
        this.levels = levels;
        this.levelCount = levelCount;
        this.ordered = ordered;
        this.cls = cls;
        this.classes = classes;
        this.score = score;
        this.minLeaf = minLeaf;
        this.maxDepth = maxDepth;
        this.k = k;
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
            if (has(goLeft, level[rows[i]])) {
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

    static boolean has(long[] bits, int level) {
        int word = level >>> 6;
        return word < bits.length && (bits[word] & (1L << level)) != 0;
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
                if (ordered[p]) {
                    Arrays.sort(seq); // missing (0) first
                    best = better(best, scan(p, seq, n, parent));
                    if (seq[0] == 0 && touchedCount > 2) {
                        int[] missingLast = new int[touchedCount];
                        System.arraycopy(seq, 1, missingLast, 0, touchedCount - 1);
                        missingLast[touchedCount - 1] = 0;
                        best = better(best, scan(p, missingLast, n, parent));
                    }
                } else {
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
            double gain = sumSqLeft / nLeft + sumSqRight / nRight - parent;
            if (gain > bestGain + 1e-12) {
                bestGain = gain;
                bestCut = i;
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
            return new ColumnTree.Leaf(n, codes, counts, new double[0], new double[0], new int[0]);
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
        double[] scores = values >= k ? scores(from, to, values) : null;
        for (int d = depth - 1; scores == null && d >= 0; d--) {
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
            int groups = Math.max(1, Math.min(MAX_GROUPS, scores.length / k));
            mean = new double[groups];
            spread = new double[groups];
            weight = new int[groups];
            int size = scores.length / groups;
            int extra = scores.length % groups;
            int at = 0;
            for (int g = 0; g < groups; g++) {
                int len = size + (g < extra ? 1 : 0);
                double sum = 0;
                for (int i = at; i < at + len; i++) {
                    sum += scores[i];
                }
                double mu = sum / len;
                double ss = 0;
                for (int i = at; i < at + len; i++) {
                    ss += (scores[i] - mu) * (scores[i] - mu);
                }
                mean[g] = round(mu);
                spread[g] = round(Math.sqrt(ss / len));
                weight[g] = len;
                at += len;
            }
        }
        return new ColumnTree.Leaf(n, codes.stream().mapToInt(Integer::intValue).toArray(),
                counts.stream().mapToInt(Integer::intValue).toArray(), mean, spread, weight);
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
