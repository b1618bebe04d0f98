package dev.doppel.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.generate.condition.ConditionException;
import dev.doppel.generate.condition.Ranges;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The conditioned copula against analytic values on small Gaussian copulas with known correlations: the truncated
 * dimension's moments, the other dimensions' conditional law (the Schur complement), and with two conditioned
 * dimensions the moments of the bivariate truncated normal (by one-dimensional quadrature of the exact inner
 * integral). Each mean is checked to within 4.5 standard errors of n draws, each variance to within 5 (its standard
 * error taken as var * sqrt(2 / n), the normal case, and doubled for the skewed truncated ones): a false failure has a
 * chance of about 1e-5 per check.
 */
class ConditionedCopulaTest {
    private static final NormalDistribution N = NormalDistribution.of(0, 1);
    private static final int DRAWS = 200_000;

    private static double[][] draw(double[][] r, List<LatentRegion> regions, int n) {
        ConditionedCopula copula = new ConditionedCopula(r, regions, ConditionException.Part.WHERE, "test", 1);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(99L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        ConditionedCopula.Scratch s = copula.scratch();
        double[][] z = new double[r.length][n];
        double[] row = new double[r.length];
        for (int i = 0; i < n; i++) {
            copula.draw(rng, gauss, s, row);
            for (int j = 0; j < r.length; j++) {
                z[j][i] = row[j];
            }
        }
        return z;
    }

    private static LatentRegion box(int[] dims, Ranges... ranges) {
        return new LatentRegion("x", dims, List.<Ranges[]>of(ranges));
    }

    private static void assertMean(double[] x, double expected, double variance) {
        assertThat(StatUtils.mean(x)).isCloseTo(expected, within(4.5 * Math.sqrt(variance / x.length)));
    }

    private static void assertVariance(double[] x, double expected, double skew) {
        assertThat(StatUtils.variance(x)).isCloseTo(expected, within(5 * skew * expected * Math.sqrt(2.0 / x.length)));
    }

    @Test
    void oneConditionedDimensionIsATruncatedNormalAndTheOtherFollowsTheSchurComplement() {
        double rho = 0.8;
        double a = 0.5;
        double b = 1.5;
        double[][] z = draw(new double[][] {{1, rho}, {rho, 1}}, List.of(box(new int[] {0}, Ranges.of(a, b))), DRAWS);

        double mass = N.cumulativeProbability(b) - N.cumulativeProbability(a);
        double m1 = (N.density(a) - N.density(b)) / mass;
        double v1 = 1 + (a * N.density(a) - b * N.density(b)) / mass - m1 * m1;
        assertThat(java.util.Arrays.stream(z[0]).allMatch(v -> v >= a && v < b)).isTrue();
        assertMean(z[0], m1, v1);
        assertVariance(z[0], v1, 2);
        // Z2 | Z1 ~ N(rho Z1, 1 - rho^2): its mean is rho m1, its variance the Schur complement plus rho^2 v1
        double v2 = 1 - rho * rho + rho * rho * v1;
        assertMean(z[1], rho * m1, v2);
        assertVariance(z[1], v2, 1);
        assertThat(new Covariance().covariance(z[0], z[1])).isCloseTo(rho * v1, within(5 * Math.sqrt(v1 * v2 / DRAWS)));
        // the residual of Z2 given Z1 has the Schur complement as variance, whatever Z1 is
        double[] residual = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            residual[i] = z[1][i] - rho * z[0][i];
        }
        assertMean(residual, 0, 1 - rho * rho);
        assertVariance(residual, 1 - rho * rho, 1);
    }

    /**
     * Two strongly correlated conditioned dimensions, Z1 >= 1 and Z2 < 0.5 with rho 0.9, and a free third: the
     * sequential draw alone would give E[Z1] = φ(1)/(1 - Φ(1)) = 1.525 (Z1 ignoring Z2's constraint), while the
     * truncated bivariate normal has E[Z1] near 1.36, so the acceptance step is what these checks test.
     */
    @Test
    void twoConditionedDimensionsMatchTheBivariateTruncatedNormal() {
        double[][] r = {{1, 0.9, 0.3}, {0.9, 1, 0.5}, {0.3, 0.5, 1}};
        double[][] z = draw(r, List.of(box(new int[] {0}, Ranges.atLeast(1)), box(new int[] {1}, Ranges.below(0.5))),
                DRAWS);
        assertThat(java.util.Arrays.stream(z[0]).allMatch(v -> v >= 1)).isTrue();
        assertThat(java.util.Arrays.stream(z[1]).allMatch(v -> v < 0.5)).isTrue();

        // E over the region by quadrature in z1 of the exact inner integral over z2 | z1 ~ N(0.9 z1, 0.19)
        double s = Math.sqrt(1 - 0.81);
        double mass = 0;
        double e1 = 0;
        double e2 = 0;
        double e11 = 0;
        int steps = 200_000;
        double h = 9.0 / steps;
        for (int i = 0; i <= steps; i++) {
            double z1 = 1 + i * h;
            double w = (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * h / 3; // Simpson
            double mu = 0.9 * z1;
            double beta = (0.5 - mu) / s;
            double inner = N.cumulativeProbability(beta);
            double f = N.density(z1) * inner;
            mass += w * f;
            e1 += w * f * z1;
            e11 += w * f * z1 * z1;
            e2 += w * N.density(z1) * (mu * inner - s * N.density(beta)); // ∫ z2 φ over z2 < 0.5
        }
        e1 /= mass;
        e2 /= mass;
        double v1 = e11 / mass - e1 * e1;
        assertThat(e1).isLessThan(1.45); // far from the 1.525 of the sequential draw alone
        assertMean(z[0], e1, v1);
        assertVariance(z[0], v1, 2);
        assertMean(z[1], e2, 1);
        // Z3 | Z1, Z2 is normal with mean b·(Z1, Z2), b = R_3C R_CC^-1
        double det = 1 - 0.81;
        double b1 = (0.3 - 0.9 * 0.5) / det;
        double b2 = (0.5 - 0.9 * 0.3) / det;
        double schur = 1 - (b1 * 0.3 + b2 * 0.5);
        assertMean(z[2], b1 * e1 + b2 * e2, 1);
        double[] residual = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            residual[i] = z[2][i] - b1 * z[0][i] - b2 * z[1][i];
        }
        assertMean(residual, 0, schur);
        assertVariance(residual, schur, 1);
    }

