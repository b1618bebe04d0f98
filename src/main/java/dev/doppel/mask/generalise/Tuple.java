package dev.doppel.mask.generalise;

import java.util.Arrays;

/**
 * A quasi-identifier tuple as a hash key: the values (null for missing) with their hash computed once. Counting and
 * looking up tuples happens once per row in both passes, where a {@code List<String>} key re-walked the values with
 * iterators on every hash and every equality check.
 *
 * <p>Holds real values; {@link #toString()} prints only the width.
 */
final class Tuple {
    private final String[] values;
    private final int hash;

    /** A key over {@code values}, which the caller must not change afterwards. */
    Tuple(String[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** The values; the caller must not change them. */
    String[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && t.hash == hash && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Tuple[" + values.length + " values]"; // never values
    }
}
