package dev.doppel.evaluate;

import dev.doppel.evaluate.utility.MlEfficacy;
import dev.doppel.evaluate.utility.Propensity;
import java.util.List;

/**
 * Adds the model-based utility measures to the fidelity scores: synthpop's propensity score (always, when both tables
 * have rows and columns) and train-on-synthetic/test-on-real (when a target is named and real hold-out rows exist to
 * test on; testing on the training rows would flatter the synthetic model, which learned them).
 */
final class Utility {
    private Utility() {}

    static QualityScores extend(QualityScores scores, EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Evaluation.Settings settings, List<String> notes) {
        QualityScores.Propensity propensity = null;
        if (real.rows() > 0 && synthetic.rows() > 0 && real.columnCount() > 0) {
            propensity = Propensity.measure(real, synthetic, settings.seed(), Propensity.MAX_ROWS_PER_SIDE,
                    settings.threads());
        }
        QualityScores.MlEfficacy efficacy = null;
        if (settings.target() != null) {
            if (holdout == null || holdout.rows() == 0) {
                notes.add("Train-on-synthetic/test-on-real needs real hold-out rows to test on; none were given.");
            } else {
                try {
                    efficacy = MlEfficacy.measure(real, synthetic, holdout, settings.target(), settings.seed(),
                            MlEfficacy.MAX_TRAINING_ROWS, settings.threads());
                } catch (IllegalArgumentException e) {
                    notes.add("Train-on-synthetic/test-on-real was skipped: " + e.getMessage() + ".");
                }
            }
        }
        return new QualityScores(scores.overall(), scores.columnShapes(), scores.columnPairTrends(),
                scores.missingValues(), scores.columns(), scores.pairs(), propensity, efficacy);
    }
}
