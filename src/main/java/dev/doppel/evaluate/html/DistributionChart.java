package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;
import static dev.doppel.evaluate.html.Html.xy;

import dev.doppel.evaluate.Charts.ColumnChart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One column's distribution as inline SVG, real beside synthetic: a histogram (real bars, synthetic as a step line) or
 * grouped bars for labels. Label charts show at most {@value #MAX_BARS} bars; the rest are pooled into one bar and
 * noted.
 */
final class DistributionChart {
    static final int MAX_BARS = 25;
    private static final int WIDTH = 380;
    private static final int PLOT_HEIGHT = 130;
    private static final int LEFT = 42;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final double FONT = 10;
    private static final double CHAR = 5.6; // average glyph width at FONT px

    /**
     * The drawn bins (possibly pooled), how many labels were pooled, and a prefix all drawn labels share (left off the
     * axis so the differing ends show; empty when none worth removing).
     */
    record Shown(List<String> bins, double[] real, double[] synthetic, int pooled, String commonPrefix) {}

    private DistributionChart() {}

    /** Caps a label chart at {@link #MAX_BARS}: keeps the labels with the largest shares, in drawing order. */
    static Shown shown(ColumnChart chart) {
        int n = Math.min(chart.bins().size(), Math.min(length(chart.real()), length(chart.synthetic())));
        double[] real = new double[n];
        double[] synthetic = new double[n];
        for (int i = 0; i < n; i++) {
            real[i] = share(chart.real()[i]);
            synthetic[i] = share(chart.synthetic()[i]);
        }
        List<String> bins = new ArrayList<>(chart.bins().subList(0, n));
        if (!"bars".equals(chart.kind()) || n <= MAX_BARS) {
            return new Shown(bins, real, synthetic, 0, "bars".equals(chart.kind()) ? commonPrefix(bins, n) : "");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.max(real[i], synthetic[i]))
                .thenComparingInt(i -> i));
        boolean[] keep = new boolean[n];
        for (int i = 0; i < MAX_BARS - 1; i++) {
            keep[order.get(i)] = true;
        }
        List<String> keptBins = new ArrayList<>();
        double[] r = new double[MAX_BARS];
        double[] s = new double[MAX_BARS];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                keptBins.add(bins.get(i));
                r[k] = real[i];
                s[k] = synthetic[i];
                k++;
            } else {
                r[MAX_BARS - 1] += real[i];
                s[MAX_BARS - 1] += synthetic[i];
            }
        }
        int pooled = n - (MAX_BARS - 1);
        String prefix = commonPrefix(keptBins, keptBins.size());
        keptBins.add("(" + pooled + " other labels)");
        return new Shown(keptBins, r, s, pooled, prefix);
    }

    /** The longest prefix of the first {@code n} labels, cut back to a separator, when 6 or more chars long. */
    static String commonPrefix(List<String> labels, int n) {
        if (n < 3) {
            return "";
        }
        String p = labels.get(0);
        for (int i = 1; i < n && !p.isEmpty(); i++) {
            String l = labels.get(i);
            int k = 0;
            while (k < p.length() && k < l.length() && p.charAt(k) == l.charAt(k)) {
                k++;
            }
            p = p.substring(0, k);
        }
        int cut = p.length();
        while (cut > 0 && Character.isLetterOrDigit(p.charAt(cut - 1))) {
            cut--;
        }
        if (cut > 0 && Character.isHighSurrogate(p.charAt(cut - 1))) {
            cut--;
        }
        return cut >= 6 ? p.substring(0, cut) : "";
    }

    private static String axisLabel(String label, String prefix) {
        return !prefix.isEmpty() && label.startsWith(prefix) ? "…" + label.substring(prefix.length()) : label;
    }

    /** The chart as an {@code <svg>} element. */
    static String svg(ColumnChart chart) {
        Shown shown = shown(chart);
        boolean histogram = "histogram".equals(chart.kind());
        int n = shown.bins().size();
        double plotW = WIDTH - LEFT - RIGHT;
        double slot = n == 0 ? plotW : plotW / n;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(shown.real()[i], shown.synthetic()[i]));
        }
        double step = niceStep(max / 4);
        double top = Math.max(step, Math.ceil(max / step - 1e-9) * step);

        // x labels: every label for bars; about 8 for histograms
        int every = histogram ? Math.max(1, (int) Math.ceil(n / 8.0)) : 1;
        int maxChars = 0;
        for (int i = 0; i < n; i += every) {
            maxChars = Math.max(maxChars, Html.length(axisLabel(shown.bins().get(i), shown.commonPrefix())));
        }
        boolean rotate = maxChars * CHAR > slot * every - 2;
        boolean vertical = rotate && slot * every < 16;
        int labelChars = rotate ? 16 : maxChars;
        double bottom = rotate ? Math.min(labelChars, maxChars) * CHAR * (vertical ? 1 : 0.71) + 18 : 22;
        double height = TOP + PLOT_HEIGHT + bottom;
        double y0 = TOP + PLOT_HEIGHT;

        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"dist\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(xy(height))
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(xy(height))
                .append("\" role=\"img\" aria-label=\"")
                .append(esc("Distribution of " + chart.column() + ", real and synthetic"))
                .append("\">");
        // y grid and ticks
        for (double t = 0; t <= top + 1e-9; t += step) {
            double y = y0 - t / top * PLOT_HEIGHT;
            b.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(xy(WIDTH - RIGHT))
                    .append("\" y1=\"")
                    .append(xy(y))
                    .append("\" y2=\"")
                    .append(xy(y))
                    .append("\"/>");
            b.append("<text class=\"tick\" x=\"")
                    .append(LEFT - 4)
                    .append("\" y=\"")
                    .append(xy(y + 3.5))
                    .append("\" text-anchor=\"end\">")
                    .append(Html.pct(t, Math.abs(step * 100 - Math.rint(step * 100)) < 1e-9 ? 0 : 1))
                    .append("</text>");
        }
        if (histogram) {
            drawHistogram(b, shown, slot, top, y0);
        } else {
            drawBars(b, shown, slot, top, y0);
        }
        b.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" x2=\"")
                .append(xy(WIDTH - RIGHT))
                .append("\" y1=\"")
                .append(xy(y0))
                .append("\" y2=\"")
                .append(xy(y0))
                .append("\"/>");
        for (int i = 0; i < n; i += every) {
            String label = shown.bins().get(i);
            String drawn = axisLabel(label, shown.commonPrefix());
            double x = LEFT + (i + 0.5) * slot;
            if (vertical) {
                b.append("<text class=\"tick\" text-anchor=\"end\" transform=\"translate(")
                        .append(xy(x + 3.5)).append(' ').append(xy(y0 + 5)).append(") rotate(-90)\"");
            } else if (rotate) {
                b.append("<text class=\"tick\" text-anchor=\"end\" transform=\"translate(")
                        .append(xy(x + 2)).append(' ').append(xy(y0 + 9)).append(") rotate(-45)\"");
            } else {
                b.append("<text class=\"tick\" text-anchor=\"middle\" x=\"").append(xy(x)).append("\" y=\"")
                        .append(xy(y0 + 13)).append('"');
            }
            b.append("><title>")
                    .append(esc(label))
                    .append("</title>")
                    .append(esc(Html.truncate(drawn, labelChars)))
                    .append("</text>");
        }
        b.append("</svg>");
        return b.toString();
    }

    private static void drawHistogram(StringBuilder b, Shown shown, double slot, double top, double y0) {
        int n = shown.bins().size();
        for (int i = 0; i < n; i++) {
            double h = shown.real()[i] / top * PLOT_HEIGHT;
            b.append("<rect class=\"real\" x=\"")
                    .append(xy(LEFT + i * slot + 0.5))
                    .append("\" y=\"")
                    .append(xy(y0 - h))
                    .append("\" width=\"")
                    .append(xy(Math.max(0.5, slot - 1)))
                    .append("\" height=\"")
                    .append(xy(h))
                    .append("\">")
                    .append(tip(shown, i))
                    .append("</rect>");
        }
        if (n == 0) {
            return;
        }
        StringBuilder d = new StringBuilder("M").append(xy(LEFT)).append(' ').append(xy(y0));
        for (int i = 0; i < n; i++) {
            double y = y0 - shown.synthetic()[i] / top * PLOT_HEIGHT;
            d.append(" V").append(xy(y)).append(" H").append(xy(LEFT + (i + 1) * slot));
        }
        d.append(" V").append(xy(y0));
        b.append("<path class=\"synth-step\" d=\"").append(d).append("\"/>");
    }

    private static void drawBars(StringBuilder b, Shown shown, double slot, double top, double y0) {
        int n = shown.bins().size();
        double pad = Math.min(slot * 0.15, 6);
        double bar = (slot - 2 * pad) / 2;
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * slot + pad;
            double hr = shown.real()[i] / top * PLOT_HEIGHT;
            double hs = shown.synthetic()[i] / top * PLOT_HEIGHT;
            b.append("<g>").append(tip(shown, i));
            b.append("<rect class=\"real\" x=\"")
                    .append(xy(x))
                    .append("\" y=\"")
                    .append(xy(y0 - hr))
                    .append("\" width=\"")
                    .append(xy(bar))
                    .append("\" height=\"")
                    .append(xy(hr))
                    .append("\"/>");
            b.append("<rect class=\"synth\" x=\"")
                    .append(xy(x + bar))
                    .append("\" y=\"")
                    .append(xy(y0 - hs))
                    .append("\" width=\"")
                    .append(xy(bar))
                    .append("\" height=\"")
                    .append(xy(hs))
                    .append("\"/></g>");
        }
    }

    private static String tip(Shown shown, int i) {
        return "<title>" + esc(shown.bins().get(i)) + ": real " + Html.pct(shown.real()[i], 1) + ", synthetic "
                + Html.pct(shown.synthetic()[i], 1) + "</title>";
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 0.25;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static int length(double[] a) {
        return a == null ? 0 : a.length;
    }

    private static double share(double v) {
        return Html.finite(v) && v > 0 ? v : 0;
    }
}
