package dev.doppel.mask.generalise;

import java.math.BigDecimal;

/** Small shared checks and parsing for the hierarchies; never throws with a cell value. */
final class Levels {
    /** Longest text read as a number; longer cells are unreadable (guards against huge BigDecimal work). */
    private static final int MAX_NUMBER_LENGTH = 200;
    /** Largest decimal exponent accepted, so that a cell like "1e999999999" cannot blow up toPlainString. */
    private static final int MAX_EXPONENT = 400;

    private Levels() {}

    static void check(int level, int top) {
        if (level < 0 || level > top) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + top);
        }
    }

    /** The cell as a number (surrounding spaces ignored); null when it is not one. */
    static BigDecimal number(String value) {
        String text = value.trim();
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null; // NaN, Infinity, hex and the like
            }
        }
        try {
            BigDecimal number = new BigDecimal(text);
            long exponent = (long) number.precision() - number.scale();
            return Math.abs(exponent) > MAX_EXPONENT || Math.abs((long) number.scale()) > MAX_EXPONENT ? null : number;
        } catch (NumberFormatException e) {
            return null; // its message may quote the cell: dropped
        }
    }

    /** A number in its shortest plain spelling: 1000, 0.5, -20. */
    static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
