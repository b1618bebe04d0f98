package dev.doppel.mask.generalise;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whole numbers into bands aligned to 0: with width 5, 37 becomes "35-39". Each further level doubles the width, still
 * aligned to 0 (35-39, 30-39, 20-39, 0-39, ...), for {@code bands} levels; the level after them is suppression.
 *
 * <p>Spelling: {@code lo-hi} (both ends included) when {@code lo >= 0}, {@code lo..hi} when the band starts below 0
 * ("-10..-6"), and just the number for a band of width 1. A cell that is not a whole number (text, "37.5", "NaN") is
 * unreadable: null at every level. Numbers of any size are read; surrounding spaces are ignored.
 *
 * @param width the band width at level 0, at least 1
 * @param bands how many band levels there are before suppression, at least 1
 */
public record IntegerBands(long width, int bands) implements Hierarchy {
    /** Band levels of {@link #of(long)}: widths w, 2w, 4w, 8w, 16w, then suppression. */
    public static final int DEFAULT_BANDS = 5;

    public IntegerBands {
        if (width < 1) {
            throw new IllegalArgumentException("band width must be at least 1");
        }
        if (bands < 1 || bands > 62) {
            throw new IllegalArgumentException("band levels must be between 1 and 62");
        }
    }

    /** Bands of the given width, then {@link #DEFAULT_BANDS} - 1 doublings, then suppression. */
    public static IntegerBands of(long width) {
        return new IntegerBands(width, DEFAULT_BANDS);
    }

    @Override
    public int top() {
        return bands;
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, bands);
        if (value == null || level == bands) {
            return null;
        }
        BigDecimal number = Levels.number(value);
        if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return null;
        }
        BigDecimal w = levelWidth(level);
        BigDecimal lo = number.divide(w, 0, RoundingMode.FLOOR).multiply(w);
        if (w.compareTo(BigDecimal.ONE) == 0) {
            return Levels.plain(lo);
        }
        BigDecimal hi = lo.add(w).subtract(BigDecimal.ONE);
        return Levels.plain(lo) + (lo.signum() < 0 ? ".." : "-") + Levels.plain(hi);
    }

    @Override
    public String describe(int level) {
        Levels.check(level, bands);
        return level == bands ? "suppressed" : "bands of " + Levels.plain(levelWidth(level));
    }

    private BigDecimal levelWidth(int level) {
        return BigDecimal.valueOf(width).multiply(BigDecimal.valueOf(2).pow(level));
    }
}
