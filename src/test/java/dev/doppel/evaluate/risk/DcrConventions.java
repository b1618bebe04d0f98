package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.RowSampling;
import dev.doppel.model.Seeds;

/**
 * Not a test: the DCR share under two conventions, for the quality bench. The same rows and distances as
 * {@link PrivacyEvaluation#measure} (the same samples of synthetic, training and hold-out rows, by the same seeds):
 * each measured synthetic row's nearest distance to an equal-sized sample of training rows and of hold-out rows.
 *
 * <ul>
 *   <li>{@code tiesHalf}: Doppel's {@code dcr_share}, a row nearer training counts 1, an equal distance counts ½;
 *   <li>{@code strict}: SDMetrics' DCROverfittingProtection ("closer_to_training"), a row counts only when strictly
 *       nearer training; ties count for the hold-out. Lower than {@code tiesHalf} by half the share of ties, which
 *       is large where rows repeat exactly (few columns, few values).
 * </ul>
 */
public final class DcrConventions {
    private DcrConventions() {}

    /** Both shares; NaN without rows. */
    public record Shares(double tiesHalf, double strict) {}

    public static Shares measure(EncodedTable training, EncodedTable synthetic, EncodedTable holdout,
            PrivacyEvaluation.Settings settings) {
        GowerSpace space = GowerSpace.over(training);
        EncodedTable sample = synthetic.select(
                RowSampling.positions(synthetic.rows(), settings.maxRows(), seed(settings, "synthetic-sample")));
        int equal = Math.min(training.rows(), holdout.rows());
        int[] trainingRows = RowSampling.positions(training.rows(), equal, seed(settings, "training-equal"));
        int[] holdoutRows = RowSampling.positions(holdout.rows(), equal, seed(settings, "holdout-equal"));
        double[] toTraining = nearest(space, space.layout(training, trainingRows), space.layout(sample), settings,
                "tree-te");
        double[] toHoldout = nearest(space, space.layout(holdout, holdoutRows), space.layout(sample), settings,
                "tree-he");
        if (toTraining.length == 0) {
            return new Shares(Double.NaN, Double.NaN);
        }
        int strictlyNearer = 0;
        for (int i = 0; i < toTraining.length; i++) {
            strictlyNearer += toTraining[i] < toHoldout[i] ? 1 : 0;
        }
        return new Shares(DistanceStats.closerShare(toTraining, toHoldout),
                (double) strictlyNearer / toTraining.length);
    }

    private static double[] nearest(GowerSpace space, GowerRows indexed, GowerRows queries,
            PrivacyEvaluation.Settings settings, String purpose) {
        VantagePointTree tree = VantagePointTree.build(space, indexed, seed(settings, purpose));
        return tree.nearest(queries, 1, settings.threads()).nearest();
    }

    private static long seed(PrivacyEvaluation.Settings settings, String purpose) {
        return Seeds.derive(settings.seed(), "privacy", purpose);
    }
}
