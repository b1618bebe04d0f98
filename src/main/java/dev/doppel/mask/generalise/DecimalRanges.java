package dev.doppel.mask.generalise;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers (whole or not, of any size) into half-open ranges aligned to 0: with width 1000, 1234.5 becomes
 * "[1000, 2000)" and -0.5 becomes "[-1000, 0)". Each further level doubles the width, for {@code ranges} levels; the
 * level after them is suppression. Ends are written in their shortest plain form (no exponent, no trailing zeros). A
 * cell that is not a number is unreadable: null at every level.
 *
 * @param width the range width at level 0, more than 0
 * @param ranges how many range levels there are before suppression, at least 1
 */
public record DecimalRanges(BigDecimal width, int ranges) implements Hierarchy {
    /** Range levels of {@link #of(BigDecimal)}: widths w, 2w, 4w, 8w, 16w, then suppression. */
    public static final int DEFAULT_RANGES = 5;

    public DecimalRanges {
        if (width == null || width.signum() <= 0) {
            throw new IllegalArgumentException("range width must be more than 0");
        }
        if (ranges < 1 || ranges > 62) {
            throw new IllegalArgumentException("range levels must be between 1 and 62");
        }
    }

    /** Ranges of the given width, then {@link #DEFAULT_RANGES} - 1 doublings, then suppression. */
    public static DecimalRanges of(BigDecimal width) {
        return new DecimalRanges(width, DEFAULT_RANGES);
    }

    @Override
    public int top() {
        return ranges;
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, ranges);
        if (value == null || level == ranges) {
            return null;
        }
        BigDecimal number = Levels.number(value);
        if (number == null) {
            return null;
        }
        BigDecimal w = levelWidth(level);
        BigDecimal lo = number.divide(w, 0, RoundingMode.FLOOR).multiply(w);
        return "[" + Levels.plain(lo) + ", " + Levels.plain(lo.add(w)) + ")";
    }

    @Override
    public String describe(int level) {
        Levels.check(level, ranges);
        return level == ranges ? "suppressed" : "ranges of " + Levels.plain(levelWidth(level));
    }

    private BigDecimal levelWidth(int level) {
        return width.multiply(BigDecimal.valueOf(2).pow(level));
    }
}
