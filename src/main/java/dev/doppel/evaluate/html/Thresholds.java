package dev.doppel.evaluate.html;

import dev.doppel.evaluate.QualityScores.MlEfficacy;

/**
 * The traffic-light thresholds of the report, in one place. Each rating is {@link Light#GOOD} (green),
 * {@link Light#FAIR} (amber) or {@link Light#POOR} (red); NaN rates {@link Light#NONE}. These colour the report
 * only; the gate ({@code --gate}) has its own user-given thresholds.
 *
 * <ul>
 *   <li>Quality scores (overall, column shapes, column pair trends, per column): at least {@value #QUALITY_GOOD} good,
 *       at least {@value #QUALITY_FAIR} fair.
 *   <li>DCR share (synthetic rows closer to training than to hold-out; 0.5 ideal): at most {@value #DCR_SHARE_GOOD}
 *       good, at most {@value #DCR_SHARE_FAIR} fair.
 *   <li>Exact-copy rate: at most the hold-out's rate good, at most {@value #EXACT_COPY_MARGIN} above it fair (without a
 *       hold-out rate the comparison is with 0).
 *   <li>Attack risk (training success minus hold-out success), the worst of the three attacks: at most
 *       {@value #ATTACK_RISK_GOOD} good, at most {@value #ATTACK_RISK_FAIR} fair.
 *   <li>S_pMSE (about 1 is ideal, above 10 the tables differ clearly): at most {@value #S_PMSE_GOOD} good, at most
 *       {@value #S_PMSE_FAIR} fair.
 *   <li>Propensity AUC (0.5 ideal): at most {@value #AUC_GOOD} good, at most {@value #AUC_FAIR} fair.
 *   <li>ML efficacy, the real-trained score minus the synthetic-trained one: at most {@value #ML_GAP_GOOD} good, at
 *       most {@value #ML_GAP_FAIR} fair.
 *   <li>k-anonymity: k at least {@value #K_GOOD} good, at least {@value #K_FAIR} fair.
 *   <li>DCR and NNDR closeness, the synthetic 5th percentile over the hold-out's: at least {@value #CLOSENESS_GOOD}
 *       good, at least {@value #CLOSENESS_FAIR} fair.
 * </ul>
 */
public final class Thresholds {
    public static final double QUALITY_GOOD = 0.90;
    public static final double QUALITY_FAIR = 0.80;
    public static final double DCR_SHARE_GOOD = 0.55;
    public static final double DCR_SHARE_FAIR = 0.60;
    public static final double EXACT_COPY_MARGIN = 0.01;
    public static final double ATTACK_RISK_GOOD = 0.05;
    public static final double ATTACK_RISK_FAIR = 0.10;
    public static final double S_PMSE_GOOD = 3;
    public static final double S_PMSE_FAIR = 10;
    public static final double AUC_GOOD = 0.60;
    public static final double AUC_FAIR = 0.70;
    public static final double ML_GAP_GOOD = 0.05;
    public static final double ML_GAP_FAIR = 0.10;
    public static final int K_GOOD = 5;
    public static final int K_FAIR = 2;
    public static final double CLOSENESS_GOOD = 0.9;
    public static final double CLOSENESS_FAIR = 0.7;

    private Thresholds() {}

    /** A quality score in [0, 1]: overall, column shapes, pair trends or one column's. */
    public static Light quality(double score) {
        return atLeast(score, QUALITY_GOOD, QUALITY_FAIR);
    }

    public static Light dcrShare(double share) {
        return atMost(share, DCR_SHARE_GOOD, DCR_SHARE_FAIR);
    }

    /** The synthetic exact-copy rate against the hold-out's (NaN hold-out: compared with 0). */
    public static Light exactCopies(double rate, double holdoutRate) {
        double base = Html.finite(holdoutRate) ? holdoutRate : 0;
        return atMost(rate, base, base + EXACT_COPY_MARGIN);
    }

    public static Light attackRisk(double risk) {
        return atMost(risk, ATTACK_RISK_GOOD, ATTACK_RISK_FAIR);
    }

    public static Light sPmse(double sPmse) {
        return atMost(sPmse, S_PMSE_GOOD, S_PMSE_FAIR);
    }

    public static Light auc(double auc) {
        return atMost(auc, AUC_GOOD, AUC_FAIR);
    }

    /** How far the synthetic-trained model falls behind the real-trained one. */
    public static Light mlEfficacy(MlEfficacy ml) {
        return atMost(ml.real() - ml.synthetic(), ML_GAP_GOOD, ML_GAP_FAIR);
    }

    /** k of k-anonymity; 0 means not measured. */
    public static Light kAnonymity(int k) {
        return k <= 0 ? Light.NONE : k >= K_GOOD ? Light.GOOD : k >= K_FAIR ? Light.FAIR : Light.POOR;
    }

    /** The synthetic 5th percentile of a distance (or ratio) against the hold-out's; NaN either side: NONE. */
    public static Light closeness(double syntheticP05, double holdoutP05) {
        if (!Html.finite(syntheticP05) || !Html.finite(holdoutP05)) {
            return Light.NONE;
        }
        double ratio = holdoutP05 <= 0 ? (syntheticP05 <= 0 ? 1 : 2) : syntheticP05 / holdoutP05;
        return atLeast(ratio, CLOSENESS_GOOD, CLOSENESS_FAIR);
    }

    private static Light atLeast(double v, double good, double fair) {
        if (!Html.finite(v)) {
            return Light.NONE;
        }
        return v >= good ? Light.GOOD : v >= fair ? Light.FAIR : Light.POOR;
    }

    private static Light atMost(double v, double good, double fair) {
        if (!Html.finite(v)) {
            return Light.NONE;
        }
        return v <= good ? Light.GOOD : v <= fair ? Light.FAIR : Light.POOR;
    }
}
