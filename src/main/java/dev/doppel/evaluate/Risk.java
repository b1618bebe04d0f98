package dev.doppel.evaluate;

import java.util.List;

/** Measures privacy against the hold-out. */
final class Risk {
    private Risk() {}

    static PrivacyScores measure(EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Evaluation.Settings settings, List<String> notes) {
        return null; // wired to dev.doppel.evaluate.risk when it lands
    }
}
