package dev.doppel.mask;

/** Where masking runs, which decides the defaults for columns the profile says nothing about. */
public enum MaskMode {
    /**
     * {@code doppel run}: the model learns the table. Direct identifiers are never learned (fresh fakes or ids
     * instead); quasi-identifiers are learned as they are unless the profile asks to generalise or suppress them.
     */
    SYNTHESIS,
    /**
     * {@code doppel mask}: the real rows are copied with every detected column masked as detection proposes: direct
     * identifiers faked or pseudonymised, quasi-identifiers generalised.
     */
    MASK
}
