package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;

import dev.doppel.evaluate.ConstraintScores;

/** The constraints section: per rule of the profile, the rows it applies to and the rows that break it, real and synthetic. */
final class ConstraintSection {
    private ConstraintSection() {}

    static void render(StringBuilder b, ConstraintScores scores) {
        if (scores == null) {
            return;
        }
        b.append("<section id=\"constraints\"><h2>Constraints</h2>");
        b.append("<p class=\"explain\">Rules from the profile that every synthetic row must keep. A rule applies to a"
                + " row when all its columns are present. The real rows are shown for reference: a rule the real data"
                + " often breaks may not describe it.</p>");
        b.append("<div class=\"scroll\"><table><thead><tr><th>Rule</th><th>Type</th><th class=\"n\">Real rows</th>"
                + "<th class=\"n\">Real violations</th><th class=\"n\">Synthetic rows</th>"
                + "<th class=\"n\">Synthetic violations</th><th>Result</th></tr></thead><tbody>");
        for (ConstraintScores.Check c : scores.checks()) {
            b.append("<tr><td><code>").append(esc(c.rule())).append("</code></td><td>").append(esc(c.type()))
                    .append("</td>");
            if (c.note() != null) {
                b.append("<td colspan=\"5\">").append(esc(c.note())).append("</td></tr>");
                continue;
            }
            b.append("<td class=\"n\">").append(Html.count(c.realRows())).append("</td><td class=\"n\">")
                    .append(Html.count(c.realViolations())).append("</td><td class=\"n\">")
                    .append(Html.count(c.syntheticRows())).append("</td><td class=\"n\">")
                    .append(Html.count(c.syntheticViolations())).append("</td><td>")
                    .append(c.syntheticViolations() == 0 ? Blocks.badge(Light.GOOD).replace("Good", "Held")
                            : Blocks.badge(Light.POOR).replace("Poor", "Broken"))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
    }
}
