package dev.doppel.evaluate.risk;

/**
 * The k nearest indexed rows of each query row, nearest first, ties broken by the smaller indexed row number. Where
 * the index holds fewer than k rows, the missing places hold an infinite distance and row -1.
 */
final class Neighbours {
    private final int k;
    private final double[] distances;
    private final int[] rows;
    private final long distanceCount;

    Neighbours(int k, double[] distances, int[] rows, long distanceCount) {
        this.k = k;
        this.distances = distances;
        this.rows = rows;
        this.distanceCount = distanceCount;
    }

    int queries() {
        return rows.length / k;
    }

    int k() {
        return k;
    }

    /** The distance from query q to its (rank+1)-th nearest row (rank 0 = nearest). */
    double distance(int q, int rank) {
        return distances[q * k + rank];
    }

    /** The indexed row number of query q's (rank+1)-th nearest row. */
    int row(int q, int rank) {
        return rows[q * k + rank];
    }

    /** Every query's nearest distance, in query order. */
    double[] nearest() {
        double[] d = new double[queries()];
        for (int q = 0; q < d.length; q++) {
            d[q] = distances[q * k];
        }
        return d;
    }

    /** How many distances the search computed in full or in part (for benchmarks). */
    long distanceCount() {
        return distanceCount;
    }
}
