package dev.doppel.evaluate;

import java.util.List;

/**
 * How close the synthetic rows sit to the training rows, always beside the same figure for real hold-out rows the
 * model never saw (a fresh sample of the same population): what the hold-out scores is what "no closer than a fresh
 * sample" means. JSON key {@code privacy}.
 *
 * @param exactCopyRate share of (sampled) synthetic rows identical to some training row on the evaluated columns
 * @param holdoutExactCopyRate the same share for hold-out rows (real data repeats rows too); NaN without a hold-out
 * @param dcr distance to closest record, synthetic → training and hold-out → training
 * @param dcrShare share of synthetic rows closer to training than to hold-out (ties count half); 0.5 is ideal; NaN
 *     without a hold-out
 * @param nndr nearest-neighbour distance ratio (closest / second closest training row) for synthetic and hold-out
 * @param singlingOut Article 29 WP criterion 1 as an attack result
 * @param linkability criterion 2
 * @param inference criterion 3: one result per attacked secret column, worst (highest risk) first
 * @param kAnonymity k-anonymity of the synthetic output over the declared quasi-identifiers
 * @param method how distances and neighbours were computed (metric, sample sizes, index), in plain words
 */
public record PrivacyScores(
        double exactCopyRate,
        double holdoutExactCopyRate,
        DistanceSummary dcr,
        double dcrShare,
        DistanceSummary nndr,
        AttackResult singlingOut,
        AttackResult linkability,
        List<AttackResult> inference,
        KAnonymityResult kAnonymity,
        String method) {

    /**
     * Quantiles of a distance (or ratio) for synthetic rows and for hold-out rows, both measured to the training rows.
     *
     * @param synthetic 5th percentile, median, mean for synthetic rows
     * @param holdout the same for hold-out rows; null without a hold-out
     */
    public record DistanceSummary(Quantiles synthetic, Quantiles holdout) {}

    /** The 5th percentile, median and mean of a distance over the rows measured, and how many rows. */
    public record Quantiles(double p05, double median, double mean, int rows) {}

    /**
     * One re-identification attack run against training rows and, as control, hold-out rows: the risk is the success
     * on training minus the success on hold-out (what the synthetic data gives away beyond what any sample of the
     * population would), with a 95% confidence interval.
     *
     * @param name "singling_out", "linkability" or "inference:&lt;column&gt;"
     * @param attacks how many attacks were made on each side
     * @param trainingSuccess share of attacks that succeeded on training rows
     * @param holdoutSuccess share that succeeded on hold-out rows
     * @param baselineSuccess share a naive (random-guess) attacker reaches, for scale
     * @param risk trainingSuccess - holdoutSuccess
     * @param riskLow lower end of the 95% interval of risk
     * @param riskHigh upper end
     */
    public record AttackResult(
            String name,
            int attacks,
            double trainingSuccess,
            double holdoutSuccess,
            double baselineSuccess,
            double risk,
            double riskLow,
            double riskHigh) {}

    /**
     * k-anonymity of the synthetic table over the quasi-identifiers.
     *
     * @param quasiIdentifiers the columns used (empty: none declared, k not measured)
     * @param k the size of the smallest class of rows sharing one combination (0 when not measured)
     * @param classes how many distinct combinations occur
     * @param shareBelow5 share of synthetic rows in classes smaller than 5
     * @param trainingMatches share of synthetic rows whose combination is unique in the training table (a rare real
     *     combination repeated by the generator)
     */
    public record KAnonymityResult(
            List<String> quasiIdentifiers, int k, int classes, double shareBelow5, double trainingMatches) {}
}
