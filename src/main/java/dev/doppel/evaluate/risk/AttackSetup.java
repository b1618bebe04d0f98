package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.model.Seeds;

/**
 * What every attack works from.
 *
 * @param training the training rows (all of them)
 * @param holdout the hold-out rows, the control; null without a hold-out
 * @param synthetic the synthetic rows the attacker holds (the sample distance work uses)
 * @param trainingEqual training rows sampled to the size of {@code holdoutEqual}, for attacks whose success depends on
 *     how many rows are searched (singling out); without a hold-out, training sampled to the row limit
 * @param holdoutEqual hold-out rows of the same count; null without a hold-out
 * @param settings counts, seed and threads
 */
record AttackSetup(
        EncodedTable training,
        EncodedTable holdout,
        EncodedTable synthetic,
        EncodedTable trainingEqual,
        EncodedTable holdoutEqual,
        PrivacyEvaluation.Settings settings) {

    /** A seed for one purpose, derived from the settings' seed only (never from data). */
    long seed(String purpose) {
        return Seeds.derive(settings.seed(), "privacy", purpose);
    }

    /** A seed for one numbered item of a purpose. */
    long seed(String purpose, long item) {
        return Seeds.derive(seed(purpose), "item", item);
    }

    /** How many target rows to attack on each side: the wanted count, capped by both tables' sizes. */
    int targets(int wanted) {
        int n = Math.min(wanted, training.rows());
        return holdout == null ? n : Math.min(n, holdout.rows());
    }

    boolean hasHoldout() {
        return holdout != null;
    }

    @Override
    public String toString() {
        return "AttackSetup[" + training.rows() + " training, " + (holdout == null ? 0 : holdout.rows())
                + " hold-out, " + synthetic.rows() + " synthetic rows]";
    }
}
