package dev.doppel.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Correlations#midRanks} against the definition, on values with ties, negatives, ±0, extremes and NaN. */
class MidRanksTest {
    /** The definition: 1 + (values below) + (other equal values) / 2; NaN stays NaN. O(n²). */
    private static double[] byDefinition(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out[i] = Double.NaN;
                continue;
            }
            int below = 0;
            int equal = 0;
            for (double w : v) {
                if (!Double.isNaN(w)) {
                    below += w < v[i] ? 1 : 0;
                    equal += w == v[i] ? 1 : 0;
                }
            }
            out[i] = below + (equal + 1) / 2.0;
        }
        return out;
    }

    @Test
    void matchesTheDefinition() {
        SplittableRandom random = new SplittableRandom(7);
        double[] specials = {0.0, -0.0, Double.NaN, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1e-300};
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(400);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(4);
                v[i] = switch (kind) {
                    case 0 -> specials[random.nextInt(specials.length)];
                    case 1 -> random.nextInt(7) - 3; // many ties
                    case 2 -> (random.nextDouble() - 0.5) * 1e6;
                    default -> random.nextGaussian();
                };
            }
            assertArrayEquals(byDefinition(v), Correlations.midRanks(v), 0.0, "round " + round);
        }
    }
}
