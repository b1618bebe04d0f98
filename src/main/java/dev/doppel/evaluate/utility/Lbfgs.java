package dev.doppel.evaluate.utility;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and 7.5) with a
 * backtracking Armijo line search, for smooth convex objectives. Deterministic: the same objective values give the
 * same iterates. Stops when the largest gradient component is at most {@code gradientTolerance}, or when an accepted
 * step lowers the objective by at most {@value #VALUE_TOLERANCE} relative (as scipy's L-BFGS-B does with its
 * {@code ftol}), or after {@code maxIterations}; pair updates with non-positive curvature are skipped, so the implicit
 * inverse Hessian stays positive definite.
 */
final class Lbfgs {
    static final int MEMORY = 10;
    static final double VALUE_TOLERANCE = 1e-12;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 50;

    /** A smooth function: returns f(x) and writes its gradient into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The minimiser found, the objective there, the iterations taken and whether a stopping test was met. */
    record Result(double[] x, double value, int iterations, boolean converged) {}

    private Lbfgs() {}

    static Result minimize(Objective f, double[] start, int maxIterations, double gradientTolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] sStep = new double[n];
        double[] yStep = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (maxAbs(g) <= gradientTolerance) {
                return new Result(x, fx, iteration, true);
            }
            // two-loop recursion: d = -H g
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(newest - k, MEMORY);
                alpha[m] = rho[m] * dot(s[m], d);
                axpy(-alpha[m], y[m], d);
            }
            double scale = stored == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                d[i] *= scale;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(newest - k, MEMORY);
                double beta = rho[m] * dot(y[m], d);
                axpy(alpha[m] - beta, s[m], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) { // lost descent: restart from steepest descent
                stored = 0;
                double sc = 1 / Math.max(1, Math.sqrt(dot(g, g)));
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] * sc;
                }
                slope = dot(g, d);
            }
            double t = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + t * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                return new Result(x, fx, iteration, false);
            }
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                sStep[i] = xNew[i] - x[i];
                yStep[i] = gNew[i] - g[i];
                sy += sStep[i] * yStep[i];
                ss += sStep[i] * sStep[i];
                yy += yStep[i] * yStep[i];
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) { // keep the pair, replacing the oldest
                int slot = (newest + 1) % MEMORY;
                double[] swap = s[slot];
                s[slot] = sStep;
                sStep = swap;
                swap = y[slot];
                y[slot] = yStep;
                yStep = swap;
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, MEMORY);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (decrease <= VALUE_TOLERANCE * Math.max(1, Math.abs(fx))) {
                return new Result(x, fx, iteration + 1, true);
            }
        }
        return new Result(x, fx, maxIterations, maxAbs(g) <= gradientTolerance);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
