package dev.doppel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class FastNormalTest {
    private static final NormalDistribution EXACT = NormalDistribution.of(0, 1);

    @Test
    void cdfAgreesWithCommonsStatisticsToOneInABillion() {
        double worst = 0;
        for (double z = -9.5; z <= 9.5; z += 0.001237) {
            worst = Math.max(worst, Math.abs(FastNormal.cdf(z) - EXACT.cumulativeProbability(z)));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @Test
    void cdfIsMonotoneAndSymmetricUpToRounding() {
        // the interpolant can wobble in the last bits near 0 and 1; 1e-13 is far below any share Doppel reports
        double previous = 0;
        for (double z = -10; z <= 10; z += 0.0007) {
            double p = FastNormal.cdf(z);
            assertThat(p).isGreaterThanOrEqualTo(previous - 1e-13);
            assertThat(p + FastNormal.cdf(-z)).isCloseTo(1.0, within(1e-9));
            previous = p;
        }
    }

    @Test
    void inverseUndoesCdf() {
        for (double p : new double[] {1e-9, 0.001, 0.025, 0.5, 0.8, 0.999999}) {
            assertThat(FastNormal.cdf(FastNormal.inverse(p))).isCloseTo(p, within(1e-9));
        }
        assertThat(FastNormal.inverse(0.975)).isCloseTo(1.959963985, within(1e-8)); // the textbook 97.5% point
    }
}
