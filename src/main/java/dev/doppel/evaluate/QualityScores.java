package dev.doppel.evaluate;

import java.util.List;
import java.util.Map;

/**
 * How faithful the synthetic table is, with SDMetrics' quality-report definitions so the numbers compare across tools.
 * JSON key {@code quality}.
 *
 * @param overall the mean of column shapes and column pair trends (SDMetrics' overall quality score)
 * @param columnShapes mean per-column score: KSComplement (numbers, dates) or TVComplement (labels), missing values
 *     left out
 * @param columnPairTrends mean per-pair score: CorrelationSimilarity (two numeric columns, Pearson) or
 *     ContingencySimilarity (other pairs, numbers in 10 equal-width bins of the real range, missing as a value)
 * @param missingValues mean per-column missing-share similarity, 1 - |real share - synthetic share| (reported beside,
 *     not inside, the overall score, as SDMetrics does)
 * @param columns per column by name, in the real table's order
 * @param pairs per pair of columns
 * @param propensity synthpop's propensity-score utility; null when not computed
 * @param mlEfficacy train on synthetic, test on real; null without a target column
 */
public record QualityScores(
        double overall,
        double columnShapes,
        double columnPairTrends,
        double missingValues,
        Map<String, ColumnScore> columns,
        List<PairScore> pairs,
        Propensity propensity,
        MlEfficacy mlEfficacy) {

    /**
     * @param metric "KSComplement" or "TVComplement"
     * @param score the metric's value in [0, 1]; NaN when one side has no values
     * @param missingSimilarity 1 - |difference of missing shares|
     * @param realMissing share of real cells missing
     * @param syntheticMissing share of synthetic cells missing
     */
    public record ColumnScore(
            String metric, double score, double missingSimilarity, double realMissing, double syntheticMissing) {}

    /**
     * @param first the first column's name
     * @param second the second column's name
     * @param metric "CorrelationSimilarity" or "ContingencySimilarity"
     * @param score in [0, 1]
     * @param real the real table's association: Pearson's r for numeric pairs, Cramér's V otherwise
     * @param synthetic the same for the synthetic table
     */
    public record PairScore(String first, String second, String metric, double score, double real, double synthetic) {}

    /**
     * synthpop's propensity-score mean squared error: a logistic model tells real rows from synthetic ones on the
     * evaluated columns; pMSE is the mean of (p_i - c)^2 with c the synthetic share of the pooled rows. 0 means the
     * model cannot tell them apart. S_pMSE divides pMSE by its expectation under a perfect generator,
     * (k - 1)(1 - c)^2 c / N with k the model's parameter count: about 1 is as good as it gets; reports above 10 say
     * the tables differ clearly.
     *
     * @param pmse the pMSE
     * @param sPmse the standardised pMSE
     * @param auc the model's ROC AUC telling real from synthetic (0.5 = indistinguishable)
     * @param rows pooled rows used (real and synthetic, the larger side sampled down to the smaller)
     * @param parameters parameters of the logistic model (k)
     */
    public record Propensity(double pmse, double sPmse, double auc, int rows, int parameters) {}

    /**
     * Train on synthetic, test on real: one logistic regression trained on synthetic rows and one on real training
     * rows, both scored on real test rows (the hold-out when there is one).
     *
     * @param target the predicted column
     * @param task "classification" (a label column: accuracy and macro F1) or "regression" (numbers: R²)
     * @param metric "accuracy", "macro_f1" or "r2" — what {@code synthetic}/{@code real} hold
     * @param synthetic the score of the model trained on synthetic rows
     * @param real the score of the model trained on real rows
     * @param testRows how many real rows scored both
     */
    public record MlEfficacy(String target, String task, String metric, double synthetic, double real, int testRows) {}
}
