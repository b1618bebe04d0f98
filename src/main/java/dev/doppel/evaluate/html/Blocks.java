package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;

import java.util.List;

/** Small HTML building blocks shared by the sections: badges, cards, metric panels, lists. */
final class Blocks {
    private Blocks() {}

    /** A traffic-light badge: coloured dot plus word. */
    static String badge(Light light) {
        return "<span class=\"lt " + light.css() + "\">" + light.word() + "</span>";
    }

    /**
     * A headline card.
     *
     * @param valueHtml already escaped
     * @param captionHtml already escaped
     */
    static String card(String label, String valueHtml, Light light, String captionHtml) {
        return "<div class=\"card " + light.css() + "\"><div class=\"k\">" + esc(label) + "</div><div class=\"v\">"
                + valueHtml + "</div>" + badge(light) + "<div class=\"t\">" + captionHtml + "</div></div>";
    }

    /**
     * A metric panel with plain-language text.
     *
     * @param valueHtml already escaped
     * @param what what the number measures
     * @param good what the good range is
     * @param means what this run's value means (may be empty)
     * @param extraHtml more content (a table), already escaped
     */
    static String metric(String title, String valueHtml, Light light, String what, String good, String means,
            String extraHtml) {
        StringBuilder b = new StringBuilder(512);
        b.append("<div class=\"metric\"><div class=\"mh\"><b>").append(esc(title)).append("</b>")
                .append(badge(light)).append("</div><div class=\"mv\">").append(valueHtml).append("</div>");
        b.append(extraHtml);
        b.append("<p><strong>What it measures.</strong> ").append(esc(what)).append("</p>");
        b.append("<p><strong>Good range.</strong> ").append(esc(good)).append("</p>");
        if (!means.isEmpty()) {
            b.append("<p class=\"means\"><strong>This run.</strong> ").append(esc(means)).append("</p>");
        }
        return b.append("</div>").toString();
    }

    /** A bulleted list of escaped strings, or an italic "none". */
    static String list(List<String> items, String empty) {
        if (items == null || items.isEmpty()) {
            return "<p class=\"empty\">" + esc(empty) + "</p>";
        }
        StringBuilder b = new StringBuilder("<ul class=\"plain\">");
        for (String s : items) {
            b.append("<li>").append(esc(s)).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** A score bar in [0, 1] coloured by its quality light, with the value beside. */
    static String scoreBar(double score) {
        return scoreBar(score, "bar");
    }

    /** A narrow score bar for tight tables. */
    static String smallScoreBar(double score) {
        return scoreBar(score, "bar narrow");
    }

    private static String scoreBar(double score, String css) {
        Light light = Thresholds.quality(score);
        double w = Html.finite(score) ? Math.max(0, Math.min(1, score)) * 100 : 0;
        return "<span class=\"" + css + "\"><i class=\"" + light.css() + "\" style=\"width:" + Html.num(w, 1) + "%\"></i></span>"
                + Html.num(score, 3);
    }
}
