package dev.doppel.stats;

import java.util.stream.IntStream;

/**
 * Pearson correlations of many pairs of long columns over the rows both have (NaN = missing), in two passes over
 * blocks of rows instead of two passes over whole columns per pair. Each pair's sums run over its rows in row order,
 * exactly as {@link Correlations#pearsonPairwise} adds them, so every result is bit for bit the same as there; what
 * changes is that a block of every column (a few thousand rows) stays in the processor's cache while all pairs use it,
 * where a million-row column was read from memory once per pair and pass. The pairs are shared among the common pool's
 * threads, each pair computed by one thread, so the result does not depend on the thread count.
 *
 * <p>Columns need not exist as arrays: a {@link Source} fills a block of a column on demand (the copula's band scores
 * are looked up from a row's band, never held for every row).
 */
public final class PairwisePearson {
    /** Rows per block: 2,048 rows of 40 columns are 640 KB, within a core's cache. */
    static final int BLOCK = 2048;

    private PairwisePearson() {}

    /** Fills {@code into[0 .. to - from)} with column {@code column}'s values at rows {@code from .. to - 1}. */
    @FunctionalInterface
    public interface Source {
        void fill(int column, int from, int to, double[] into);
    }

    /**
     * Per pair, Pearson's r of columns {@code first[p]} and {@code second[p]} over the rows where both are present:
     * NaN when fewer than 3 rows, {@code +infinity} when either is constant over them (as the private rule of
     * {@link Correlations}), otherwise r clamped to [-1, 1].
     *
     * @param columns how many columns {@code source} has
     * @param rows the columns' length
     */
    public static double[] of(int columns, int rows, Source source, int[] first, int[] second) {
        int pairs = first.length;
        if (second.length != pairs) {
            throw new IllegalArgumentException("first and second differ in length");
        }
        double[] out = new double[pairs];
        if (pairs == 0) {
            return out;
        }
        int groups = Math.min(pairs, Math.max(1, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, groups).parallel().forEach(g -> {
            int count = (pairs - g + groups - 1) / groups;
            int[] mine = new int[count];
            for (int i = 0; i < count; i++) {
                mine[i] = g + i * groups;
            }
            group(columns, rows, source, first, second, mine, out);
        });
        return out;
    }

    /** The pairs {@code mine} on this thread: both passes, block by block. */
    private static void group(int columns, int rows, Source source, int[] first, int[] second, int[] mine,
            double[] out) {
        boolean[] used = new boolean[columns];
        for (int p : mine) {
            used[first[p]] = true;
            used[second[p]] = true;
        }
        double[][] block = new double[columns][];
        for (int c = 0; c < columns; c++) {
            block[c] = used[c] ? new double[Math.min(BLOCK, rows)] : null;
        }
        int m = mine.length;
        // per pair: sum of x, sum of y, rows, least and greatest x, least and greatest y
        double[] first1 = new double[STATE * m];
        for (int q = 0; q < m; q++) {
            first1[STATE * q + 3] = Double.POSITIVE_INFINITY;
            first1[STATE * q + 4] = Double.NEGATIVE_INFINITY;
            first1[STATE * q + 5] = Double.POSITIVE_INFINITY;
            first1[STATE * q + 6] = Double.NEGATIVE_INFINITY;
        }
        for (int from = 0; from < rows; from += BLOCK) {
            int to = Math.min(rows, from + BLOCK);
            fill(source, used, block, from, to);
            for (int q = 0; q < m; q++) {
                sums(block[first[mine[q]]], block[second[mine[q]]], to - from, first1, STATE * q);
            }
        }
        // pass two, for the pairs whose r is not settled by the first: sums of centred products
        int[] open = new int[m];
        int opened = 0;
        double[] second2 = new double[STATE * m];
        for (int q = 0; q < m; q++) {
            int at = STATE * q;
            int n = (int) first1[at + 2];
            if (n < 3) {
                out[mine[q]] = Double.NaN;
            } else if (first1[at + 3] == first1[at + 4] || first1[at + 5] == first1[at + 6]) {
                out[mine[q]] = Double.POSITIVE_INFINITY; // constant: rounding in the mean would otherwise fake one
            } else {
                second2[at + 3] = first1[at] / n;
                second2[at + 4] = first1[at + 1] / n;
                open[opened++] = q;
            }
        }
        if (opened == 0) {
            return;
        }
        java.util.Arrays.fill(used, false);
        for (int o = 0; o < opened; o++) {
            used[first[mine[open[o]]]] = true;
            used[second[mine[open[o]]]] = true;
        }
        for (int from = 0; from < rows; from += BLOCK) {
            int to = Math.min(rows, from + BLOCK);
            fill(source, used, block, from, to);
            for (int o = 0; o < opened; o++) {
                int q = open[o];
                products(block[first[mine[q]]], block[second[mine[q]]], to - from, second2, STATE * q);
            }
        }
        for (int o = 0; o < opened; o++) {
            int at = STATE * open[o];
            out[mine[open[o]]] = Math.max(-1, Math.min(1, second2[at] / Math.sqrt(second2[at + 1] * second2[at + 2])));
        }
    }

    /** Doubles of state per pair. */
    private static final int STATE = 7;

    /**
     * Pass one over {@code len} rows: adds the rows where both are present to the sums at {@code state[at ..]} (x, y,
     * count) and widens the ranges (least x, greatest x, least y, greatest y). The ranges only tell whether a side is
     * constant, so plain comparisons do (no NaN reaches them; -0.0 and 0.0 are equal either way), which the processor
     * predicts, where Math.min and Math.max chain every row to the one before.
     */
    private static void sums(double[] x, double[] y, int len, double[] state, int at) {
        double sx = state[at];
        double sy = state[at + 1];
        int n = (int) state[at + 2];
        double lx = state[at + 3];
        double hx = state[at + 4];
        double ly = state[at + 5];
        double hy = state[at + 6];
        for (int i = 0; i < len; i++) {
            double xi = x[i];
            double yi = y[i];
            if (xi == xi && yi == yi) { // neither NaN
                sx += xi;
                sy += yi;
                n++;
                if (xi < lx) {
                    lx = xi;
                }
                if (xi > hx) {
                    hx = xi;
                }
                if (yi < ly) {
                    ly = yi;
                }
                if (yi > hy) {
                    hy = yi;
                }
            }
        }
        state[at] = sx;
        state[at + 1] = sy;
        state[at + 2] = n;
        state[at + 3] = lx;
        state[at + 4] = hx;
        state[at + 5] = ly;
        state[at + 6] = hy;
    }

    /** Pass two: adds the centred products (xy, xx, yy) around the means at {@code state[at + 3 ..]}. */
    private static void products(double[] x, double[] y, int len, double[] state, int at) {
        double sxy = state[at];
        double sxx = state[at + 1];
        double syy = state[at + 2];
        double mx = state[at + 3];
        double my = state[at + 4];
        for (int i = 0; i < len; i++) {
            double xi = x[i];
            double yi = y[i];
            if (xi == xi && yi == yi) {
                double dx = xi - mx;
                double dy = yi - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        state[at] = sxy;
        state[at + 1] = sxx;
        state[at + 2] = syy;
    }

    private static void fill(Source source, boolean[] used, double[][] block, int from, int to) {
        for (int c = 0; c < used.length; c++) {
            if (used[c]) {
                source.fill(c, from, to, block[c]);
            }
        }
    }

    /**
     * Every pair (a, b) of {@code d} columns with b &lt; a, in the order a = 1, b = 0; a = 2, b = 0, 1; ...: {first
     * columns, second columns}, as {@link #of} takes them.
     */
    public static int[][] allPairs(int d) {
        int[] first = new int[d * (d - 1) / 2];
        int[] second = new int[first.length];
        for (int a = 0, p = 0; a < d; a++) {
            for (int b = 0; b < a; b++, p++) {
                first[p] = a;
                second[p] = b;
            }
        }
        return new int[][] {first, second};
    }

    /** A source over whole columns held as arrays. */
    public static Source arrays(double[][] columns) {
        return (column, from, to, into) -> System.arraycopy(columns[column], from, into, 0, to - from);
    }
}
