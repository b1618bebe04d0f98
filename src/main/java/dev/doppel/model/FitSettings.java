package dev.doppel.model;

/**
 * Knobs of fitting.
 *
 * @param minGroup k: no stored number summarises fewer than k rows; labels seen fewer than k times are pooled
 * @param rareLabel the label written for pooled rare labels
 */
public record FitSettings(int minGroup, String rareLabel) {
    public static final FitSettings DEFAULTS = new FitSettings(5, "(other)");

    public FitSettings {
        if (minGroup < 1) {
            throw new IllegalArgumentException("min group must be at least 1");
        }
        if (rareLabel == null) {
            throw new IllegalArgumentException("rare label must be set");
        }
    }
}
