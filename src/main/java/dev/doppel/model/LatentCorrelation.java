package dev.doppel.model;

import dev.doppel.stats.PairwisePearson;

/**
 * Estimates the copula's correlation matrix from columns given as bands of (0, 1): a row's band is the slice of the
 * uniform scale its value (or its label, or "missing") occupies, exactly the slice generation maps back to that value.
 *
 * <p>Each row is scored by its band's midpoint (its mid-rank, or that rank's normal quantile), and the Pearson
 * correlation r of two columns' scores (with rank scores: Spearman's rho, ties included) is measured over the rows
 * both see (a value dimension does not see rows whose value is missing). For continuous columns r is the latent correlation itself; for columns with ties (a spike such as
 * {@code pdays = -1}, a 0/1 flag, a label) r is attenuated, and generating with it would weaken every dependence
 * involving such columns. So r is inverted through the exact relation between the latent correlation ρ and the
 * expected correlation of the two step-function scores under a bivariate normal, written with Mehler's expansion as
 * r(ρ) = Σ_k ρ^k α_k β_k / (σ_α σ_β), where α_k is the k-th normalised Hermite coefficient of one column's score
 * function, computed in closed form from its band edges. This is the polychoric/polyserial idea, extended to every
 * mix of continuous, discrete and categorical columns at the cost of one root-finding per pair.
 */
final class LatentCorrelation {
    /**
     * Estimates are shrunk by n / (n + PRIOR_ROWS), n being the evidence behind them (the rows of a dimension's rarer
     * side): 3% at 7,000 rows, 65% for a flag set on 11 rows, whose estimate is mostly noise and would otherwise
     * clash with the rest of the matrix.
     */
    static final double PRIOR_ROWS = 20;

    /** Hermite terms kept. */
    static final int TERMS = 60;
    /** The largest latent correlation a weak boundary case (rare flags) is given. */
    static final double SATURATED = 0.95;
    /** The latent correlation of columns that move together. */
    static final double DETERMINISTIC = 0.999;
    /** Rows on the rarer side needed to take a boundary estimate as a deterministic relation. */
    static final double DETERMINISTIC_EVIDENCE = 30;
    /** How close to the achievable extreme counts as the boundary. */
    static final double BOUNDARY = 1e-3;

    private LatentCorrelation() {}

    /** One column's bands: row band indices plus, per band, its edges on the uniform scale. */
    static final class Bands {
        final int[] rowBand;
        final double[] lo;
        final double[] hi;

        Bands(int[] rowBand, double[] lo, double[] hi) {
            this.rowBand = rowBand;
            this.lo = lo;
            this.hi = hi;
        }

        /** A two-band dimension (a flag): band 0 is (0, share), band 1 is (share, 1). */
        static Bands split(int[] rowBand, double share) {
            return new Bands(rowBand, new double[] {0, share}, new double[] {share, 1});
        }
    }

