package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.PrivacyScores.AttackResult;

/**
 * Confidence intervals for success rates and their difference, at 95%.
 *
 * <p>A rate of s successes in n attacks gets Wilson's score interval (Wilson 1927), which stays inside [0, 1] and
 * keeps its coverage near 0 and 1, where attack rates often sit. The risk, training rate minus hold-out rate, gets
 * Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the two Wilson intervals:
 * {@code [d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)]}. It treats the two rates as
 * independent samples, which they are: the training and hold-out targets are different people.
 */
final class Proportions {
    /** The 97.5th percentile of the standard normal distribution. */
    static final double Z = 1.959963984540054;

    private Proportions() {}

    /** Wilson's 95% interval {low, high} for s successes in n trials; NaNs when n is 0. */
    static double[] wilson(int successes, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Newcombe's 95% interval {low, high} for p1 - p2, both rates from n trials each side. */
    static double[] newcombe(int successes1, int n1, int successes2, int n2) {
        if (n1 == 0 || n2 == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p1 = (double) successes1 / n1;
        double p2 = (double) successes2 / n2;
        double[] w1 = wilson(successes1, n1);
        double[] w2 = wilson(successes2, n2);
        double d = p1 - p2;
        return new double[] {
            d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2)),
            d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]))
        };
    }

    /**
     * The result of an attack made {@code attacks} times on each side. {@code holdoutSuccesses < 0} means there was
     * no hold-out: its rate, the risk and the interval are NaN.
     */
    static AttackResult result(String name, int attacks, int trainingSuccesses, int holdoutSuccesses,
            double baselineSuccess) {
        double training = attacks == 0 ? Double.NaN : (double) trainingSuccesses / attacks;
        if (holdoutSuccesses < 0 || attacks == 0) {
            return new AttackResult(name, attacks, training, Double.NaN, baselineSuccess, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double holdout = (double) holdoutSuccesses / attacks;
        double[] ci = newcombe(trainingSuccesses, attacks, holdoutSuccesses, attacks);
        return new AttackResult(name, attacks, training, holdout, baselineSuccess, training - holdout, ci[0], ci[1]);
    }

    /** An attack that could not be made (too few rows or columns): no attacks, every rate NaN. */
    static AttackResult notMade(String name) {
        return new AttackResult(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static double square(double x) {
        return x * x;
    }
}
