package dev.doppel.generate;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard normal restricted to an interval [a, b): its probability and draws by inversion. Both work in the
 * lower tail (an upper interval is mirrored), where Φ keeps its relative precision down to about -37, so intervals
 * far in a tail are neither lost nor drawn from the wrong place.
 */
final class TruncatedNormal {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private TruncatedNormal() {}

    /** P(a <= X < b) for a standard normal X. */
    static double mass(double a, double b) {
        if (!(a < b)) {
            return 0;
        }
        if (a >= 0) {
            return cdf(-a) - cdf(-b);
        }
        if (b <= 0) {
            return cdf(b) - cdf(a);
        }
        return 1 - cdf(a) - cdf(-b);
    }

    /** The draw for uniform u in [0, 1) of a standard normal restricted to [a, b) (a < b), clamped into it. */
    static double sample(double a, double b, double u) {
        double x;
        if (a >= 0) {
            x = -lowerOrMiddle(-b, -a, u);
        } else {
            x = lowerOrMiddle(a, b, u);
        }
        if (x < a) {
            return a;
        }
        return x < b ? x : Math.nextDown(b);
    }

    /** Inversion for a < 0 (the interval starts in the lower half). */
    private static double lowerOrMiddle(double a, double b, double u) {
        double pa = cdf(a);
        double p;
        if (b <= 0) {
            double pb = cdf(b);
            p = pa + u * (pb - pa);
        } else {
            p = pa + u * (1 - pa - cdf(-b));
        }
        if (!(p > 0)) {
            return Double.isFinite(a) ? a : b; // Φ underflowed: the interval is beyond -37, its mass is nil
        }
        return p >= 1 ? b : STANDARD.inverseCumulativeProbability(p);
    }

    private static double cdf(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return STANDARD.cumulativeProbability(x);
    }
}
