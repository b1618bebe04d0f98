package dev.doppel.model;

import dev.doppel.schema.ColumnSpec;

/** Free text, never learned: random strings with the lengths and character classes of the real ones. */
public record TextColumn(ColumnSpec spec, double missingShare, TextShape shape) implements ColumnModel {}
