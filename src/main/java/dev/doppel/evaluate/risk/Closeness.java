package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.RowSampling;

/**
 * The two privacy figures that decide whether a synthetic table stays far enough from its training rows, the
 * exact-copy rate and the DCR share, for several synthetic tables measured against one training table and one
 * hold-out (model selection compares candidates this way). What depends on the real rows alone is done once: the
 * distance's scales, the index of training rows, the hold-out's own copy rate, and the two equal-sized indexes the DCR
 * share races (a random subset of the training rows against the hold-out). Each synthetic table then costs its own
 * searches only.
 *
 * <p>Rows, seeds and definitions are those of {@link PrivacyEvaluation#measure} with the same seed, row bound and
 * threads, so each figure equals the one it reports, bit for bit: the same synthetic and hold-out rows are sampled, an
 * exact copy is a training row at Gower distance 0 (found by hashing, {@link ExactCopies}, rather than by a
 * nearest-neighbour search: the same answer), and the DCR share compares the same exact nearest distances (the
 * training side searched only within each row's hold-out distance, which decides the race as well). The
 * quantiles, attacks and k-anonymity that {@code measure} adds are not computed. Thread-safe once built.
 */
public final class Closeness {
    private final EncodedTable training;
    private final GowerSpace space;
    private final ExactCopies copies;
    private final VantagePointTree trainingEqual;
    private final VantagePointTree holdoutEqual;
    private final double holdoutCopies;
    private final int maxRows;
    private final long seed;
    private final int threads;

    /**
     * One synthetic table's figures.
     *
     * @param exactCopies share of the measured synthetic rows equal to a training row (distance 0)
     * @param dcrShare share of the measured synthetic rows nearer a training row than a hold-out row, ties counting
     *     half (0.5 = as a fresh sample)
     */
    public record Scores(double exactCopies, double dcrShare) {}

    private Closeness(EncodedTable training, GowerSpace space, ExactCopies copies, VantagePointTree trainingEqual,
            VantagePointTree holdoutEqual, double holdoutCopies, int maxRows, long seed, int threads) {
        this.training = training;
        this.space = space;
        this.copies = copies;
        this.trainingEqual = trainingEqual;
        this.holdoutEqual = holdoutEqual;
        this.holdoutCopies = holdoutCopies;
        this.maxRows = maxRows;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Prepares the measurements against {@code training} with {@code holdout} as the control.
     *
     * @param training the real rows the generators learnt from; at least one row
     * @param holdout real rows they never saw, encoded with the same schema; at least one row
     * @param settings the seed, the rows measured ({@link PrivacyEvaluation.Settings#maxRows()}) and the threads; the
     *     attack counts are not used
     * @throws IllegalArgumentException when the tables do not share one schema, or either has no row
     */
    public static Closeness of(EncodedTable training, EncodedTable holdout, PrivacyEvaluation.Settings settings) {
        if (holdout == null || holdout.schema() != training.schema()) {
            throw new IllegalArgumentException("the hold-out must be encoded with the training table's schema");
        }
        if (training.rows() == 0 || holdout.rows() == 0) {
            throw new IllegalArgumentException("the training table and the hold-out need rows");
        }
        if (training.columnCount() == 0) {
            throw new IllegalArgumentException("no column is evaluated");
        }
        long seed = settings.seed();
        GowerSpace space = GowerSpace.over(training);
        ExactCopies copies = ExactCopies.over(space, space.layout(training));
        EncodedTable holdoutSample = holdout.select(RowSampling.positions(holdout.rows(), settings.maxRows(),
                PrivacyEvaluation.seed(seed, "holdout-sample")));
        double holdoutCopies = copies.share(space.layout(holdoutSample));
        int equal = Math.min(training.rows(), holdout.rows());
        // measure's training side: the whole-table index when nothing is cut (the nearest distance does not depend on
        // which exact index finds it), else the cut subset
        VantagePointTree trainingEqual = equal == training.rows()
                ? VantagePointTree.build(space, space.layout(training), PrivacyEvaluation.seed(seed, "tree"))
                : VantagePointTree.build(space, space.layout(training, RowSampling.positions(training.rows(), equal,
                        PrivacyEvaluation.seed(seed, "training-equal"))), PrivacyEvaluation.seed(seed, "tree-te"));
        VantagePointTree holdoutEqual = VantagePointTree.build(space, space.layout(holdout, RowSampling.positions(
                holdout.rows(), equal, PrivacyEvaluation.seed(seed, "holdout-equal"))),
                PrivacyEvaluation.seed(seed, "tree-he"));
        return new Closeness(training, space, copies, trainingEqual, holdoutEqual, holdoutCopies, settings.maxRows(),
                seed, settings.threads());
    }

    /** The share of measured hold-out rows equal to a training row: real data repeats rows too. */
    public double holdoutCopies() {
        return holdoutCopies;
    }

    /**
     * The figures of a synthetic table encoded with the training table's schema.
     *
     * @throws IllegalArgumentException when it was encoded with another schema
     */
    public Scores measure(EncodedTable synthetic) {
        if (synthetic.schema() != training.schema()) {
            throw new IllegalArgumentException("the tables were not encoded with one schema");
        }
        EncodedTable sample = synthetic.select(RowSampling.positions(synthetic.rows(), maxRows,
                PrivacyEvaluation.seed(seed, "synthetic-sample")));
        GowerRows queries = space.layout(sample);
        double[] toHoldout = holdoutEqual.nearest(queries, 1, threads).nearest();
        // the race only asks whether the nearest training row is nearer, as near, or farther: a training distance
        // beyond the hold-out one need not be found exactly (it comes back infinite, and counts 0 all the same)
        double[] toTraining = trainingEqual.nearestWithin(queries, toHoldout, threads);
        return new Scores(copies.share(queries), DistanceStats.closerShare(toTraining, toHoldout));
    }
}
