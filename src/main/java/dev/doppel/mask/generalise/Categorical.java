package dev.doppel.mask.generalise;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Any text, with three levels: 0 the value as given, 1 rare values suppressed (values in fewer than k rows of the
 * column, k being the k of the search), 2 everything suppressed. Level 1 needs the column's counts: {@link KAnonymity}
 * supplies them through {@link #fit}; applying level 1 before that throws {@link IllegalStateException}.
 *
 * <p>A fitted hierarchy holds the column's frequent values in memory (never printed: {@link #toString} shows only
 * their number); it is not meant to be saved.
 */
public final class Categorical implements Hierarchy {
    private static final int RARE = 1;
    private static final int TOP = 2;

    private final Set<String> frequent; // null until fitted
    private final int minRows;

    private Categorical(Set<String> frequent, int minRows) {
        this.frequent = frequent;
        this.minRows = minRows;
    }

    /** The unfitted hierarchy: levels value, rare values suppressed, suppressed. */
    public static Categorical of() {
        return new Categorical(null, 0);
    }

    /** True once {@link #fit} has supplied the counts that level 1 needs. */
    public boolean fitted() {
        return frequent != null;
    }

    @Override
    public Categorical fit(Map<String, Long> valueCounts, int k) {
        Set<String> kept = new HashSet<>();
        valueCounts.forEach((value, count) -> {
            if (value != null && count >= k) {
                kept.add(value);
            }
        });
        return new Categorical(Set.copyOf(kept), k);
    }

    @Override
    public int top() {
        return TOP;
    }

    @Override
    public String apply(String value, int level) {
        Levels.check(level, TOP);
        if (value == null || level == TOP) {
            return null;
        }
        if (level == RARE) {
            if (frequent == null) {
                throw new IllegalStateException("the rare-values level needs the column's counts: fit first");
            }
            return frequent.contains(value) ? value : null;
        }
        return value;
    }

    @Override
    public String describe(int level) {
        Levels.check(level, TOP);
        if (level == RARE) {
            return frequent == null ? "rare values suppressed" : "values in fewer than " + minRows + " rows suppressed";
        }
        return level == TOP ? "suppressed" : "value";
    }

    @Override
    public String toString() {
        return frequent == null ? "Categorical[unfitted]" : "Categorical[" + frequent.size() + " frequent values]";
    }
}
