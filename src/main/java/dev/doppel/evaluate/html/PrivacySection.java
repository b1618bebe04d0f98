package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;

import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.PrivacyScores.DistanceSummary;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.evaluate.PrivacyScores.Quantiles;
import java.util.List;

/** Privacy: every number with what it measures, its good range and what this run's value means. */
final class PrivacySection {
    private PrivacySection() {}

    static void render(StringBuilder b, PrivacyScores p) {
        b.append("<section id=\"privacy\"><h2>Privacy</h2>");
        if (p == null) {
            b.append("<p class=\"empty\">Not measured: no hold-out. Privacy is judged against real rows the generator"
                    + " never saw; give a hold-out table to measure it.</p></section>\n");
            return;
        }
        b.append("<p class=\"explain\">Each figure for the synthetic rows is set beside the same figure for real"
                + " hold-out rows the generator never saw: a fresh sample of the same population. Synthetic data is"
                + " private when it is no closer to the training rows than such a fresh sample is.</p>");
        if (p.method() != null && !p.method().isEmpty()) {
            b.append("<p class=\"explain\"><strong>Method.</strong> ").append(esc(p.method())).append("</p>");
        }
        b.append("<div class=\"two\">");
        exactCopies(b, p);
        dcrShare(b, p);
        distances(b, "Distance to closest record (DCR)", p.dcr(), false);
        distances(b, "Nearest-neighbour distance ratio (NNDR)", p.nndr(), true);
        b.append("</div>");
        attacks(b, p);
        kAnonymity(b, p.kAnonymity());
        b.append("</section>\n");
    }

    private static void exactCopies(StringBuilder b, PrivacyScores p) {
        double rate = p.exactCopyRate();
        double hold = p.holdoutExactCopyRate();
        Light light = Thresholds.exactCopies(rate, hold);
        String means;
        if (!Html.finite(rate)) {
            means = "";
        } else if (light == Light.GOOD) {
            means = "Synthetic rows repeat training rows no more often than fresh real rows do by chance.";
        } else {
            means = "Synthetic rows repeat training rows " + Html.pct(rate - (Html.finite(hold) ? hold : 0), 2)
                    + " more often than fresh real rows do: some rows may have been memorised.";
        }
        b.append(Blocks.metric("Exact copies", Html.pct(rate, 2) + " <small>hold-out " + Html.pct(hold, 2)
                        + "</small>", light,
                "The share of synthetic rows identical, on every compared column, to a row of the training table. Real"
                        + " data repeats rows too (common combinations), so it is set beside the same share for hold-out"
                        + " rows.",
                "At or below the hold-out's rate (fair up to " + Html.pct(Thresholds.EXACT_COPY_MARGIN, 0)
                        + " above it).",
                means, ""));
    }

    private static void dcrShare(StringBuilder b, PrivacyScores p) {
        double share = p.dcrShare();
        Light light = Thresholds.dcrShare(share);
        String means = !Html.finite(share) ? "" : light == Light.GOOD
                ? "Synthetic rows are about as near to hold-out rows as to training rows: no sign of memorising."
                : "Synthetic rows lean towards the training rows: the generator may have learned individuals, not only"
                        + " the population.";
        b.append(Blocks.metric("DCR share", Html.pct(share, 1), light,
                "Of the synthetic rows, the share whose nearest real row is a training row rather than a hold-out row"
                        + " (ties count half). A generator that only learned the population gives 50%.",
                "50% is ideal; up to " + Html.pct(Thresholds.DCR_SHARE_GOOD, 0) + " is good, up to "
                        + Html.pct(Thresholds.DCR_SHARE_FAIR, 0) + " fair.",
                means, ""));
    }

    private static void distances(StringBuilder b, String title, DistanceSummary d, boolean ratio) {
        String what = ratio
                ? "For each row, the distance to its closest training row divided by the distance to the second closest."
                        + " Near 0, a row sits on one real person and apart from everyone else (a possible outlier"
                        + " leak); near 1 it sits among several."
                : "For each row, how far it is from the nearest training row (0 = identical). Low synthetic distances"
                        + " alone are not a leak: hold-out rows, real people the generator never saw, show how close"
                        + " a fresh sample comes.";
        String good = "Synthetic figures as large as the hold-out's, or larger; a much smaller 5th percentile means a few"
                + " synthetic rows hug real ones.";
        if (d == null || d.synthetic() == null) {
            b.append(Blocks.metric(title, Html.NONE, Light.NONE, what, good, "Not measured.", ""));
            return;
        }
        Quantiles s = d.synthetic();
        Quantiles h = d.holdout();
        Light light = Light.NONE;
        String means = "";
        if (h != null && Html.finite(s.p05()) && Html.finite(h.p05())) {
            light = Thresholds.closeness(s.p05(), h.p05());
            means = "The synthetic 5th percentile is " + Html.num(s.p05(), 3) + " against the hold-out's "
                    + Html.num(h.p05(), 3) + (light == Light.GOOD ? ": synthetic rows come no closer than fresh real ones."
                            : ": the closest synthetic rows sit nearer the training rows than fresh real rows do.");
        }
        String table = "<table><thead><tr><th>Rows</th><th class=\"n\">5th pct</th><th class=\"n\">Median</th>"
                + "<th class=\"n\">Mean</th><th class=\"n\">Measured</th></tr></thead><tbody>" + row("Synthetic", s)
                + (h == null ? "<tr><td>Hold-out</td><td class=\"n empty\" colspan=\"4\">no hold-out</td></tr>"
                        : row("Hold-out", h)) + "</tbody></table>";
        b.append(Blocks.metric(title, "median " + Html.num(s.median(), 3) + " <small>hold-out "
                + (h == null ? Html.NONE : Html.num(h.median(), 3)) + "</small>", light, what, good, means, table));
    }

