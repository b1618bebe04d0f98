package dev.doppel.mask.generalise;

import java.util.Map;

/**
 * A generalisation hierarchy of one column (ARX's term): levels {@code 0..top()}, each coarser than the one before.
 * Level 0 is the finest form the profile allows (for a hierarchy built by {@link Generalisation}, the profile's chosen
 * generalisation); the top level is full suppression and always gives {@code null}, written as missing.
 *
 * <p>Contract of every implementation: immutable and thread-safe; {@code apply(null, level)} is {@code null} (missing
 * stays missing); a cell the hierarchy cannot read (a non-number for bands, a non-date for dates) gives {@code null}
 * at every level and is counted as suppressed by {@link KAnonymity}; coarser levels never split what a finer level
 * joined. Nothing here throws or prints with a cell value, and {@link #describe} names the level, never a value.
 */
public sealed interface Hierarchy permits IntegerBands, DecimalRanges, Dates, Prefix, Categorical, Coarsened {

    /** The top level, at which every cell is suppressed; at least 0. */
    int top();

    /**
     * The value generalised to a level; null for a missing or unreadable value and at the top level.
     *
     * @throws IllegalArgumentException when the level is outside {@code 0..top()}
     */
    String apply(String value, int level);

    /** What a level does, for a manifest: "5-year bands", "month", "prefix 2", "suppressed". Never a value. */
    String describe(int level);

    /** This hierarchy with the given level as its level 0 (the profile chose a coarser start). */
    default Hierarchy from(int level) {
        Levels.check(level, top());
        return level == 0 ? this : new Coarsened(this, level);
    }

    /**
     * This hierarchy adapted to one column's data before a k-anonymity search: only {@link Categorical}'s rare-values
     * level needs it (values in fewer than {@code k} rows). The default returns this hierarchy.
     *
     * @param valueCounts rows per non-missing value of the column
     * @param k the k of the search
     */
    default Hierarchy fit(Map<String, Long> valueCounts, int k) {
        return this;
    }
}