    /**
     * The latent correlations: the mean of the estimate from rank scores (which reproduces Spearman's rho) and from
     * normal scores (which weighs the tails as Pearson's r does). When the real dependence is not Gaussian in the
     * tails (heavy-tailed amounts that go together in the middle but not at the extremes) no single Gaussian
     * copula matches both; the mean keeps both within a few hundredths on the shared datasets.
     */
    static double[][] estimate(Bands[] columns) {
        int d = columns.length;
        Scores ranks = Scores.of(columns, false);
        Scores normal = Scores.of(columns, true);
        double[] support = new double[d];
        for (int j = 0; j < d; j++) {
            support[j] = support(columns[j]);
        }
        // every pair's observed correlation, both scorings, in one blocked pass over the rows: column j < d is
        // column j's rank scores, column d + j its normal scores; a pair with a constant side is not measured (0)
        int[] first = new int[d * (d - 1)];
        int[] second = new int[first.length];
        int pairs = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                if (ranks.sd[a] > 0 && ranks.sd[b] > 0) {
                    first[pairs] = a;
                    second[pairs++] = b;
                }
                if (normal.sd[a] > 0 && normal.sd[b] > 0) {
                    first[pairs] = d + a;
                    second[pairs++] = d + b;
                }
            }
        }
        double[][] bandScores = new double[2 * d][];
        for (int j = 0; j < d; j++) {
            bandScores[j] = ranks.bandScore[j];
            bandScores[d + j] = normal.bandScore[j];
        }
        PairwisePearson.Source source = (column, from, to, into) -> {
            int[] rowBand = columns[column % d].rowBand;
            double[] score = bandScores[column];
            for (int r = from; r < to; r++) {
                int band = rowBand[r];
                into[r - from] = band < 0 ? Double.NaN : score[band];
            }
        };
        int rows = d == 0 ? 0 : columns[0].rowBand.length;
        double[] measured = PairwisePearson.of(2 * d, rows, source, java.util.Arrays.copyOf(first, pairs),
                java.util.Arrays.copyOf(second, pairs));
        double[][] observed = new double[2 * d][2 * d];
        for (int p = 0; p < pairs; p++) {
            double r = measured[p];
            observed[first[p]][second[p]] = Double.isInfinite(r) ? Double.NaN : r; // as pearsonPairwiseOrUnknown
        }
        double[][] rankLatent = invertAll(ranks, observed, 0, support);
        double[][] normalLatent = invertAll(normal, observed, d, support);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                rankLatent[a][b] = (rankLatent[a][b] + normalLatent[a][b]) / 2;
            }
        }
        return rankLatent;
    }

    /**
     * One scoring of every column: per band its score (the band's midpoint on the uniform scale, or that point's
     * normal quantile), the scores' standard deviation over the rows a column sees, and the Hermite coefficients of
     * its score function. Per-row scores are never stored: a row's score is its band's.
     */
    private record Scores(double[][] bandScore, double[] sd, double[][] alpha) {
        static Scores of(Bands[] columns, boolean normalScores) {
            int d = columns.length;
            double[][] bandScores = new double[d][];
            double[] sd = new double[d];
            double[][] alpha = new double[d][];
            for (int j = 0; j < d; j++) {
                Bands b = columns[j];
                double[] bandScore = new double[b.lo.length];
                for (int i = 0; i < bandScore.length; i++) {
                    double mid = (b.lo[i] + b.hi[i]) / 2;
                    bandScore[i] = normalScores ? FastNormal.inverse(clamp(mid)) : mid;
                }
                double mean = 0;
                int seen = 0;
                for (int band : b.rowBand) {
                    if (band >= 0) {
                        mean += bandScore[band];
                        seen++;
                    }
                }
                mean /= Math.max(1, seen);
                double var = 0;
                for (int band : b.rowBand) {
                    double v = band < 0 ? Double.NaN : bandScore[band];
                    if (!Double.isNaN(v)) {
                        var += (v - mean) * (v - mean);
                    }
                }
                sd[j] = Math.sqrt(var / Math.max(1, seen));
                bandScores[j] = bandScore;
                alpha[j] = hermite(b, bandScore);
            }
            return new Scores(bandScores, sd, alpha);
        }
    }

    /**
     * The latent correlations from the observed ones of one scoring ({@code observed[offset + a][offset + b]} for
     * b < a; 0 where a side is constant, NaN where no row shows the pair), then {@link #fillUnseen}.
     */
    private static double[][] invertAll(Scores scores, double[][] observed, int offset, double[] support) {
        int d = scores.sd.length;
        double[][] latent = new double[d][d];
        // pairs are independent and each writes its own two cells: parallel, and the same result on any core count
        java.util.stream.IntStream.range(0, d).parallel().forEach(a -> {
            latent[a][a] = 1;
            for (int b = 0; b < a; b++) {
                double seen = observed[offset + a][offset + b];
                double n = Math.min(support[a], support[b]);
                double rho = Double.isNaN(seen) ? Double.NaN
                        : invert(seen, scores.alpha[a], scores.alpha[b], scores.sd[a] * scores.sd[b], n);
                latent[a][b] = rho;
                latent[b][a] = rho;
            }
        });
        fillUnseen(latent);
        return latent;
    }

    /**
     * Pairs no row shows together (a column's "missing" dimension and its own value) get the correlation implied
     * through the dimension that ties them most strongly, ρ(a, t)·ρ(t, b): a missing total_spend goes with tenure 0
     * (0.99) and total_spend with tenure (0.93), so the two go together at about 0.92. Leaving 0 there would contradict
     * the rest of the matrix and make the positive-definite repair pull every other entry.
     */
    private static void fillUnseen(double[][] latent) {
        int d = latent.length;
        double[][] filled = new double[d][];
        for (int a = 0; a < d; a++) {
            filled[a] = latent[a].clone();
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                if (!Double.isNaN(latent[a][b])) {
                    continue;
                }
                double best = 0;
                for (int t = 0; t < d; t++) {
                    if (t == a || t == b || Double.isNaN(latent[a][t]) || Double.isNaN(latent[t][b])) {
                        continue;
                    }
                    double implied = latent[a][t] * latent[t][b];
                    if (Math.abs(implied) > Math.abs(best)) {
                        best = implied;
                    }
                }
                filled[a][b] = best;
                filled[b][a] = best;
            }
        }
        for (int a = 0; a < d; a++) {
            latent[a] = filled[a];
        }
    }

    /**
     * The evidence behind a two-band dimension (a flag, "missing or not", "spike or not"): the rows of its rarer side.
     * Dimensions with more bands are not shrunk (their estimate rests on every observed row).
     */
    private static double support(Bands b) {
        long[] counts = new long[b.lo.length];
        for (int band : b.rowBand) {
            if (band >= 0) {
                counts[band]++;
            }
        }
        return counts.length == 2 ? Math.min(counts[0], counts[1]) : Double.POSITIVE_INFINITY;
    }

    /** α_k = E[g(Z) h_k(Z)] for the step function g taking bandScore[i] on band i; h_k normalised Hermite. */
    static double[] hermite(Bands b, double[] bandScore) {
        double[] alpha = new double[TERMS + 1];
        double[] h = new double[TERMS + 1];
        for (int i = 0; i < bandScore.length; i++) {
            if (!(b.hi[i] > b.lo[i])) {
                continue;
            }
            addEdge(alpha, h, b.lo[i], bandScore[i], +1);
            addEdge(alpha, h, b.hi[i], bandScore[i], -1);
        }
        for (int k = 1; k <= TERMS; k++) {
            alpha[k] /= Math.sqrt(k);
        }
        alpha[0] = 0;
        return alpha;
    }

    /** Adds sign * score * h_{k-1}(z) φ(z) at the edge z = Φ⁻¹(u) to every α_k. */
    private static void addEdge(double[] alpha, double[] h, double u, double score, int sign) {
        if (u <= 0 || u >= 1) {
            return; // φ(±∞) = 0
        }
        double z = FastNormal.inverse(u);
        double phi = FastNormal.density(z);
        h[0] = 1;
        h[1] = z;
        for (int k = 1; k < TERMS; k++) {
            h[k + 1] = (z * h[k] - Math.sqrt(k) * h[k - 1]) / Math.sqrt(k + 1);
        }
        double w = sign * score * phi;
        for (int k = 1; k <= TERMS; k++) {
            alpha[k] += w * h[k - 1];
        }
    }

    /** Solves r(ρ) = observed for ρ in [-1, 1]; r is increasing in ρ for monotone scores. */
    static double invert(double observed, double[] a, double[] b, double scale, double evidence) {
        if (!(Math.abs(observed) > 1e-12)) {
            return 0;
        }
        double[] c = new double[TERMS + 1];
        for (int k = 1; k <= TERMS; k++) {
            c[k] = a[k] * b[k] / scale;
        }
        double lo = -1;
        double hi = 1;
        if (observed >= value(c, 1) - BOUNDARY || observed <= value(c, -1) + BOUNDARY) {
            // At what only a (nearly) deterministic relation produces: "missing exactly when tenure is 0", two flags
            // set on the same rows. With enough rows behind it that is what the data says; with few (two rare flags
            // that never meet, where -0.4 and -1 fit alike) it is noise, so take the first-order inversion, capped.
            if (evidence >= DETERMINISTIC_EVIDENCE || Math.abs(observed) >= 0.9) {
                return observed > 0 ? DETERMINISTIC : -DETERMINISTIC;
            }
            double linear = c[1] > 1e-12 ? observed / c[1] : observed;
            return shrink(Math.max(-SATURATED, Math.min(SATURATED, linear)), evidence);
        }
        double rho = Math.max(-0.999, Math.min(0.999, observed));
        for (int iter = 0; iter < 60; iter++) {
            double f = value(c, rho) - observed;
            if (Math.abs(f) < 1e-10) {
                break;
            }
            if (f > 0) {
                hi = rho;
            } else {
                lo = rho;
            }
            double slope = derivative(c, rho);
            double next = slope > 1e-12 ? rho - f / slope : Double.NaN;
            rho = next > lo && next < hi ? next : (lo + hi) / 2; // Newton, bisection when it leaves the bracket
        }
        return shrink(rho, evidence);
    }

    /** Little evidence (a flag set on 11 rows) pulls an estimate towards independence. */
    private static double shrink(double rho, double evidence) {
        return Double.isInfinite(evidence) ? rho : rho * evidence / (evidence + PRIOR_ROWS);
    }

    private static double value(double[] c, double rho) {
        double sum = 0;
        double p = 1;
        for (int k = 1; k < c.length; k++) {
            p *= rho;
            sum += c[k] * p;
        }
        return sum;
    }

    private static double derivative(double[] c, double rho) {
        double sum = 0;
        double p = 1;
        for (int k = 1; k < c.length; k++) {
            sum += k * c[k] * p;
            p *= rho;
        }
        return sum;
    }

    private static double clamp(double u) {
        return Math.min(1 - 1e-9, Math.max(1e-9, u));
    }
}
