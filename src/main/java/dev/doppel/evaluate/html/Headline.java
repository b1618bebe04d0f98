package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;

import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.MlEfficacy;
import dev.doppel.evaluate.QualityScores.Propensity;
import java.util.ArrayList;
import java.util.List;

/** The headline cards: the eight numbers to read first, each with its traffic light. */
final class Headline {
    private Headline() {}

    static void cards(StringBuilder b, EvaluationReport report) {
        QualityScores q = report.quality();
        PrivacyScores p = report.privacy();
        b.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        String goodQ = "good ≥ " + Html.pct(Thresholds.QUALITY_GOOD, 0) + ", fair ≥ " + Html.pct(Thresholds.QUALITY_FAIR, 0);
        double overall = q == null ? Double.NaN : q.overall();
        double shapes = q == null ? Double.NaN : q.columnShapes();
        double trends = q == null ? Double.NaN : q.columnPairTrends();
        b.append(Blocks.card("Overall quality", Html.pct(overall, 1), Thresholds.quality(overall),
                "mean of shapes and pair trends; " + goodQ));
        b.append(Blocks.card("Column shapes", Html.pct(shapes, 1), Thresholds.quality(shapes),
                "each column's distribution; " + goodQ));
        b.append(Blocks.card("Column pair trends", Html.pct(trends, 1), Thresholds.quality(trends),
                "correlations between columns; " + goodQ));
        if (p == null) {
            String none = "not measured: no hold-out";
            b.append(Blocks.card("DCR share", Html.NONE, Light.NONE, none));
            b.append(Blocks.card("Exact copies", Html.NONE, Light.NONE, none));
            b.append(Blocks.card("Worst attack risk", Html.NONE, Light.NONE, none));
        } else {
            b.append(Blocks.card("DCR share", Html.pct(p.dcrShare(), 1), Thresholds.dcrShare(p.dcrShare()),
                    "synthetic rows nearer training than hold-out; ideal 50%, good ≤ "
                            + Html.pct(Thresholds.DCR_SHARE_GOOD, 0)));
            b.append(Blocks.card("Exact copies", Html.pct(p.exactCopyRate(), 2),
                    Thresholds.exactCopies(p.exactCopyRate(), p.holdoutExactCopyRate()),
                    "of synthetic rows; hold-out " + Html.pct(p.holdoutExactCopyRate(), 2)
                            + " (good: no higher)"));
            AttackResult worst = worstAttack(p);
            b.append(Blocks.card("Worst attack risk", worst == null ? Html.NONE : Html.signedPct(worst.risk(), 1),
                    worst == null ? Light.NONE : Thresholds.attackRisk(worst.risk()),
                    worst == null ? "no attack measured"
                            : esc(attackTitle(worst.name())) + ", 95% CI " + Html.signedPct(worst.riskLow(), 1)
                                    + " to " + Html.signedPct(worst.riskHigh(), 1) + "; good ≤ "
                                    + Html.pct(Thresholds.ATTACK_RISK_GOOD, 0)));
        }
        Propensity prop = q == null ? null : q.propensity();
        if (prop == null) {
            b.append(Blocks.card("S_pMSE", Html.NONE, Light.NONE, "propensity not computed"));
        } else {
            b.append(Blocks.card("S_pMSE", Html.num(prop.sPmse(), 2), Thresholds.sPmse(prop.sPmse()),
                    "can a model tell them apart? ≈ 1 ideal, good ≤ " + Html.num(Thresholds.S_PMSE_GOOD, 0)));
        }
        MlEfficacy ml = q == null ? null : q.mlEfficacy();
        if (ml == null) {
            b.append(Blocks.card("ML efficacy", Html.NONE, Light.NONE, "no target column"));
        } else {
            b.append(Blocks.card("ML efficacy", Html.num(ml.synthetic(), 3) + " <small>vs " + Html.num(ml.real(), 3)
                    + " real</small>", Thresholds.mlEfficacy(ml),
                    esc(ml.metric()) + " predicting " + esc(ml.target()) + " when trained on synthetic vs real rows"));
        }
        b.append("</div></section>\n");
    }

    /** The attack with the highest risk (NaN last), or null when none was run. */
    static AttackResult worstAttack(PrivacyScores p) {
        AttackResult worst = null;
        for (AttackResult a : attacks(p)) {
            if (worst == null || Html.finite(a.risk()) && (!Html.finite(worst.risk()) || a.risk() > worst.risk())) {
                worst = a;
            }
        }
        return worst;
    }

    /** Singling out, linkability, then each inference result (the first, their worst, is skipped as a repeat). */
    static List<AttackResult> attacks(PrivacyScores p) {
        List<AttackResult> all = new ArrayList<>();
        if (p.singlingOut() != null) {
            all.add(p.singlingOut());
        }
        if (p.linkability() != null) {
            all.add(p.linkability());
        }
        if (p.inference() != null) {
            List<AttackResult> inference = p.inference();
            for (int i = inference.size() > 1 ? 1 : 0; i < inference.size(); i++) {
                if (inference.get(i) != null) {
                    all.add(inference.get(i));
                }
            }
        }
        return all;
    }

    /** "singling_out" → "Singling out"; "inference:churn" → "Inference of churn". */
    static String attackTitle(String name) {
        if (name == null) {
            return "Attack";
        }
        if (name.startsWith("inference:")) {
            return "Inference of " + name.substring("inference:".length());
        }
        return switch (name) {
            case "singling_out" -> "Singling out";
            case "linkability" -> "Linkability";
            case "inference" -> "Inference (worst column)";
            default -> name;
        };
    }
}
