package dev.doppel.model;

/**
 * Knobs of fitting.
 *
 * @param minGroup k: no stored number summarises fewer than k rows; labels seen fewer than k times are pooled
 * @param rareLabel the label written for pooled rare labels
 */
public record FitSettings(int minGroup, String rareLabel) {
    public static final FitSettings DEFAULTS = new FitSettings(5, "(other)");
    /** The smallest k allowed: a mean of two rows and one of them tells the other. */
    public static final int MIN_GROUP_FLOOR = 3;

    public FitSettings {
        if (minGroup < MIN_GROUP_FLOOR) {
            throw new IllegalArgumentException("min group must be at least " + MIN_GROUP_FLOOR);
        }
        if (rareLabel == null) {
            throw new IllegalArgumentException("rare label must be set");
        }
    }
}
