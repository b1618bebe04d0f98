package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/**
 * An identifier, never learned: fresh values that are unique per row. Digit-only ids count up from {@code start} (a
 * power of ten above every real id, so no real id can come out) padded to {@code width}; other ids are drawn
 * without repetition from the {@code shape} of the real ones.
 *
 * @param start first value of a digit-only id sequence; 0 when {@code shape} is used
 * @param width zero-padding width of a digit-only id (0: none)
 * @param shape the shape of non-numeric ids; null for digit-only ids
 */
public record IdentifierColumn(ColumnSpec spec, double missingShare, long start, int width, TextShape shape)
        implements ColumnModel {
    public IdentifierColumn {
        if (shape == null && start <= 0) {
            throw new IllegalArgumentException("identifier '" + spec.name() + "': needs a start or a shape");
        }
    }
}
