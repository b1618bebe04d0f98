package dev.doppel.generate;

import dev.doppel.model.FastNormal;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.Seeds;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Maps a value dimension's normal score to the uniform scale of its marginal. A column's value is only drawn on rows
 * where its "missing" and "spike" dimensions say so; when those dimensions are correlated with the value dimension
 * (a missing total_spend goes with tenure 0, and total_spend with tenure), the value dimension's score on those rows is
 * no longer standard normal, and Φ would bend the marginal. So for such columns the map is the score's CDF among the
 * rows that draw a value, learned once from a fixed-seed simulation of the copula (the same for every run, so output
 * stays byte-identical), which keeps both the marginal and every rank correlation.
 */
final class ConditionalScale {
    /** Draws of the copula simulated to learn the conditional CDFs. */
    static final int DRAWS = 200_000;
    /** Below this many rows drawing a value, Φ is kept. */
    static final int MIN_KEPT = 5_000;

    private final double[][] sorted; // per column: the sorted scores among rows that draw a value, or null for Φ

    /**
     * @param valueDim per column its value dimension, or -1
     * @param gateDims per column the dimensions that gate it ("missing", "spike"), possibly empty
     * @param gateThresholds per column, per gate: the value is drawn only when the gate's score is at least this
     */
    ConditionalScale(GaussianCopula copula, int[] valueDim, int[][] gateDims, double[][] gateThresholds) {
        int columns = valueDim.length;
        sorted = new double[columns][];
        double[][] corr = copula.correlation();
        boolean any = false;
        boolean[] needs = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            for (int g : gateDims[c]) {
                if (valueDim[c] >= 0 && Math.abs(corr[valueDim[c]][g]) > 1e-9) {
                    needs[c] = true;
                    any = true;
                }
            }
        }
        int d = copula.dimension();
        long cost = (long) d * (d + 1) / 2;
        if (!any || cost * DRAWS > 2_000_000_000L) {
            return; // nothing to correct, or too wide to simulate: Φ
        }
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(Seeds.derive(0x5EEDL, "conditional-scale", 0));
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] kept = new double[columns][];
        int[] count = new int[columns];
        for (int c = 0; c < columns; c++) {
            if (needs[c]) {
                kept[c] = new double[DRAWS];
            }
        }
        double[] eps = new double[d];
        double[] z = new double[d];
        for (int i = 0; i < DRAWS; i++) {
            for (int j = 0; j < d; j++) {
                eps[j] = gauss.sample();
            }
            copula.correlate(eps, z);
            for (int c = 0; c < columns; c++) {
                if (!needs[c]) {
                    continue;
                }
                boolean draws = true;
                for (int g = 0; g < gateDims[c].length; g++) {
                    draws &= z[gateDims[c][g]] >= gateThresholds[c][g];
                }
                if (draws) {
                    kept[c][count[c]++] = z[valueDim[c]];
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            if (needs[c] && count[c] >= MIN_KEPT) {
                double[] s = Arrays.copyOf(kept[c], count[c]);
                Arrays.sort(s);
                sorted[c] = s;
            }
        }
    }

    /** The uniform for column c's value-dimension score z. */
    double uniform(int c, double z) {
        double[] s = sorted[c];
        if (s == null) {
            return FastNormal.cdf(z);
        }
        int n = s.length;
        if (z <= s[0]) {
            return 0.5 / n;
        }
        if (z >= s[n - 1]) {
            return 1 - 0.5 / n;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= z) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (z - s[lo]) / (s[hi] - s[lo]);
        return (lo + 0.5 + t) / n;
    }
}
