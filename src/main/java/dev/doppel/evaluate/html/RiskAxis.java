package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.xy;

import dev.doppel.evaluate.PrivacyScores.AttackResult;

/**
 * An attack's risk with its 95% interval on a small axis that crosses 0, over shaded bands of the traffic-light
 * thresholds. All attacks of one report share the axis range, so their intervals compare by eye.
 */
final class RiskAxis {
    private static final double WIDTH = 300;
    private static final double PAD = 14;

    private RiskAxis() {}

    /** A symmetric range that holds every interval and the fair threshold: at least ±0.15. */
    static double range(Iterable<AttackResult> attacks) {
        double r = Thresholds.ATTACK_RISK_FAIR * 1.5;
        for (AttackResult a : attacks) {
            for (double v : new double[] {a.risk(), a.riskLow(), a.riskHigh()}) {
                if (Html.finite(v)) {
                    r = Math.max(r, Math.abs(v) * 1.1);
                }
            }
        }
        return Math.min(1, DistributionChart.niceStep(r));
    }

    static String svg(AttackResult a, double range) {
        double plot = WIDTH - 2 * PAD;
        double mid = PAD + plot / 2;
        StringBuilder b = new StringBuilder(1024);
        b.append("<svg class=\"risk\" viewBox=\"0 0 300 40\" width=\"300\" height=\"40\" role=\"img\" aria-label=\"")
                .append(Html.esc("risk " + Html.num(a.risk(), 3) + ", 95% interval " + Html.num(a.riskLow(), 3)
                        + " to " + Html.num(a.riskHigh(), 3)))
                .append("\">");
        double good = x(Thresholds.ATTACK_RISK_GOOD, range, mid, plot);
        double fair = x(Thresholds.ATTACK_RISK_FAIR, range, mid, plot);
        b.append("<rect class=\"band-good\" x=\"" + xy(PAD) + "\" y=\"6\" width=\"" + xy(good - PAD)
                + "\" height=\"16\"/>");
        b.append("<rect class=\"band-fair\" x=\"" + xy(good) + "\" y=\"6\" width=\"" + xy(fair - good)
                + "\" height=\"16\"/>");
        b.append("<rect class=\"band-poor\" x=\"" + xy(fair) + "\" y=\"6\" width=\"" + xy(PAD + plot - fair)
                + "\" height=\"16\"/>");
        b.append("<line class=\"axis\" x1=\"" + xy(PAD) + "\" x2=\"" + xy(PAD + plot) + "\" y1=\"22\" y2=\"22\"/>");
        b.append("<line class=\"zero\" x1=\"" + xy(mid) + "\" x2=\"" + xy(mid) + "\" y1=\"3\" y2=\"25\"/>");
        for (double t : new double[] {-range, 0, range}) {
            double x = x(t, range, mid, plot);
            b.append("<text class=\"tick\" x=\"" + xy(x) + "\" y=\"36\" text-anchor=\"middle\">"
                    + (t == 0 ? "0" : Html.signedPct(t, 0)) + "</text>");
        }
        if (Html.finite(a.riskLow()) && Html.finite(a.riskHigh())) {
            double lo = x(a.riskLow(), range, mid, plot);
            double hi = x(a.riskHigh(), range, mid, plot);
            b.append("<line class=\"ci\" x1=\"" + xy(lo) + "\" x2=\"" + xy(hi) + "\" y1=\"14\" y2=\"14\"/>");
            b.append("<line class=\"ci\" x1=\"" + xy(lo) + "\" x2=\"" + xy(lo) + "\" y1=\"10\" y2=\"18\"/>");
            b.append("<line class=\"ci\" x1=\"" + xy(hi) + "\" x2=\"" + xy(hi) + "\" y1=\"10\" y2=\"18\"/>");
        }
        if (Html.finite(a.risk())) {
            b.append("<circle class=\"pt\" cx=\"" + xy(x(a.risk(), range, mid, plot)) + "\" cy=\"14\" r=\"4\"/>");
        }
        b.append("</svg>");
        return b.toString();
    }

    private static double x(double v, double range, double mid, double plot) {
        double c = Math.max(-range, Math.min(range, v));
        return mid + c / range * plot / 2;
    }
}
