package dev.doppel.generate;

import dev.doppel.generate.condition.ConditionException;
import dev.doppel.generate.condition.Ranges;
import dev.doppel.model.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Exact draws of the copula's latent normal vector Z ~ N(0, R) given that some of its dimensions lie in a region: the
 * conditioned dimensions C (those of the conditioned columns) must lie in each column's {@link LatentRegion} (a union
 * of boxes), the others, F, are free.
 *
 * <p><b>The free dimensions</b> follow the conditional normal given the conditioned ones, Z_F | Z_C ~
 * N(R_FC R_CC⁻¹ Z_C, R_FF − R_FC R_CC⁻¹ R_CF) (the Schur complement). It is drawn through the Cholesky factor L of R
 * with the dimensions permuted to put C first: then Z_C = L_CC e_C, and the rows of L below C give
 * Z_F = L_FC e_C + L_FF e_F with e_F independent standard normals, which is exactly that conditional law
 * (L_FC = R_FC L_CC⁻ᵀ and L_FF L_FFᵀ is the Schur complement). So whatever Z_C is drawn, the rest is exact.
 *
 * <p><b>The conditioned dimensions</b> are drawn one after the other: dimension k given the earlier ones is normal
 * with mean μ_k = Σ L_kj e_j and standard deviation L_kk, and is drawn from it truncated to its section of the region
 * (the union, over the boxes of its column still containing the column's earlier scores, of their intervals for k),
 * by inversion. With one conditioned dimension this is the exact truncated normal and nothing more is needed. With
 * several, the sequence (the GHK simulator) is a proposal whose density differs from the target, the normal
 * restricted to the region, by the factor Π_k P_k, P_k being the probability of dimension k's section under its
 * conditional normal. So a proposal is kept with probability Π_k P_k / M_k, where M_k bounds P_k from above over
 * every reachable μ_k (μ_k is a linear function of the earlier scores, which stay inside the hulls of their sections).
 * That is rejection sampling with an exact bound, so kept draws follow the conditioned normal exactly; no step is
 * approximate and there is no burn-in. Dimensions whose P_k cannot vary (the first one; any that is uncorrelated with
 * the earlier ones and the first of its column) need no weight. Ordering the dimensions by increasing probability puts
 * the most selective first, where it is drawn exactly, which keeps the acceptance high.
 *
 * <p>A pilot run with a fixed seed estimates the acceptance rate and the region's probability (the GHK estimate);
 * below {@link #MIN_ACCEPTANCE} the condition is refused as too rare to generate, rather than run for hours.
 * Thread-safe: all per-draw state lives in a {@link Scratch}.
 */
final class ConditionedCopula {
    /** Proposals of the pilot run. */
    static final int PILOT = 8192;
    /** Below this estimated share of kept proposals, a condition is refused as too rare. */
    static final double MIN_ACCEPTANCE = 1e-4;
    /** Proposals for one row after which drawing gives up (the pilot makes this practically unreachable). */
    static final long MAX_PROPOSALS = 50_000_000L;

    private final int d;
    private final int c; // conditioned dimensions: positions 0..c-1 of the permuted order
    private final int[] order; // position -> copula dimension
    private final double[][] l; // Cholesky factor of the permuted correlation, row k holds l[k][0..k]
    private final int[] region; // position (< c) -> its column's region
    private final Ranges[][] boxRanges; // position (< c) -> per box of its region, the box's interval set
    private final Ranges[][] sections; // position (< c) -> per mask of live boxes, the union of their intervals
    private final int[] fullMask; // per region: every box live
    private final boolean[] weighted; // position (< c): its P_k varies, so it carries a weight
    private final double[] bound; // position (< c): M_k
    private final boolean anyWeighted;
    private final int maxIntervals;
    private final double acceptance;
    private final double share;

    /**
     * @param correlation the copula's correlation matrix
     * @param regions per conditioned column, its region (dimensions of different regions are distinct)
     * @param part which setting to blame when the condition is too rare
     * @param what the condition, in words, for that message
     * @param pilotSeed the pilot run's seed (fixed, so the verdict does not depend on the user's seed)
     */
    ConditionedCopula(double[][] correlation, List<LatentRegion> regions, ConditionException.Part part, String what,
            long pilotSeed) {
        d = correlation.length;
        List<int[]> conditioned = new ArrayList<>(); // {dim, region, index in region}
        for (int r = 0; r < regions.size(); r++) {
            int[] dims = regions.get(r).dims();
            for (int i = 0; i < dims.length; i++) {
                conditioned.add(new int[] {dims[i], r, i});
            }
        }
        c = conditioned.size();
        double[] projectedMass = new double[d];
        for (int[] x : conditioned) {
            projectedMass[x[0]] = mass(projection(regions.get(x[1]), x[2]), 0, 1);
        }
        conditioned.sort(Comparator.<int[]>comparingDouble(x -> projectedMass[x[0]]).thenComparingInt(x -> x[0]));
        order = new int[d];
        boolean[] isConditioned = new boolean[d];
        for (int k = 0; k < c; k++) {
            order[k] = conditioned.get(k)[0];
            isConditioned[order[k]] = true;
        }
        int next = c;
        for (int j = 0; j < d; j++) {
            if (!isConditioned[j]) {
                order[next++] = j;
            }
        }
        l = cholesky(correlation, order);

        region = new int[c];
        boxRanges = new Ranges[c][];
        sections = new Ranges[c][];
        fullMask = new int[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            int boxes = regions.get(r).boxes().size();
            if (boxes > 16) {
                throw new IllegalArgumentException("too many boxes in one region");
            }
            fullMask[r] = (1 << boxes) - 1;
        }
        Ranges[] hull = new Ranges[c];
        int widest = 1;
        boolean[] seenRegion = new boolean[regions.size()];
        weighted = new boolean[c];
        bound = new double[c];
        boolean any = false;
        for (int k = 0; k < c; k++) {
            int[] x = conditioned.get(k);
            LatentRegion reg = regions.get(x[1]);
            region[k] = x[1];
            int boxes = reg.boxes().size();
            boxRanges[k] = new Ranges[boxes];
            for (int b = 0; b < boxes; b++) {
                boxRanges[k][b] = reg.boxes().get(b)[x[2]];
            }
            sections[k] = new Ranges[1 << boxes];
            for (int mask = 0; mask < (1 << boxes); mask++) {
                Ranges s = Ranges.NONE;
                for (int b = 0; b < boxes; b++) {
                    if ((mask & (1 << b)) != 0) {
                        s = s.union(boxRanges[k][b]);
                    }
                }
                sections[k][mask] = s;
                widest = Math.max(widest, s.size());
            }
            Ranges projection = sections[k][fullMask[x[1]]];
            hull[k] = projection.isEmpty() ? Ranges.NONE
                    : Ranges.of(projection.from(0), projection.to(projection.size() - 1));
            boolean firstOfColumn = !seenRegion[x[1]];
            seenRegion[x[1]] = true;
            boolean correlated = false;
            for (int j = 0; j < k; j++) {
                correlated |= l[k][j] != 0;
            }
            weighted[k] = l[k][k] > 0 && (correlated || !firstOfColumn);
            if (weighted[k]) {
                bound[k] = bound(k, projection, hull);
                any = true;
            }
        }
        anyWeighted = any;
        maxIntervals = widest;
        double[] pilot = pilot(pilotSeed);
        acceptance = pilot[0];
        share = pilot[1];
        if (c > 0 && !(acceptance >= MIN_ACCEPTANCE)) {
            String about = share > 0 ? "only about " + String.format(Locale.ROOT, "%.1g", share) : "practically none";
            throw new ConditionException(part, what + " holds for " + about + " of the rows the model generates: too"
                    + " rare to generate exactly; loosen it");
        }
    }

    /** The union of a region's intervals for its i-th dimension. */
    private static Ranges projection(LatentRegion region, int i) {
        Ranges out = Ranges.NONE;
        for (Ranges[] box : region.boxes()) {
            out = out.union(box[i]);
        }
        return out;
    }

    /** Cholesky factor of the correlation with rows and columns in {@code order}; a pivot lost to rounding is 0. */
    private static double[][] cholesky(double[][] a, int[] order) {
        int n = order.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double sum = a[order[i]][order[j]];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = sum > 0 ? Math.sqrt(sum) : 0;
                } else {
                    l[i][j] = l[j][j] > 0 ? sum / l[j][j] : 0;
                }
            }
        }
        return l;
    }

    /**
     * M_k: an upper bound of P_k over every reachable conditional mean. μ_k = Σ_j b_j z_j over the earlier conditioned
     * scores (b solves L_&lt;kᵀ b = L_k,&lt;k), each z_j inside the hull of its projection, bounds μ_k to an interval;
     * the probability of one score interval under N(μ, s²) peaks where μ is nearest its centre, and the section's
     * probability is at most the sum of those peaks over the projection's intervals.
     */
    private double bound(int k, Ranges projection, Ranges[] hull) {
        double[] b = new double[k];
        boolean solvable = true;
        for (int j = k - 1; j >= 0; j--) {
            double sum = l[k][j];
            for (int i = j + 1; i < k; i++) {
                sum -= l[i][j] * b[i];
            }
            if (!(l[j][j] > 0)) {
                solvable = false;
                break;
            }
            b[j] = sum / l[j][j];
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (solvable) {
            lo = 0;
            hi = 0;
            for (int j = 0; j < k; j++) {
                if (b[j] == 0) {
                    continue;
                }
                double x = b[j] * hull[j].from(0);
                double y = b[j] * hull[j].to(0);
                lo += Math.min(x, y);
                hi += Math.max(x, y);
            }
            if (Double.isNaN(lo) || Double.isNaN(hi)) {
                lo = Double.NEGATIVE_INFINITY;
                hi = Double.POSITIVE_INFINITY;
            }
        }
        double s = l[k][k];
        double total = 0;
        for (int i = 0; i < projection.size(); i++) {
            double from = projection.from(i);
            double to = projection.to(i);
            double mu;
            if (from == Double.NEGATIVE_INFINITY && to == Double.POSITIVE_INFINITY) {
                return 1;
            } else if (from == Double.NEGATIVE_INFINITY) {
                mu = lo;
            } else if (to == Double.POSITIVE_INFINITY) {
                mu = hi;
            } else {
                mu = Math.max(lo, Math.min(hi, from / 2 + to / 2));
            }
            if (Double.isInfinite(mu)) {
                return 1;
            }
            total += TruncatedNormal.mass((from - mu) / s, (to - mu) / s);
        }
        return Math.min(1, total);
    }

    /** Per-draw working memory; one per thread. */
    final class Scratch {
        final double[] e = new double[d];
        final double[] zc = new double[c];
        final int[] masks = new int[fullMask.length];
        final double[] masses = new double[maxIntervals];
        double probability; // Π P_k of the last proposal
    }

    Scratch scratch() {
        return new Scratch();
    }

    /** The estimated share of proposals kept. */
    double acceptance() {
        return acceptance;
    }

    /** The estimated probability of the region under the copula: the share of unconditioned rows that meet it. */
    double share() {
        return share;
    }

    /** The number of conditioned dimensions. */
    int conditionedDimensions() {
        return c;
    }

    /** Fixed-seed pilot: {mean kept probability of a proposal, mean Π P_k}. */
    private double[] pilot(long seed) {
        if (c == 0) {
            return new double[] {1, 1};
        }
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(Seeds.derive(seed, "condition-pilot", 0));
        Scratch s = scratch();
        double kept = 0;
        double probability = 0;
        for (int i = 0; i < PILOT; i++) {
            double ratio = propose(rng, -1, s);
            kept += ratio;
            probability += s.probability;
        }
        return new double[] {kept / PILOT, probability / PILOT};
    }

    /**
     * One proposal of the conditioned scores into {@code s.zc} (and their e's): returns Π P_k / M_k over the weighted
     * dimensions, or 0 as soon as a section has no probability or the product falls to {@code threshold} or below
     * (the proposal is then rejected anyway, since the product only decreases).
     */
    private double propose(UniformRandomProvider rng, double threshold, Scratch s) {
        System.arraycopy(fullMask, 0, s.masks, 0, fullMask.length);
        double ratio = 1;
        double probability = 1;
        s.probability = 0;
        for (int k = 0; k < c; k++) {
            double[] lk = l[k];
            double mu = 0;
            for (int j = 0; j < k; j++) {
                mu += lk[j] * s.e[j];
            }
            double sd = lk[k];
            Ranges section = sections[k][s.masks[region[k]]];
            double z;
            if (!(sd > 0)) {
                if (!section.contains(mu)) {
                    return 0;
                }
                z = mu;
                s.e[k] = 0;
            } else {
                double total = 0;
                int n = section.size();
                for (int i = 0; i < n; i++) {
                    double m = TruncatedNormal.mass((section.from(i) - mu) / sd, (section.to(i) - mu) / sd);
                    s.masses[i] = m;
                    total += m;
                }
                if (!(total > 0)) {
                    return 0;
                }
                probability *= total;
                if (weighted[k]) {
                    ratio *= Math.min(1, total / bound[k]);
                    if (ratio <= threshold) {
                        return 0;
                    }
                }
                double v = rng.nextDouble() * total;
                int pick = -1;
                for (int i = 0; i < n; i++) {
                    if (s.masses[i] > 0) {
                        pick = i;
                        if (v < s.masses[i]) {
                            break;
                        }
                        v -= s.masses[i];
                    }
                }
                double from = section.from(pick);
                double to = section.to(pick);
                double x = TruncatedNormal.sample((from - mu) / sd, (to - mu) / sd, rng.nextDouble());
                z = mu + sd * x;
                z = z < from ? from : z < to ? z : Math.nextDown(to); // inside the interval, whatever the rounding
                s.e[k] = (z - mu) / sd;
            }
            s.zc[k] = z;
            int live = s.masks[region[k]];
            Ranges[] boxes = boxRanges[k];
            for (int b = 0; b < boxes.length; b++) {
                if ((live & (1 << b)) != 0 && !boxes[b].contains(z)) {
                    live &= ~(1 << b);
                }
            }
            s.masks[region[k]] = live;
        }
        s.probability = probability;
        return ratio;
    }

    /**
     * Draws one row of latent scores, in copula order, into {@code out}: the conditioned ones by accepted proposals,
     * then the free ones from their conditional normal.
     */
    void draw(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss, Scratch s, double[] out) {
        if (c > 0) {
            for (long attempt = 0; ; attempt++) {
                if (attempt >= MAX_PROPOSALS) {
                    throw new ConditionException(ConditionException.Part.WHERE, "the condition is too rare to generate"
                            + " exactly: no proposal out of " + MAX_PROPOSALS + " met it; loosen it");
                }
                double u = anyWeighted ? rng.nextDouble() : 0;
                if (propose(rng, u, s) > u) {
                    break;
                }
            }
        }
        double[] e = s.e;
        for (int k = c; k < d; k++) {
            e[k] = gauss.sample();
        }
        for (int k = 0; k < c; k++) {
            out[order[k]] = s.zc[k];
        }
        for (int k = c; k < d; k++) {
            double[] lk = l[k];
            double z = 0;
            for (int j = 0; j <= k; j++) {
                z += lk[j] * e[j];
            }
            out[order[k]] = z;
        }
    }

    /** The probability of a set of scores under N(mu, sd²). */
    private static double mass(Ranges r, double mu, double sd) {
        double total = 0;
        for (int i = 0; i < r.size(); i++) {
            total += TruncatedNormal.mass((r.from(i) - mu) / sd, (r.to(i) - mu) / sd);
        }
        return total;
    }

    @Override
    public String toString() {
        return "ConditionedCopula[" + c + " of " + d + " dimensions conditioned]";
    }

    /** For tests: the permuted order (conditioned dimensions first). */
    int[] order() {
        return Arrays.copyOf(order, order.length);
    }
}
