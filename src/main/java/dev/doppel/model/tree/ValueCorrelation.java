package dev.doppel.model.tree;

import dev.doppel.model.FastNormal;
import dev.doppel.model.NumericColumn;

/**
 * Pearson's correlation of two numeric columns' values when they are drawn through their marginals from two standard
 * normals of latent correlation ρ, and its inverse: the ρ that gives the values a chosen correlation (NORTA, "normal to
 * anything", Cario and Nelson 1997).
 *
 * <p>A value is g(Z) = Q(Φ(Z)), rounded as the column is written (Q the marginal's quantile function). With g's
 * normalised Hermite coefficients a_k = E[g̃(Z) h_k(Z)] (g̃ = g standardised), Mehler's expansion gives the values'
 * correlation r(ρ) = Σ_k ρ^k a_k b_k, increasing in ρ for monotone g. The coefficients are integrated on a grid of
 * {@value #STEPS} steps over z in [−8, 8]; {@value #TERMS} terms leave an error far below sampling error for |ρ| under
 * 0.95.
 *
 * <p>Why: a Gaussian copula keeps rank correlations when the dependence is Gaussian; when it is not (mall_customers'
 * age and annual income: Pearson's r of the values −0.01, the latent correlation estimated from ranks and normal scores
 * +0.04), the values it draws show a different Pearson correlation than the training rows. The inverse picks the ρ
 * under which they show the training rows' own.
 */
final class ValueCorrelation {
    /** Hermite terms kept. */
    static final int TERMS = 40;
    /** Grid steps of the integration. */
    static final int STEPS = 8192;
    private static final double Z_MAX = 8;
    /** The largest latent correlation the inverse returns: at ±1 the conditional of one column would be a point. */
    static final double MAX_LATENT = 0.999;

    private ValueCorrelation() {}

    /**
     * The normalised Hermite coefficients (index 1 to {@value #TERMS}; index 0 unused) of the column's standardised
     * value function; null when the column has no marginal or its values do not vary.
     */
    static double[] hermite(NumericColumn column) {
        if (column.marginal() == null) {
            return null;
        }
        double factor = column.roundingFactor();
        double dz = 2 * Z_MAX / STEPS;
        double[] g = new double[STEPS + 1];
        double[] weight = new double[STEPS + 1];
        double total = 0;
        double mean = 0;
        for (int i = 0; i <= STEPS; i++) {
            double z = -Z_MAX + i * dz;
            double x = column.marginal().quantile(FastNormal.cdf(z));
            g[i] = factor > 0 ? Math.rint(x * factor) / factor : x;
            weight[i] = FastNormal.density(z) * (i == 0 || i == STEPS ? 0.5 : 1);
            total += weight[i];
            mean += weight[i] * g[i];
        }
        mean /= total;
        double variance = 0;
        for (int i = 0; i <= STEPS; i++) {
            variance += weight[i] * (g[i] - mean) * (g[i] - mean);
        }
        variance /= total;
        if (!(variance > 0)) {
            return null;
        }
        double sd = Math.sqrt(variance);
        double[] out = new double[TERMS + 1];
        for (int i = 0; i <= STEPS; i++) {
            double z = -Z_MAX + i * dz;
            double v = (g[i] - mean) / sd * weight[i] / total;
            double previous = 1;
            double h = z;
            out[1] += v * h;
            for (int k = 1; k < TERMS; k++) {
                double next = (z * h - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
                previous = h;
                h = next;
                out[k + 1] += v * h;
            }
        }
        return out;
    }

    /** The values' correlation at latent correlation rho: Σ ρ^k a_k b_k. */
    static double of(double[] a, double[] b, double rho) {
        double sum = 0;
        double power = 1;
        for (int k = 1; k <= TERMS; k++) {
            power *= rho;
            sum += power * a[k] * b[k];
        }
        return sum;
    }

    /**
     * The latent correlation at which the values' correlation is r (bisection; r is increasing in ρ), within
     * ±{@value #MAX_LATENT}: a correlation beyond what the two marginals can show at all gets the nearest bound.
     */
    static double latent(double r, double[] a, double[] b) {
        double lo = -MAX_LATENT;
        double hi = MAX_LATENT;
        if (of(a, b, hi) <= r) {
            return hi;
        }
        if (of(a, b, lo) >= r) {
            return lo;
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (of(a, b, mid) < r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
