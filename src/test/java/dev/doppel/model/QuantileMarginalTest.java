package dev.doppel.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuantileMarginalTest {
    private static final int K = 5;

    private static double[] normalSample(long seed, int n, double mean, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        NormalDistribution dist = NormalDistribution.of(mean, sd);
        for (int i = 0; i < n; i++) {
            x[i] = dist.inverseCumulativeProbability(r.nextDouble());
        }
        Arrays.sort(x);
        return x;
    }

    @Test
    void reproducesTheQuantilesOfANormalSample() {
        // n = 20,000: the sample quantile at p has sd sqrt(p(1-p)/n)/pdf, under 0.04 for p in [0.05, 0.95] with sd 2
        QuantileMarginal m = QuantileMarginal.fit(normalSample(1, 20_000, 10, 2), K);
        NormalDistribution truth = NormalDistribution.of(10, 2);
        for (double p = 0.05; p <= 0.951; p += 0.05) {
            assertThat(m.quantile(p)).as("p=%s", p).isCloseTo(truth.inverseCumulativeProbability(p), within(0.12));
        }
    }

    @Test
    void drawsHaveTheFittedMeanAndStandardDeviation() {
        QuantileMarginal m = QuantileMarginal.fit(normalSample(2, 20_000, 10, 2), K);
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double x = m.quantile(r.nextDouble());
            sum += x;
            sq += x * x;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        // fitting sample: SE(mean) = 2/sqrt(20000) = 0.014, SE(sd) = 2/sqrt(40000) = 0.01; allow 4 SE
        assertThat(mean).isCloseTo(10, within(0.06));
        assertThat(sd).isCloseTo(2, within(0.05));
    }

    @Test
    void keepsASpikeAsAFlatStepOfItsShare() {
        // 80% of rows at -1 (like bank's pdays), the rest spread over 1..400
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 8_000 ? -1 : 1 + r.nextInt(400);
        }
        Arrays.sort(x);
        QuantileMarginal m = QuantileMarginal.fit(x, K);
        assertThat(m.quantile(0.0)).isEqualTo(-1);
        assertThat(m.quantile(0.7999)).isEqualTo(-1);
        assertThat(m.quantile(0.8001)).isGreaterThan(0);
        assertThat(m.cdf(-1)).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void neverStoresTheRealMinimumOrMaximumOfASingleRow() {
        double[] x = normalSample(5, 1_000, 0, 1);
        QuantileMarginal m = QuantileMarginal.fit(x, K);
        double meanOfSmallest = Arrays.stream(x, 0, K).average().orElseThrow();
        double meanOfLargest = Arrays.stream(x, x.length - K, x.length).average().orElseThrow();
        assertThat(m.min()).isCloseTo(meanOfSmallest, within(1e-12)).isNotEqualTo(x[0]);
        assertThat(m.max()).isCloseTo(meanOfLargest, within(1e-12)).isNotEqualTo(x[x.length - 1]);
        for (double knot : m.x()) {
            assertThat(x).as("no knot equals a single real value").doesNotContain(knot);
        }
    }

    @Test
    void refusesFewerThanKValues() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> QuantileMarginal.fit(new double[] {1, 2, 6}, K));
    }

    @Test
    void reducesFewerThanTwoKValuesToTheirMean() {
        // two overlapping windows of k would tell single rows apart; one mean does not
        QuantileMarginal m = QuantileMarginal.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 9}, K);
        assertThat(m.x()).containsOnly(37.0 / 8);
    }

    @Test
    void knotsSurviveHugeOutliers() {
        // six rows at -1e17 before 1,994 values in [0, 100): window means must not lose the small values' precision
        double[] x = new double[2000];
        java.util.Arrays.fill(x, 0, 6, -1e17);
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 6; i < x.length; i++) {
            x[i] = Math.round(r.nextDouble() * 100_000) / 1000.0;
        }
        Arrays.sort(x);
        QuantileMarginal m = QuantileMarginal.fit(x, K);
        assertThat(m.quantile(0.5)).isBetween(40.0, 60.0);
        assertThat(m.max()).isBetween(99.0, 100.0);
    }

    @Test
    void foldsRareValuesBesideSpikesIntoTheNearestSpike() {
        double[] x = new double[100];
        Arrays.fill(x, 0, 50, 0.0);
        Arrays.fill(x, 50, 98, 10.0);
        x[98] = 11; // two rare values: fewer than k rows, so never stored
        x[99] = 12;
        QuantileMarginal m = QuantileMarginal.fit(x, K);
        assertThat(m.x()).containsOnly(0.0, 10.0);
        assertThat(m.cdf(0)).isCloseTo(0.5, within(1e-9));
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void quantileFunctionIsMonotoneAndCdfInvertsIt(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 20 + r.nextInt(3000);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // a mix of spikes, integers and continuous values
            x[i] = r.nextInt(4) == 0 ? r.nextInt(3) : Math.round(r.nextGaussian() * 100) / (r.nextBoolean() ? 1.0 : 10.0);
        }
        Arrays.sort(x);
        QuantileMarginal m = QuantileMarginal.fit(x, K);
        double previous = Double.NEGATIVE_INFINITY;
        for (double p = 0; p <= 1; p += 0.001) {
            double q = m.quantile(p);
            assertThat(q).isGreaterThanOrEqualTo(previous).isBetween(m.min(), m.max());
            previous = q;
            assertThat(m.cdf(q)).isGreaterThanOrEqualTo(p - 1e-9);
        }
    }
}
