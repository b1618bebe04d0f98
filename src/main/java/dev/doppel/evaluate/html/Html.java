package dev.doppel.evaluate.html;

import java.util.Locale;

/** Escaping and number formatting for the report: every user string goes through {@link #esc}. */
final class Html {
    /** Shown for a number that is NaN, infinite or absent. */
    static final String NONE = "–";

    private Html() {}

    /**
     * Escapes text for HTML element content and for quoted attribute values alike ({@code & < > " '}), and drops
     * control characters HTML does not allow. Null becomes the empty string.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    /** Shortens a string to at most {@code max} code points, ending in an ellipsis when cut. */
    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * Shortens a string to at most {@code max} code points by cutting out its middle, so both ends show
     * ("measureme…_name_12"): column names often differ only at the end.
     */
    static String middle(String s, int max) {
        if (s == null) {
            return "";
        }
        int n = s.codePointCount(0, s.length());
        if (n <= max) {
            return s;
        }
        int head = max / 2;
        int tail = max - 1 - head;
        return s.substring(0, s.offsetByCodePoints(0, head)) + "…" + s.substring(s.offsetByCodePoints(0, n - tail));
    }

    /** Code points in a string (for width estimates). */
    static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** A number with fixed decimals, or {@link #NONE}; never "-0.00". */
    static String num(double v, int decimals) {
        if (!finite(v)) {
            return NONE;
        }
        if (Math.abs(v) < 0.5 * Math.pow(10, -decimals)) {
            v = 0;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A share as a percentage with the given decimals, or {@link #NONE}. */
    static String pct(double share, int decimals) {
        return finite(share) ? num(share * 100, decimals) + "%" : NONE;
    }

    /** A signed share in percentage points, e.g. "+1.2 pp". */
    static String signedPct(double share, int decimals) {
        if (!finite(share)) {
            return NONE;
        }
        String n = num(share * 100, decimals);
        if (n.startsWith("-")) {
            return "−" + n.substring(1) + "%";
        }
        return (n.matches("0(\\.0+)?") ? n : "+" + n) + "%";
    }

    /** A number with about {@code digits} significant digits (at least {@code minDecimals} decimals). */
    static String sig(double v, int digits, int minDecimals) {
        if (!finite(v) || v == 0) {
            return num(v, minDecimals);
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(v)));
        return num(v, Math.max(minDecimals, Math.min(8, digits - 1 - magnitude)));
    }

    /** A count with thousands separators ("12,345"). */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An SVG coordinate: one decimal at most. */
    static String xy(double v) {
        if (!finite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        String sign = tenths < 0 ? "-" : "";
        return abs % 10 == 0 ? sign + abs / 10 : sign + abs / 10 + "." + abs % 10;
    }
}
