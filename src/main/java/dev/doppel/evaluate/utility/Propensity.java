package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.QualityScores;
import java.util.List;

/**
 * synthpop's propensity-score utility (Snoke, Raab, Nowok, Dibben and Slavkovic 2018, "General and specific utility
 * measures for synthetic data", JRSS A 181(3)): can a logistic model tell synthetic rows from real ones?
 *
 * <ol>
 *   <li>Both tables are cut to the same size {@code m = min(real rows, synthetic rows, maxRowsPerSide)} by seeded
 *       sampling without replacement (equal sides make c = 1/2 and keep either side from dominating) and pooled,
 *       N = 2m rows, synthetic rows labelled 1.
 *   <li>Inputs are {@link Features} learned from the sampled real rows: main effects only, numbers standardised,
 *       missing indicators, labels one-hot. This is synthpop's {@code utility.gen(method = "logit", maxorder = 0)};
 *       synthpop's default {@code maxorder = 1} adds every two-way interaction, which multiplies the parameters and
 *       the cost, so Doppel's figures are the main-effects ones and are not comparable with synthpop's defaults.
 *       Inputs that are 0 in every pooled row are dropped.
 *   <li>{@link LogisticRegression} (tiny L2 penalty) gives each row its propensity p_i.
 *   <li>{@code pMSE = (1/N) sum_i (p_i - c)^2} with {@code c = n_synth / N}.
 *   <li>{@code S_pMSE = pMSE / E0[pMSE]} with {@code E0[pMSE] = (k - 1)(1 - c)^2 c / N}, the null expectation for a
 *       logistic model with {@code k} parameters when both sides come from one distribution; {@code k} is the rank
 *       of the pooled inputs (columns that repeat a combination of earlier ones, such as a number that is a function
 *       of a label, are not counted, as glm reports them aliased). This is synthpop's formula; it is the null for
 *       synthetic rows drawn from a correct model <em>fitted to the real rows</em>, which differ from them by their
 *       own sampling noise only. Two independent samples of one population differ by both samples' noise, so their
 *       expectation is (k - 1) c (1 - c) / N and their S_pMSE averages 1 / (1 - c), 2 at c = 1/2 (a linearisation
 *       of the fitted propensities gives both; PropensityTest checks both). Read S_pMSE near 1-2 as "as good as it
 *       gets".
 *   <li>AUC of p_i for synthetic against real rows ({@link Metrics#auc}).
 * </ol>
 *
 * The model is scored on the rows it was fitted to, as synthpop does. Deterministic for a seed, whatever the thread
 * count.
 */
public final class Propensity {
    /** Rows sampled from each side at most. */
    public static final int MAX_ROWS_PER_SIDE = 50_000;

    /** Relative tolerance of the rank test on X'X (about 3e-5 on column norms). */
    static final double RANK_TOLERANCE = 1e-9;

    private Propensity() {}

    /** The measure with at most {@value #MAX_ROWS_PER_SIDE} rows a side, on all available processors. */
    public static QualityScores.Propensity measure(EncodedTable real, EncodedTable synthetic, long seed) {
        return measure(real, synthetic, seed, MAX_ROWS_PER_SIDE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The measure.
     *
     * @param real the real table
     * @param synthetic the synthetic table, encoded against the same schema
     * @param seed drives the row sampling only
     * @param maxRowsPerSide rows sampled from each side at most (1 or more)
     * @param threads threads to fit with; does not change the result
     * @throws IllegalArgumentException when a table has no rows or the schemas differ
     */
    public static QualityScores.Propensity measure(
            EncodedTable real, EncodedTable synthetic, long seed, int maxRowsPerSide, int threads) {
        if (real.schema() != synthetic.schema()) {
            throw new IllegalArgumentException("the tables were encoded against different schemas");
        }
        if (real.rows() == 0 || synthetic.rows() == 0 || maxRowsPerSide < 1) {
            throw new IllegalArgumentException("propensity needs rows on both sides (real " + real.rows()
                    + ", synthetic " + synthetic.rows() + ", at most " + maxRowsPerSide + " a side)");
        }
        int m = Math.min(maxRowsPerSide, Math.min(real.rows(), synthetic.rows()));
        EncodedTable r = Subsample.rows(real, m, seed, "propensity-real");
        EncodedTable s = Subsample.rows(synthetic, m, seed, "propensity-synthetic");
        Features features = Features.fit(r, List.of(s), -1);
        DesignMatrix x = features.matrix(r).stack(features.matrix(s)).withoutEmptyColumns();
        int n = x.rows();
        boolean[] synth = new boolean[n];
        for (int i = r.rows(); i < n; i++) {
            synth[i] = true;
        }
        LogisticRegression model = LogisticRegression.fit(x, synth, threads);
        double[] p = model.probabilities(x);
        double c = (double) s.rows() / n;
        double sum = 0;
        for (double pi : p) {
            sum += (pi - c) * (pi - c);
        }
        double pmse = sum / n;
        int k = SymmetricSolver.rank(x.gram(threads), x.columns(), RANK_TOLERANCE);
        double expected = (k - 1) * (1 - c) * (1 - c) * c / n;
        double standardised = k > 1 ? pmse / expected : Double.NaN;
        return new QualityScores.Propensity(pmse, standardised, Metrics.auc(p, synth), n, k);
    }
}