    /**
     * A union of boxes over one column's two dimensions, like "missing, or present with a value in [0, 1)": {Z1 < -1}
     * or {Z1 >= -1 and 0 <= Z2 < 1}, rho 0.7. The share of draws in the first box must be P(A) / (P(A) + P(B)).
     */
    @Test
    void aUnionOfBoxesKeepsEachBoxsShareOfTheRegion() {
        double rho = 0.7;
        LatentRegion region = new LatentRegion("x", new int[] {0, 1}, List.of(
                new Ranges[] {Ranges.below(-1), Ranges.ALL},
                new Ranges[] {Ranges.atLeast(-1), Ranges.of(0, 1)}));
        double[][] z = draw(new double[][] {{1, rho}, {rho, 1}}, List.of(region), DRAWS);
        double s = Math.sqrt(1 - rho * rho);
        double pa = N.cumulativeProbability(-1);
        double pb = 0;
        int steps = 100_000;
        double h = 10.0 / steps;
        for (int i = 0; i <= steps; i++) {
            double z1 = -1 + i * h;
            double w = (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * h / 3;
            pb += w * N.density(z1) * (N.cumulativeProbability((1 - rho * z1) / s)
                    - N.cumulativeProbability(-rho * z1 / s));
        }
        double share = pa / (pa + pb);
        int inA = 0;
        for (int i = 0; i < DRAWS; i++) {
            boolean a = z[0][i] < -1;
            boolean b = z[0][i] >= -1 && z[1][i] >= 0 && z[1][i] < 1;
            assertThat(a || b).isTrue();
            inA += a ? 1 : 0;
        }
        assertThat(inA / (double) DRAWS).isCloseTo(share, within(4.5 * Math.sqrt(share * (1 - share) / DRAWS)));
    }

    @Test
    void theSameStreamGivesTheSameRows() {
        double[][] r = {{1, 0.6}, {0.6, 1}};
        List<LatentRegion> regions = List.of(box(new int[] {0}, Ranges.of(-0.2, 0.3)), box(new int[] {1},
                Ranges.atLeast(0.8)));
        assertThat(draw(r, regions, 1000)).isDeepEqualTo(draw(r, regions, 1000));
    }

    @Test
    void aRegionTheCopulaPracticallyNeverReachesIsRefusedAsTooRare() {
        double[][] r = {{1, 0.99}, {0.99, 1}}; // Z2 given Z1 >= 3 sits 40 standard deviations above -3
        List<LatentRegion> regions = List.of(box(new int[] {0}, Ranges.atLeast(3)), box(new int[] {1},
                Ranges.below(-3)));
        assertThatThrownBy(() -> new ConditionedCopula(r, regions, ConditionException.Part.WHERE, "the where condition",
                1))
                .isInstanceOf(ConditionException.class)
                .hasMessage("the where condition holds for practically none of the rows the model generates: too rare"
                        + " to generate exactly; loosen it");
    }

    @Test
    void truncatedDrawsFarInATailStayInsideTheirInterval() {
        for (double[] ab : new double[][] {{8, 9}, {-30, -29.5}, {35, Double.POSITIVE_INFINITY}, {-1e-9, 1e-9}}) {
            double mass = TruncatedNormal.mass(ab[0], ab[1]);
            assertThat(mass).isGreaterThan(0);
            for (double u = 0; u < 1; u += 0.0625) {
                double x = TruncatedNormal.sample(ab[0], ab[1], u);
                assertThat(x).isGreaterThanOrEqualTo(ab[0]).isLessThan(ab[1]);
            }
        }
        // the upper tail keeps its relative precision: P(8 <= X < 9) = Φ(-8) - Φ(-9)
        assertThat(TruncatedNormal.mass(8, 9)).isCloseTo(6.22096057427e-16 - 1.12858840595e-19, within(1e-25));
        // the median of the mass in [8, 9) is close to 8 + ln(2) / 8
        assertThat(TruncatedNormal.sample(8, 9, 0.5)).isCloseTo(8 + Math.log(2) / 8, within(0.005));
    }
}
