package dev.doppel.mask.generalise;

/**
 * Codes such as postcodes cut to a prefix: with prefix 2, "10115" becomes "10***" (the rest replaced by '*', the length
 * kept). Each further level keeps one character less ("1****"); after prefix 1 comes suppression, so there are
 * {@code keep} + 1 levels. A value no longer than the prefix is kept whole. Characters are Unicode code points.
 *
 * @param keep characters kept at level 0, at least 1
 */
public record Prefix(int keep) implements Hierarchy {
    public Prefix {
        if (keep < 1) {
            throw new IllegalArgumentException("a prefix keeps at least 1 character");
        }
    }

    public static Prefix of(int keep) {
        return new Prefix(keep);
    }

    @Override
    public int top() {
        return keep;
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, keep);
        if (value == null || level == keep) {
            return null;
        }
        int kept = keep - level;
        int length = value.codePointCount(0, value.length());
        if (length <= kept) {
            return value;
        }
        int cut = value.offsetByCodePoints(0, kept);
        return value.substring(0, cut) + "*".repeat(length - kept);
    }

    @Override
    public String describe(int level) {
        Levels.check(level, keep);
        return level == keep ? "suppressed" : "prefix " + (keep - level);
    }
}
