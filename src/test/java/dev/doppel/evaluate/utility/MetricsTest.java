package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aucCountsPairsWithTiesAsHalf() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.4};
        boolean[] positive = {false, false, true, true, true};
        // pairs (positive, negative): 0.35>0.1, 0.35<0.4, 0.8>both, 0.4>0.1, 0.4=0.4 -> (1 + 0 + 2 + 1 + 0.5) / 6
        assertThat(Metrics.auc(scores, positive)).isCloseTo(4.5 / 6, within(1e-12));
        assertThat(Metrics.auc(new double[] {1, 2}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void aucAgreesWithCountingEveryPair() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int run = 0; run < 20; run++) {
            int n = 1 + rnd.nextInt(60);
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = rnd.nextInt(8); // many ties
                positive[i] = rnd.nextBoolean();
            }
            double pairs = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (positive[i] && !positive[j]) {
                        pairs += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                        count++;
                    }
                }
            }
            double expected = count == 0 ? Double.NaN : pairs / count;
            assertThat(Metrics.auc(scores, positive)).as("run %d", run).isEqualTo(expected, within(1e-12));
        }
    }

    @Test
    void macroF1AveragesOverClassesSeenInEitherSide() {
        int[] actual = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 0, 0};
        // class 0: TP 2 FP 2 FN 1 -> 4/7; class 1: TP 1 FP 1 FN 1 -> 1/2; class 2: TP 0 FN 1 -> 0
        assertThat(Metrics.macroF1(actual, predicted)).isCloseTo((4.0 / 7 + 0.5 + 0) / 3, within(1e-12));
        assertThat(Metrics.accuracy(actual, predicted)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rSquaredIsAboutTheScoredMean() {
        double[] actual = {1, 2, 3, 4};
        assertThat(Metrics.rSquared(actual, actual)).isEqualTo(1.0);
        assertThat(Metrics.rSquared(actual, new double[] {2.5, 2.5, 2.5, 2.5})).isEqualTo(0.0);
        assertThat(Metrics.rSquared(actual, new double[] {4, 3, 2, 1})).isEqualTo(-3.0);
    }
}