    private static String row(String label, Quantiles q) {
        return "<tr><td>" + label + "</td><td class=\"n\">" + Html.num(q.p05(), 3) + "</td><td class=\"n\">"
                + Html.num(q.median(), 3) + "</td><td class=\"n\">" + Html.num(q.mean(), 3) + "</td><td class=\"n\">"
                + Html.count(q.rows()) + "</td></tr>";
    }

    private static void attacks(StringBuilder b, PrivacyScores p) {
        List<AttackResult> all = Headline.attacks(p);
        b.append("<h3>Re-identification attacks</h3><p class=\"explain\">The three risks the EU's Article 29 Working"
                + " Party names, each run as an attack against the training rows and, as control, against the hold-out"
                + " rows. <strong>Risk</strong> is success on training minus success on hold-out: what the synthetic data"
                + " gives away beyond what any sample of the population would. 0 is ideal; the bar is the 95% interval,"
                + " the bands are good (≤ " + Html.pct(Thresholds.ATTACK_RISK_GOOD, 0) + "), fair (≤ "
                + Html.pct(Thresholds.ATTACK_RISK_FAIR, 0) + ") and poor.</p>");
        if (all.isEmpty()) {
            b.append("<p class=\"empty\">No attack was run.</p>");
            return;
        }
        double range = RiskAxis.range(all);
        b.append("<div class=\"panel\">");
        for (AttackResult a : all) {
            Light light = Thresholds.attackRisk(a.risk());
            b.append("<div class=\"attack\"><div><div class=\"an\">").append(esc(Headline.attackTitle(a.name())))
                    .append(" ").append(Blocks.badge(light)).append("</div><div class=\"ad\">")
                    .append(esc(explain(a.name()))).append("</div></div>").append(RiskAxis.svg(a, range))
                    .append("<div class=\"ad\">Risk <b>").append(Html.signedPct(a.risk(), 1)).append("</b> (95% CI ")
                    .append(Html.signedPct(a.riskLow(), 1)).append(" to ").append(Html.signedPct(a.riskHigh(), 1))
                    .append(").<br>Success on training ").append(Html.pct(a.trainingSuccess(), 1))
                    .append(", on hold-out ").append(Html.pct(a.holdoutSuccess(), 1)).append(", random guessing ")
                    .append(Html.pct(a.baselineSuccess(), 1)).append("; ").append(Html.count(a.attacks()))
                    .append(" attacks.</div></div>");
        }
        b.append("</div>");
    }

    private static String explain(String name) {
        if (name != null && name.startsWith("inference")) {
            return "Knowing a person's other columns, can an attacker guess this secret one?";
        }
        if ("linkability".equals(name)) {
            return "Knowing some columns of a person, can an attacker link them to the rest of that person's record?";
        }
        return "Can an attacker write a rule that matches exactly one real person?";
    }

    private static void kAnonymity(StringBuilder b, KAnonymityResult k) {
        b.append("<h3>k-anonymity</h3>");
        String what = "Group the synthetic rows by their quasi-identifiers (columns an attacker may know, such as age or"
                + " postcode); k is the size of the smallest group. A group of 1 is one row nobody else shares.";
        String good = "k at least " + Thresholds.K_GOOD + " (fair from " + Thresholds.K_FAIR + ").";
        if (k == null || k.quasiIdentifiers() == null || k.quasiIdentifiers().isEmpty() || k.k() <= 0) {
            b.append(Blocks.metric("k-anonymity", Html.NONE, Light.NONE, what, good,
                    "Not measured: no quasi-identifiers were declared.", ""));
            return;
        }
        String table = "<table><thead><tr><th>Quasi-identifiers</th><th class=\"n\">Groups</th>"
                + "<th class=\"n\">Rows in groups &lt; 5</th><th class=\"n\">Rare real combinations repeated</th>"
                + "</tr></thead><tbody><tr><td>" + esc(String.join(", ", k.quasiIdentifiers())) + "</td><td class=\"n\">"
                + Html.count(k.classes()) + "</td><td class=\"n\">" + Html.pct(k.shareBelow5(), 1)
                + "</td><td class=\"n\">" + Html.pct(k.trainingMatches(), 2) + "</td></tr></tbody></table>";
        Light light = Thresholds.kAnonymity(k.k());
        b.append(Blocks.metric("k-anonymity", "k = " + k.k(), light, what, good,
                (light == Light.GOOD ? "Every combination is shared by at least " + k.k() + " synthetic rows."
                        : "Some combinations are shared by fewer than " + Thresholds.K_GOOD + " synthetic rows.")
                        + " " + Html.pct(k.trainingMatches(), 2) + " of synthetic rows repeat a combination that is"
                        + " unique in the training table.", table));
    }
}
