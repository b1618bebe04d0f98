package dev.doppel.evaluate.html;

import static dev.doppel.evaluate.html.Html.esc;
import static dev.doppel.evaluate.html.Html.xy;

import java.util.List;

/**
 * A lower-triangle association heatmap as inline SVG, with a colour legend. Cells shrink as columns grow (2 to about
 * 60 columns stay legible), long names are shortened with the full name in a tooltip, and NaN cells are hatched.
 */
final class Heatmap {
    /** How values map to colours. */
    enum Scale {
        /** -1 … 1 (Pearson's r; Cramér's V uses 0 … 1 of it): blue, white, red. */
        ASSOCIATION(-1, 1, new int[] {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b}),
        /** 0 … 0.5 and above (absolute difference): pale yellow to dark red. */
        DIFFERENCE(0, 0.5, new int[] {0xffffe5, 0xfee391, 0xfe9929, 0xd95f0e, 0x993404});

        final double low;
        final double high;
        private final int[] stops;

        Scale(double low, double high, int[] stops) {
            this.low = low;
            this.high = high;
            this.stops = stops;
        }

        int rgb(double v) {
            double t = Math.max(0, Math.min(1, (v - low) / (high - low))) * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) Math.floor(t));
            double f = t - i;
            int a = stops[i];
            int c = stops[i + 1];
            int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((c >> 16) & 255) * f);
            int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((c >> 8) & 255) * f);
            int bl = (int) Math.round((a & 255) * (1 - f) + (c & 255) * f);
            return (r << 16) | (g << 8) | bl;
        }

        String colour(double v) {
            String hex = Integer.toHexString(rgb(v) | 0x1000000);
            return "#" + hex.substring(1);
        }

        boolean dark(double v) {
            int c = rgb(v);
            double lum = 0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255);
            return lum < 140;
        }
    }

    private static final int LABEL_CHARS = 20;

    /** Above this many columns each heatmap gets a full row. */
    static final int WIDE = 16;

    private Heatmap() {}

    /**
     * @param id unique within the page (names the hatch pattern)
     * @param names column names, rows and columns of {@code m}
     * @param m the square matrix; only the lower triangle and diagonal are drawn
     */
    static String svg(String id, String caption, List<String> names, double[][] m, Scale scale) {
        int n = names.size();
        double cell = cell(n);
        double font = Math.max(8, Math.min(11, cell * 0.72));
        double charW = font * 0.68;
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, Math.min(LABEL_CHARS, Html.length(name)));
        }
        double labelW = longest * charW + 14;
        double left = labelW;
        double grid = n * cell;
        double bottom = labelW * 0.71 + font + 4;
        double width = left + grid + 8;
        double height = 6 + grid + bottom;
        boolean values = cell >= 30;
        double valueFont = Math.min(12, cell * 0.27);

        StringBuilder b = new StringBuilder(n * n * 60 + 1024);
        b.append("<svg class=\"heat\" viewBox=\"0 0 " + xy(width) + " " + xy(height) + "\" width=\"" + xy(width)
                + "\" height=\"" + xy(height) + "\" role=\"img\" aria-label=\"" + esc(caption) + "\">");
        b.append("<defs><pattern id=\"" + id + "-nan\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eceff3\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9aa3ae\" stroke-width=\"2\"/></pattern></defs>");
        double top = 6;
        for (int i = 0; i < n; i++) {
            double y = top + i * cell;
            String name = names.get(i);
            b.append("<text class=\"hl\" x=\"" + xy(left - 4) + "\" y=\"" + xy(y + cell / 2 + font * 0.35)
                    + "\" text-anchor=\"end\" font-size=\"" + xy(font) + "\"><title>" + esc(name) + "</title>"
                    + esc(Html.middle(name, LABEL_CHARS)) + "</text>");
            for (int j = 0; j <= i; j++) {
                double v = value(m, i, j);
                double x = left + j * cell;
                String fill = Html.finite(v) ? scale.colour(v) : "url(#" + id + "-nan)";
                b.append("<rect x=\"" + xy(x) + "\" y=\"" + xy(y) + "\" width=\"" + xy(cell - 1) + "\" height=\""
                        + xy(cell - 1) + "\" fill=\"" + fill + "\"><title>" + esc(names.get(i)) + " × "
                        + esc(names.get(j)) + ": " + (Html.finite(v) ? Html.num(v, 2) : "undefined")
                        + "</title></rect>");
                if (values && Html.finite(v)) {
                    b.append("<text class=\"hv" + (scale.dark(v) ? " on-dark" : "") + "\" x=\"" + xy(x + (cell - 1) / 2)
                            + "\" y=\"" + xy(y + cell / 2 + valueFont * 0.35) + "\" text-anchor=\"middle\" font-size=\""
                            + xy(valueFont) + "\">" + Html.num(v, 2)
                            + "</text>");
                }
            }
        }
        double labelsY = top + grid + 4;
        for (int j = 0; j < n; j++) {
            double x = left + j * cell + cell / 2 + font * 0.35;
            String name = names.get(j);
            b.append("<text class=\"hl\" x=\"" + xy(x) + "\" y=\"" + xy(labelsY) + "\" text-anchor=\"end\" font-size=\""
                    + xy(font) + "\" transform=\"rotate(-45 " + xy(x) + " " + xy(labelsY) + ")\"><title>"
                    + esc(name) + "</title>" + esc(Html.middle(name, LABEL_CHARS)) + "</text>");
        }
        b.append("</svg>");
        return b.toString();
    }

    /** Cell size: 56 px for a few columns, shrinking to fit about 900 px, never below 13 px. */
    static double cell(int n) {
        double target = n > WIDE ? 900 : 460;
        return Math.max(13, Math.min(56, Math.floor(target / Math.max(1, n))));
    }

    /** A horizontal colour legend for a scale, with a hatched swatch for undefined cells. */
    static String legend(String id, Scale scale, String lowLabel, String highLabel) {
        int steps = 40;
        double w = 180;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"legend\" viewBox=\"0 0 300 30\" width=\"300\" height=\"30\" role=\"img\""
                + " aria-label=\"colour scale\">");
        b.append("<defs><pattern id=\"" + id + "-lnan\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eceff3\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9aa3ae\" stroke-width=\"2\"/></pattern></defs>");
        for (int i = 0; i < steps; i++) {
            double v = scale.low + (scale.high - scale.low) * (i + 0.5) / steps;
            b.append("<rect x=\"" + xy(4 + i * w / steps) + "\" y=\"2\" width=\"" + xy(w / steps + 0.4)
                    + "\" height=\"10\" fill=\"" + scale.colour(v) + "\"/>");
        }
        double mid = (scale.low + scale.high) / 2;
        b.append("<text class=\"tick\" x=\"4\" y=\"25\">" + esc(lowLabel) + "</text>");
        b.append("<text class=\"tick\" x=\"" + xy(4 + w / 2) + "\" y=\"25\" text-anchor=\"middle\">"
                + Html.num(mid, 2) + "</text>");
        b.append("<text class=\"tick\" x=\"" + xy(4 + w) + "\" y=\"25\" text-anchor=\"end\">" + esc(highLabel)
                + "</text>");
        b.append("<rect x=\"204\" y=\"2\" width=\"14\" height=\"10\" fill=\"url(#" + id + "-lnan)\"/>");
        b.append("<text class=\"tick\" x=\"222\" y=\"11\">undefined</text>");
        b.append("</svg>");
        return b.toString();
    }

    private static double value(double[][] m, int i, int j) {
        if (m == null || i >= m.length || m[i] == null || j >= m[i].length) {
            return Double.NaN;
        }
        return m[i][j];
    }
}
