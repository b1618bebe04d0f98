package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;

import dev.doppel.evaluate.Charts;
import dev.doppel.evaluate.Charts.Associations;
import dev.doppel.evaluate.Charts.ColumnChart;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.ColumnScore;
import dev.doppel.evaluate.QualityScores.MlEfficacy;
import dev.doppel.evaluate.QualityScores.PairScore;
import dev.doppel.evaluate.QualityScores.Propensity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Quality: per-column table, distribution small multiples, pair-trend heatmaps, propensity and ML efficacy. */
final class QualitySection {
    private static final int WORST_PAIRS = 10;

    private QualitySection() {}

    static void render(StringBuilder b, EvaluationReport report) {
        QualityScores q = report.quality();
        Charts charts = report.charts();
        b.append("<section id=\"quality\"><h2>Quality</h2>");
        b.append("<p class=\"explain\">How closely the synthetic table reproduces the real one, scored as SDMetrics"
                + " scores it: 1 (100%) is a perfect match, 0 no resemblance. Missing values are compared separately.</p>");
        if (q == null) {
            b.append("<p class=\"empty\">Quality was not measured.</p></section>\n");
            return;
        }
        b.append("<p>Overall <b>").append(Html.pct(q.overall(), 1)).append("</b> · column shapes <b>")
                .append(Html.pct(q.columnShapes(), 1)).append("</b> · column pair trends <b>")
                .append(Html.pct(q.columnPairTrends(), 1)).append("</b> · missing values <b>")
                .append(Html.pct(q.missingValues(), 1)).append("</b></p>");
        columnTable(b, q.columns());
        b.append("</section>\n");
        distributions(b, charts, q.columns());
        pairs(b, charts == null ? null : charts.associations(), q.pairs());
        utility(b, q.propensity(), q.mlEfficacy());
    }

