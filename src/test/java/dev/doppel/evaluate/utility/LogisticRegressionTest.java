package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    /** Intercept, two standard normal inputs and two one-hot levels (b 30%, c 20%; a, 50%, the reference). */
    private static final double[] BETA = {-0.5, 1.0, -0.7, 0.8, -0.4};

    /** Rows drawn from the inputs above; the outcome from {@code classes} linear predictors (see draw). */
    private record Sample(DesignMatrix x, double[][] eta) {}

    private static Sample inputs(int n, long seed, double[][] betas) {
        SplittableRandom rnd = new SplittableRandom(seed);
        DesignMatrix.Builder b = new DesignMatrix.Builder(5, n, 4);
        double[][] eta = new double[n][betas.length];
        for (int i = 0; i < n; i++) {
            double[] row = new double[5];
            row[0] = 1;
            row[1] = Population.normal(rnd);
            row[2] = Population.normal(rnd);
            double u = rnd.nextDouble();
            row[3] = u >= 0.5 && u < 0.8 ? 1 : 0;
            row[4] = u >= 0.8 ? 1 : 0;
            for (int j = 0; j < 5; j++) {
                if (row[j] != 0) {
                    b.add(j, row[j]);
                }
            }
            b.endRow();
            for (int k = 0; k < betas.length; k++) {
                for (int j = 0; j < 5; j++) {
                    eta[i][k] += betas[k][j] * row[j];
                }
            }
        }
        return new Sample(b.build(), eta);
    }

    private static boolean[] binary(Sample s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[] y = new boolean[s.x().rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextDouble() < LogisticRegression.sigmoid(s.eta()[i][0]);
        }
        return y;
    }

    @Test
    void recoversKnownCoefficientsWithinFourStandardErrors() {
        Sample s = inputs(20_000, 1, new double[][] {BETA});
        LogisticRegression model = LogisticRegression.fit(s.x(), binary(s, 2), 2);
        double[] estimate = model.coefficients();
        double[] se = model.standardErrors();
        assertThat(model.converged()).isTrue();
        assertThat(model.iterations()).isLessThan(15);
        for (int j = 0; j < BETA.length; j++) {
            // n = 20,000 makes each standard error about 0.02-0.04; 4 of them is a 1-in-15,000 miss per coefficient
            assertThat(estimate[j]).as("coefficient %d", j).isCloseTo(BETA[j], within(4 * se[j]));
            assertThat(se[j]).isBetween(0.01, 0.06);
        }
    }

    @Test
    void lbfgsReachesTheNewtonOptimum() {
        Sample s = inputs(8_000, 3, new double[][] {BETA});
        boolean[] y = binary(s, 4);
        double[] newton = LogisticRegression.fit(s.x(), y, 1).coefficients();
        LogisticRegression lbfgs = LogisticRegression.fitByLbfgs(s.x(), y, 1);
        assertThat(lbfgs.converged()).isTrue();
        assertThat(lbfgs.standardErrors()).isNull();
        assertThat(lbfgs.coefficients()).containsExactly(newton, within(1e-4));
    }

    @Test
    void softmaxWithTwoClassesIsTheBinaryModel() {
        Sample s = inputs(8_000, 5, new double[][] {BETA});
        boolean[] y = binary(s, 6);
        int[] classes = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            classes[i] = y[i] ? 1 : 0;
        }
        double[] binary = LogisticRegression.fit(s.x(), y, 1).coefficients();
        SoftmaxRegression softmax = SoftmaxRegression.fit(s.x(), classes, 2, 1);
        assertThat(softmax.converged()).isTrue();
        // both reach the same optimum; the softmax stops once the objective is within about 1e-10 of it
        assertThat(softmax.coefficients(1)).containsExactly(binary, within(2e-3));
        assertThat(softmax.coefficients(0)).containsOnly(0.0);
    }

    @Test
    void softmaxRecoversThreeClassCoefficients() {
        double[][] betas = {{0.3, 1.2, -0.5, 0.8, 0.0}, {-0.2, -0.7, 0.9, 0.0, 1.0}};
        Sample s = inputs(30_000, 7, betas);
        SplittableRandom rnd = new SplittableRandom(8);
        int[] y = new int[s.x().rows()];
        for (int i = 0; i < y.length; i++) {
            double e1 = Math.exp(s.eta()[i][0]);
            double e2 = Math.exp(s.eta()[i][1]);
            double v = rnd.nextDouble() * (1 + e1 + e2);
            y[i] = v < 1 ? 0 : v < 1 + e1 ? 1 : 2;
        }
        SoftmaxRegression model = SoftmaxRegression.fit(s.x(), y, 3, 2);
        assertThat(model.converged()).isTrue();
        for (int k = 1; k <= 2; k++) {
            // with n = 30,000 and every class above 20% of rows these standard errors are 0.015-0.04 (the binary
            // fit's on the same inputs); 0.15 is about four of the largest
            assertThat(model.coefficients(k)).as("class %d", k).containsExactly(betas[k - 1], within(0.15));
        }
        double[] p = model.probabilities(s.x(), 0);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void separableClassesGiveFiniteCoefficients() {
        DesignMatrix.Builder b = new DesignMatrix.Builder(2, 200, 2);
        boolean[] y = new boolean[200];
        for (int i = 0; i < 200; i++) {
            b.add(0, 1);
            b.add(1, i < 100 ? -1 - i / 100.0 : 1 + i / 100.0);
            b.endRow();
            y[i] = i >= 100;
        }
        DesignMatrix x = b.build();
        LogisticRegression model = LogisticRegression.fit(x, y, 1);
        for (double c : model.coefficients()) {
            assertThat(c).isFinite();
        }
        assertThat(model.probability(x, 0)).isLessThan(0.01);
        assertThat(model.probability(x, 199)).isGreaterThan(0.99);
    }

    @Test
    void ridgeRecoversLinearCoefficients() {
        Sample s = inputs(10_000, 9, new double[][] {BETA});
        SplittableRandom rnd = new SplittableRandom(10);
        double[] y = new double[s.x().rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = s.eta()[i][0] + 0.5 * Population.normal(rnd);
        }
        // noise sd 0.5 over 10,000 rows: standard errors about 0.005 (slopes) to 0.015 (levels); 0.06 is four
        assertThat(RidgeRegression.fit(s.x(), y, 2).coefficients()).containsExactly(BETA, within(0.06));
    }

    @Test
    void fitsAreIdenticalForAnyThreadCount() {
        double[][] betas = {BETA, {0.1, -0.3, 0.2, 0.0, 0.5}};
        Sample s = inputs(40_000, 11, betas); // 10 row blocks
        boolean[] y = binary(s, 12);
        int[] classes = new int[y.length];
        double[] target = new double[y.length];
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < y.length; i++) {
            classes[i] = y[i] ? 1 : rnd.nextDouble() < LogisticRegression.sigmoid(s.eta()[i][1]) ? 2 : 0;
            target[i] = s.eta()[i][0] + Population.normal(rnd);
        }
        double[] logistic1 = LogisticRegression.fit(s.x(), y, 1).coefficients();
        double[] softmax1 = SoftmaxRegression.fit(s.x(), classes, 3, 1).coefficients(2);
        double[] ridge1 = RidgeRegression.fit(s.x(), target, 1).coefficients();
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(LogisticRegression.fit(s.x(), y, threads).coefficients()).isEqualTo(logistic1);
            assertThat(SoftmaxRegression.fit(s.x(), classes, 3, threads).coefficients(2)).isEqualTo(softmax1);
            assertThat(RidgeRegression.fit(s.x(), target, threads).coefficients()).isEqualTo(ridge1);
        }
    }
}
