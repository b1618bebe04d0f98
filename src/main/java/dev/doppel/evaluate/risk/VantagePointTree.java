package dev.doppel.evaluate.risk;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An exact nearest-neighbour index over rows under a {@link GowerSpace} distance: a vantage-point tree (Yianilos
 * 1993), which needs nothing but the triangle inequality, so it is exact for Gower's mixed numeric/label distance,
 * where k-d trees and locality-sensitive hashing are not.
 *
 * <p>Each node picks a vantage row at random (seeded), measures every row of its range to it and splits the range at
 * the median distance into an inner and an outer half; each half records the least and greatest distance of its rows
 * to the vantage row (its "shell"). A query q at distance t from the vantage row can only find, in a shell
 * [a, b], rows at distance at least max(a - t, t - b), so the search skips a half whose bound exceeds the k-th best
 * distance found so far. Ranges of at most {@value #LEAF} rows are scanned, with distances abandoned once they pass
 * that k-th best. Rows are stored in tree order so a leaf scan reads contiguous memory.
 *
 * <p>Results equal a brute-force scan's: bounds are compared with a small slack (rounding can bend the triangle
 * inequality by a few ulps) and rows at exactly the k-th best distance are still examined, so ties resolve to the
 * smaller row number, as a scan in row order would. Building costs about n log2(n / {@value #LEAF}) distances;
 * immutable and safe to query from many threads once built.
 */
final class VantagePointTree {
    /** Largest range scanned row by row. */
    static final int LEAF = 12;
    /** Slack on pruning bounds, far above the rounding error of a mean of at most thousands of terms in [0, 1]. */
    private static final double SLACK = 1e-9;

    private final GowerSpace space;
    private final GowerRows rows;
    private final int[] original;
    private final double[] innerMin;
    private final double[] innerMax;
    private final double[] outerMin;
    private final double[] outerMax;

    private VantagePointTree(GowerSpace space, GowerRows rows, int[] original, double[] innerMin, double[] innerMax,
            double[] outerMin, double[] outerMax) {
        this.space = space;
        this.rows = rows;
        this.original = original;
        this.innerMin = innerMin;
        this.innerMax = innerMax;
        this.outerMin = outerMin;
        this.outerMax = outerMax;
    }

    /** Builds the index over every row of {@code points}; {@code seed} chooses the vantage rows. */
    static VantagePointTree build(GowerSpace space, GowerRows points, long seed) {
        int n = points.rows;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        double[] innerMin = new double[n];
        double[] innerMax = new double[n];
        double[] outerMin = new double[n];
        double[] outerMax = new double[n];
        new Builder(space, points, order, innerMin, innerMax, outerMin, outerMax, new SplittableRandom(seed))
                .build(0, n);
        return new VantagePointTree(space, points.select(order), order, innerMin, innerMax, outerMin, outerMax);
    }

    /** How many rows the index holds. */
    int size() {
        return original.length;
    }

    /**
     * The k nearest indexed rows of every row of {@code queries} (laid out by the same space), searched on
     * {@code threads} threads; the result does not depend on the thread count.
     */
    Neighbours nearest(GowerRows queries, int k, int threads) {
        int q = queries.rows;
        double[] distances = new double[q * k];
        int[] found = new int[q * k];
        long[] counts = new long[q];
        Workers.run(q, threads, () -> new Search(k), (search, from, to) -> {
            for (int i = from; i < to; i++) {
                search.reset();
                search.query(queries, i);
                for (int r = 0; r < k; r++) {
                    distances[i * k + r] = search.distance[r];
                    found[i * k + r] = search.row[r];
                }
                counts[i] = search.computed;
            }
        });
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return new Neighbours(k, distances, found, total);
    }

    /**
     * Each query's nearest distance when it is at most {@code bounds[i]}, else infinity: the nearest search with the
     * bound as the best distance found so far, so subtrees that cannot hold a row within it are never entered. A
     * distance equal to the bound is found (and exact, as from {@link #nearest}); for a race against another table's
     * nearest distances, which only asks which is smaller or whether they tie. The result does not depend on the thread
     * count.
     */
    double[] nearestWithin(GowerRows queries, double[] bounds, int threads) {
        if (bounds.length != queries.rows) {
            throw new IllegalArgumentException("one bound per query");
        }
        double[] distances = new double[queries.rows];
        Workers.run(queries.rows, threads, () -> new Search(1), (search, from, to) -> {
            for (int i = from; i < to; i++) {
                search.reset();
                search.limit = bounds[i];
                search.query(queries, i);
                distances[i] = search.distance[0];
            }
        });
        return distances;
    }

    /** One query's state: the k best (distance, row) pairs so far, sorted. Owned by one thread. */
    private final class Search {
        final int k;
        final double[] distance;
        final int[] row;
        int count;
        long computed;
        /** Distances above it are not kept (infinity: no bound). */
        double limit;
        GowerRows queries;
        int query;

        Search(int k) {
            this.k = k;
            this.distance = new double[k];
            this.row = new int[k];
        }

        void reset() {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            Arrays.fill(row, -1);
            count = 0;
            computed = 0;
            limit = Double.POSITIVE_INFINITY;
        }

        /** The k-th best distance so far (the limit until k rows are found). */
        double worst() {
            return count < k ? limit : distance[k - 1];
        }

        void query(GowerRows q, int i) {
            queries = q;
            query = i;
            if (size() > 0) {
                search(0, size());
            }
        }

        private void search(int lo, int hi) {
            if (hi - lo <= LEAF) {
                for (int p = lo; p < hi; p++) {
                    computed++;
                    offer(space.distanceAtMost(queries, query, rows, p, worst()), original[p]);
                }
                return;
            }
            computed++;
            double t = space.distance(queries, query, rows, lo);
            offer(t, original[lo]);
            int mid = lo + 1 + (hi - lo - 1) / 2;
            double innerBound = Math.max(innerMin[lo] - t, t - innerMax[lo]);
            double outerBound = Math.max(outerMin[lo] - t, t - outerMax[lo]);
            if (innerBound <= outerBound) {
                if (innerBound <= worst() + SLACK) {
                    search(lo + 1, mid);
                }
                if (outerBound <= worst() + SLACK) {
                    search(mid, hi);
                }
            } else {
                if (outerBound <= worst() + SLACK) {
                    search(mid, hi);
                }
                if (innerBound <= worst() + SLACK) {
                    search(lo + 1, mid);
                }
            }
        }

        /** Keeps (d, r) when it beats the k-th best by distance, or ties it with a smaller row number. */
        private void offer(double d, int r) {
            if (count == k && (d > distance[k - 1] || d == distance[k - 1] && r > row[k - 1])) {
                return;
            }
            if (d == Double.POSITIVE_INFINITY || d > limit) {
                return;
            }
            int p = count < k ? count++ : k - 1;
            while (p > 0 && (distance[p - 1] > d || distance[p - 1] == d && row[p - 1] > r)) {
                distance[p] = distance[p - 1];
                row[p] = row[p - 1];
                p--;
            }
            distance[p] = d;
            row[p] = r;
        }
    }

    /** Recursive construction over index ranges of {@code order}. */
    private static final class Builder {
        private final GowerSpace space;
        private final GowerRows points;
        private final int[] order;
        private final double[] innerMin;
        private final double[] innerMax;
        private final double[] outerMin;
        private final double[] outerMax;
        private final SplittableRandom random;
        private final double[] key;

        Builder(GowerSpace space, GowerRows points, int[] order, double[] innerMin, double[] innerMax,
                double[] outerMin, double[] outerMax, SplittableRandom random) {
            this.space = space;
            this.points = points;
            this.order = order;
            this.innerMin = innerMin;
            this.innerMax = innerMax;
            this.outerMin = outerMin;
            this.outerMax = outerMax;
            this.random = random;
            this.key = new double[order.length];
        }

        void build(int lo, int hi) {
            if (hi - lo <= LEAF) {
                return;
            }
            swap(lo, lo + random.nextInt(hi - lo));
            int vantage = order[lo];
            for (int i = lo + 1; i < hi; i++) {
                key[i] = space.distance(points, vantage, points, order[i]);
            }
            int mid = lo + 1 + (hi - lo - 1) / 2;
            select(lo + 1, hi - 1, mid);
            innerMin[lo] = min(lo + 1, mid);
            innerMax[lo] = max(lo + 1, mid);
            outerMin[lo] = min(mid, hi);
            outerMax[lo] = max(mid, hi);
            build(lo + 1, mid);
            build(mid, hi);
        }

        /** Rearranges [left, right] so that every key before position m is at most key[m] and none after is less. */
        private void select(int left, int right, int m) {
            while (left < right) {
                double pivot = key[left + random.nextInt(right - left + 1)];
                // three-way partition: [left, lt) < pivot, [lt, gt] == pivot, (gt, right] > pivot
                int lt = left;
                int gt = right;
                int i = left;
                while (i <= gt) {
                    if (key[i] < pivot) {
                        swap(lt++, i++);
                    } else if (key[i] > pivot) {
                        swap(i, gt--);
                    } else {
                        i++;
                    }
                }
                if (m < lt) {
                    right = lt - 1;
                } else if (m > gt) {
                    left = gt + 1;
                } else {
                    return;
                }
            }
        }

        private double min(int from, int to) {
            double m = Double.POSITIVE_INFINITY;
            for (int i = from; i < to; i++) {
                m = Math.min(m, key[i]);
            }
            return m;
        }

        private double max(int from, int to) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                m = Math.max(m, key[i]);
            }
            return m;
        }

        private void swap(int a, int b) {
            int o = order[a];
            order[a] = order[b];
            order[b] = o;
            double k = key[a];
            key[a] = key[b];
            key[b] = k;
        }
    }
}
