package dev.doppel.evaluate;

import java.util.List;

/** Adds propensity and train-on-synthetic/test-on-real to the fidelity scores. */
final class Utility {
    private Utility() {}

    static QualityScores extend(QualityScores scores, EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Evaluation.Settings settings, List<String> notes) {
        return scores; // wired to dev.doppel.evaluate.utility when it lands
    }
}
