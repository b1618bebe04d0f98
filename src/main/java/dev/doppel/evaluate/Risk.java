package dev.doppel.evaluate;

import dev.doppel.evaluate.risk.PrivacyEvaluation;
import java.util.List;

/**
 * Measures privacy: closeness of the synthetic rows to the training rows, always beside the hold-out's, and the three
 * attacks. Without a hold-out only the one-sided figures (copies, distances to training) are measured.
 */
final class Risk {
    private Risk() {}

    static PrivacyScores measure(EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Evaluation.Settings settings, List<String> notes) {
        if (real.rows() == 0 || real.columnCount() == 0 || synthetic.rows() == 0) {
            notes.add("Privacy was not measured: a table has no rows or no evaluated column.");
            return null;
        }
        PrivacyEvaluation.Settings risk = PrivacyEvaluation.Settings.defaults(settings.seed())
                .withMaxRows(settings.privacyRows())
                .withThreads(settings.threads());
        return PrivacyEvaluation.measure(real, synthetic, holdout == null || holdout.rows() == 0 ? null : holdout,
                risk);
    }
}
