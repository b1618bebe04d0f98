package dev.doppel.evaluate.utility;

import dev.doppel.table.RawTable;
import java.util.SplittableRandom;

/**
 * Test helper: draws rows from one known population with a number {@code x1} (normal, 2% missing), a number
 * {@code x2} (normal), a label {@code g} (a 50%, b 30%, c 20%, 1% missing), and two targets depending on them: a
 * three-class label {@code cls} from a multinomial logit and a number {@code y = 2 + 3 x1' - x2 + N(0, 1)} (x1' is x1
 * with missing as 0), whose signal variance is 9 * 0.98 + 1 = 9.82, so the best R² is 9.82 / 10.82.
 */
final class Population {
    static final double BEST_R2 = 9.82 / 10.82;

    private Population() {}

    /** {@code n} rows drawn with {@code seed}; {@code shift} is added to x1 (0 for the population itself). */
    static Tables draw(int n, long seed, double shift) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] g = new String[n];
        String[] cls = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = normal(rnd) + shift;
            double b = normal(rnd);
            double u = rnd.nextDouble();
            String label = u < 0.01 ? null : u < 0.50 ? "a" : u < 0.80 ? "b" : "c";
            x1[i] = rnd.nextDouble() < 0.02 ? Double.NaN : a;
            x2[i] = b;
            g[i] = label;
            double a0 = Double.isNaN(x1[i]) ? 0 : x1[i];
            y[i] = 2 + 3 * a0 - b + normal(rnd);
            double eta1 = 0.3 + 1.2 * a0 - 0.5 * b + ("b".equals(label) ? 0.8 : 0);
            double eta2 = -0.2 - 0.7 * a0 + 0.9 * b + ("c".equals(label) ? 1.0 : 0);
            double z = 1 + Math.exp(eta1) + Math.exp(eta2);
            double v = rnd.nextDouble() * z;
            cls[i] = v < 1 ? "k0" : v < 1 + Math.exp(eta1) ? "k1" : "k2";
        }
        return new Tables().number("x1", x1).number("x2", x2).label("g", g).label("cls", cls).number("y", y);
    }

    static RawTable raw(int n, long seed, double shift) {
        return draw(n, seed, shift).raw("population");
    }

    static double normal(SplittableRandom rnd) {
        double u;
        double v;
        double s;
        do { // Marsaglia's polar method
            u = 2 * rnd.nextDouble() - 1;
            v = 2 * rnd.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
