package dev.doppel.cli;

import dev.doppel.evaluate.ConstraintScores;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.QualityScores;
import java.util.Locale;

/** The evaluation's headline numbers as a few terminal lines. */
final class ReportSummary {
    private ReportSummary() {}

    static String render(EvaluationReport report) {
        StringBuilder sb = new StringBuilder();
        QualityScores q = report.quality();
        sb.append(String.format(Locale.ROOT, "quality  %s  (column shapes %s, column pair trends %s, missing values %s)%n",
                f(q.overall()), f(q.columnShapes()), f(q.columnPairTrends()), f(q.missingValues())));
        if (q.propensity() != null) {
            sb.append(String.format(Locale.ROOT, "propensity  pMSE %s, S_pMSE %s, AUC %s%n", f(q.propensity().pmse()),
                    f(q.propensity().sPmse()), f(q.propensity().auc())));
        }
        if (q.mlEfficacy() != null) {
            sb.append(String.format(Locale.ROOT, "train on synthetic, test on real (%s of %s)  %s (trained on real: %s)%n",
                    q.mlEfficacy().metric(), q.mlEfficacy().target(), f(q.mlEfficacy().synthetic()),
                    f(q.mlEfficacy().real())));
        }
        PrivacyScores p = report.privacy();
        if (p != null) {
            sb.append(String.format(Locale.ROOT, "privacy  exact copies %s (hold-out %s), DCR share %s%n",
                    f(p.exactCopyRate()), f(p.holdoutExactCopyRate()), f(p.dcrShare())));
            attack(sb, p.singlingOut());
            attack(sb, p.linkability());
            if (p.inference() != null && !p.inference().isEmpty()) {
                attack(sb, p.inference().get(0));
            }
            if (p.kAnonymity() != null && !p.kAnonymity().quasiIdentifiers().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  k-anonymity of the output over %d quasi-identifiers: k = %d%n",
                        p.kAnonymity().quasiIdentifiers().size(), p.kAnonymity().k()));
            }
        }
        ConstraintScores c = report.constraints();
        if (c != null) {
            long rows = c.checks().stream().mapToLong(ConstraintScores.Check::syntheticRows).sum();
            sb.append(String.format(Locale.ROOT, "constraints  %s synthetic violations over %d rule%s (%,d row checks)%n",
                    Double.isNaN(c.violations()) ? "– (a rule could not be checked)" : String.format(Locale.ROOT,
                            "%,d", (long) c.violations()), c.checks().size(), c.checks().size() == 1 ? "" : "s", rows));
        }
        for (String note : report.about().notes()) {
            sb.append("note: ").append(note).append(System.lineSeparator());
        }
        if (report.gate() != null) {
            sb.append("gate: ").append(report.gate().passed() ? "passed" : "FAILED").append(" (")
                    .append(report.gate().checks().size()).append(" thresholds)").append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static void attack(StringBuilder sb, PrivacyScores.AttackResult a) {
        if (a != null) {
            sb.append(String.format(Locale.ROOT, "  %-22s risk %s  [%s, %s]%n", a.name(), f(a.risk()), f(a.riskLow()),
                    f(a.riskHigh())));
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