    private static void columnTable(StringBuilder b, Map<String, ColumnScore> columns) {
        b.append("<h3>Column shapes</h3>");
        if (columns == null || columns.isEmpty()) {
            b.append("<p class=\"empty\">No column was scored.</p>");
            return;
        }
        b.append("<p class=\"explain\">KSComplement compares numbers and dates (1 − the largest gap between the two"
                + " cumulative distributions); TVComplement compares labels (1 − half the summed share differences).</p>");
        b.append("<div class=\"panel scroll\"><table><thead><tr><th>Column</th><th>Metric</th><th>Score</th>"
                + "<th>Rating</th><th class=\"n\">Missing (real)</th><th class=\"n\">Missing (synthetic)</th>"
                + "<th class=\"n\">Missing similarity</th></tr></thead><tbody>");
        for (Map.Entry<String, ColumnScore> e : columns.entrySet()) {
            ColumnScore s = e.getValue();
            b.append("<tr><td class=\"name\" title=\"").append(esc(e.getKey())).append("\">").append(esc(Html.middle(e.getKey(), 44)))
                    .append("</td><td>").append(esc(s.metric())).append("</td><td>").append(Blocks.scoreBar(s.score()))
                    .append("</td><td>").append(Blocks.badge(Thresholds.quality(s.score()))).append("</td><td class=\"n\">")
                    .append(Html.pct(s.realMissing(), 1)).append("</td><td class=\"n\">")
                    .append(Html.pct(s.syntheticMissing(), 1)).append("</td><td class=\"n\">")
                    .append(Html.num(s.missingSimilarity(), 3)).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
    }

    private static void distributions(StringBuilder b, Charts charts, Map<String, ColumnScore> columns) {
        b.append("<section id=\"distributions\"><h3>Distributions, real vs synthetic</h3>");
        if (charts == null || charts.columns() == null || charts.columns().isEmpty()) {
            b.append("<p class=\"empty\">No charts.</p></section>\n");
            return;
        }
        b.append("<p class=\"explain\">Share of rows per bin (numbers and dates: equal-width bins between the real"
                + " 1st and 99th percentile, outer bins open) or per label (labels held by few real rows are pooled)."
                + "</p><div class=\"legend-row\"><span><i class=\"sw real\"></i>Real</span><span><i class=\"sw synth\">"
                + "</i>Synthetic (bars)</span><span><i class=\"sw synth line\"></i>Synthetic (histogram outline)</span>"
                + "</div><div class=\"grid\">");
        for (ColumnChart c : charts.columns()) {
            ColumnScore s = columns == null ? null : columns.get(c.column());
            b.append("<figure><figcaption><span class=\"cn\" title=\"").append(esc(c.column())).append("\">")
                    .append(esc(Html.middle(c.column(), 34))).append("</span>");
            if (s != null) {
                b.append("<span class=\"cs\">").append(esc(s.metric())).append(" ").append(Html.num(s.score(), 3))
                        .append(" ").append(Blocks.badge(Thresholds.quality(s.score()))).append("</span>");
            }
            b.append("</figcaption>").append(DistributionChart.svg(c));
            DistributionChart.Shown shown = DistributionChart.shown(c);
            if (shown.pooled() > 0) {
                b.append("<p class=\"note\">").append(c.bins().size()).append(" labels: the ")
                        .append(DistributionChart.MAX_BARS - 1).append(" largest are drawn, the other ")
                        .append(shown.pooled()).append(" pooled into the last bar.</p>");
            }
            if (!shown.commonPrefix().isEmpty()) {
                b.append("<p class=\"note\">Labels shown without their common start “")
                        .append(esc(shown.commonPrefix())).append("”.</p>");
            }
            b.append("</figure>");
        }
        b.append("</div></section>\n");
    }

    private static void pairs(StringBuilder b, Associations assoc, List<PairScore> pairs) {
        b.append("<section id=\"pairs\"><h3>Column pair trends</h3>");
        b.append("<p class=\"explain\">How strongly each pair of columns moves together: Pearson's r for two numeric"
                + " columns (−1 … 1), Cramér's V otherwise (0 … 1). The third map is the absolute difference, real vs"
                + " synthetic: pale is good. Hover a cell for its value.</p>");
        if (assoc == null || assoc.columns() == null || assoc.columns().size() < 2) {
            b.append("<p class=\"empty\">Fewer than two columns: no pairs.</p>");
        } else {
            List<String> names = assoc.columns();
            int n = names.size();
            double[][] diff = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    diff[i][j] = Math.abs(at(assoc.real(), i, j) - at(assoc.synthetic(), i, j));
                }
            }
            String assocLegend = Heatmap.legend("lg-a", Heatmap.Scale.ASSOCIATION, "−1", "+1");
            b.append(n > Heatmap.WIDE ? "<div class=\"heats wide\">" : "<div class=\"heats\">");
            figure(b, "Real", Heatmap.svg("hm-real", "Association matrix, real", names, assoc.real(),
                    Heatmap.Scale.ASSOCIATION), assocLegend);
            figure(b, "Synthetic", Heatmap.svg("hm-synth", "Association matrix, synthetic", names, assoc.synthetic(),
                    Heatmap.Scale.ASSOCIATION), assocLegend.replace("lg-a", "lg-b"));
            figure(b, "|Real − synthetic|", Heatmap.svg("hm-diff", "Absolute difference of association", names, diff,
                    Heatmap.Scale.DIFFERENCE), Heatmap.legend("lg-d", Heatmap.Scale.DIFFERENCE, "0", "≥ 0.5"));
            worstPairs(b, pairs);
            b.append("</div>");
        }
        b.append("</section>\n");
    }

    private static void figure(StringBuilder b, String caption, String svg, String legend) {
        b.append("<figure><figcaption><span class=\"cn\">").append(esc(caption)).append("</span></figcaption>")
                .append(svg).append(legend).append("</figure>");
    }

    private static void worstPairs(StringBuilder b, List<PairScore> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return;
        }
        List<PairScore> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble((PairScore p) -> Html.finite(p.score()) ? p.score() : 2)
                .thenComparing(PairScore::first).thenComparing(PairScore::second));
        int shown = Math.min(WORST_PAIRS, sorted.size());
        b.append("<div class=\"panel scroll\"><h4>The ").append(shown).append(" weakest pairs</h4><table><thead><tr>"
                + "<th>Columns</th><th class=\"n\">Real</th><th class=\"n\">Synth.</th>"
                + "<th class=\"n\">|Diff.|</th><th>Score</th></tr></thead><tbody>");
        for (PairScore p : sorted.subList(0, shown)) {
            b.append("<tr><td class=\"name\" title=\"").append(esc(p.first() + " × " + p.second())).append("\">")
                    .append(esc(Html.middle(p.first(), 24))).append(" × ").append(esc(Html.middle(p.second(), 24)))
                    .append("<div class=\"sm\">")
                    .append(esc(p.metric())).append("</div></td><td class=\"n\">").append(Html.num(p.real(), 3))
                    .append("</td><td class=\"n\">").append(Html.num(p.synthetic(), 3)).append("</td><td class=\"n\">")
                    .append(Html.num(Math.abs(p.real() - p.synthetic()), 3)).append("</td><td class=\"nw\">")
                    .append(Blocks.smallScoreBar(p.score())).append("</td></tr>");
        }
        b.append("</tbody></table></div>");
    }

    private static void utility(StringBuilder b, Propensity prop, MlEfficacy ml) {
        b.append("<section id=\"utility\"><h3>Propensity and machine-learning efficacy</h3><div class=\"two\">");
        if (prop == null) {
            b.append("<div class=\"metric\"><b>Propensity (pMSE)</b><p class=\"empty\">Not computed.</p></div>");
        } else {
            Light light = worse(Thresholds.sPmse(prop.sPmse()), Thresholds.auc(prop.auc()));
            String table = "<table><tr><th>pMSE</th><th>S_pMSE</th><th>AUC</th><th class=\"n\">Rows</th>"
                    + "<th class=\"n\">Parameters</th></tr><tr><td>" + Html.num(prop.pmse(), 4) + "</td><td>"
                    + Html.num(prop.sPmse(), 2) + " " + Blocks.badge(Thresholds.sPmse(prop.sPmse())) + "</td><td>"
                    + Html.num(prop.auc(), 3) + " " + Blocks.badge(Thresholds.auc(prop.auc())) + "</td><td class=\"n\">"
                    + Html.count(prop.rows()) + "</td><td class=\"n\">" + prop.parameters() + "</td></tr></table>";
            b.append(Blocks.metric("Propensity: can a model tell real from synthetic?", "S_pMSE " + Html.num(prop.sPmse(), 2)
                            + " <small>AUC " + Html.num(prop.auc(), 3) + "</small>", light,
                    "A logistic model is trained to tell real rows from synthetic ones; pMSE measures how sure it gets,"
                            + " S_pMSE divides that by what a perfect generator would score, and AUC is how often it"
                            + " ranks a real row above a synthetic one.",
                    "S_pMSE near 1 (good ≤ " + Html.num(Thresholds.S_PMSE_GOOD, 0) + ", above "
                            + Html.num(Thresholds.S_PMSE_FAIR, 0) + " the tables differ clearly); AUC near 0.5 (good ≤ "
                            + Html.num(Thresholds.AUC_GOOD, 2) + ").",
                    light == Light.GOOD ? "The model can hardly tell the tables apart."
                            : light == Light.FAIR ? "The model finds some systematic differences."
                            : light == Light.POOR ? "The model tells the tables apart easily: some patterns differ."
                            : "",
                    table));
        }
        if (ml == null) {
            b.append("<div class=\"metric\"><b>ML efficacy</b><p class=\"empty\">Not measured: no target column.</p>"
                    + "</div>");
        } else {
            Light light = Thresholds.mlEfficacy(ml);
            double gap = ml.real() - ml.synthetic();
            b.append(Blocks.metric("ML efficacy: train on synthetic, test on real",
                    Html.num(ml.synthetic(), 3) + " <small>synthetic-trained vs " + Html.num(ml.real(), 3)
                            + " real-trained</small>", light,
                    "Two " + ml.task() + " models predict '" + ml.target() + "' on " + Html.count(ml.testRows())
                            + " real test rows: one trained on synthetic rows, one on real rows (score: "
                            + ml.metric() + ").",
                    "The synthetic-trained score within " + Html.num(Thresholds.ML_GAP_GOOD, 2)
                            + " of the real-trained one.",
                    !Html.finite(gap) ? "" : gap <= 0 ? "Synthetic data trains a model as well as the real data does."
                            : "Training on synthetic data costs " + Html.num(gap, 3) + " in " + ml.metric() + ".",
                    ""));
        }
        b.append("</div></section>\n");
    }

    private static Light worse(Light a, Light b) {
        if (a == Light.NONE) {
            return b;
        }
        if (b == Light.NONE) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static double at(double[][] m, int i, int j) {
        if (m == null || i >= m.length || m[i] == null || j >= m[i].length) {
            return Double.NaN;
        }
        return m[i][j];
    }
}
