package dev.doppel.mask.pseudo;

import java.util.function.UnaryOperator;

/**
 * A fixed-size memo of one column's pseudonyms on one thread: a pseudonym is a pure function of (key, column, value),
 * so a value met again gets the pseudonym made the first time, without running its Feistel rounds again. Names,
 * companies, cities and web sites repeat in real tables; a column of unique ids gains nothing and loses little (a
 * miss costs a hash and up to {@value #WAYS} compares).
 *
 * <p>Memory does not grow with the rows: {@value #SETS} sets of {@value #WAYS} entries. A value's set is fixed by its
 * hash. A hit moves the entry one way up (towards way 0), so values met often settle in the first ways; a miss
 * replaces the last way only, so a stream of values never met again (ids) cycles through the last way and leaves the
 * repeated values above it in place.
 *
 * <p>Not thread-safe: one per column per worker thread. It holds real values and prints none of them.
 */
public final class PseudonymMemo {
    /** Ways per set. */
    static final int WAYS = 4;
    /** Sets (a power of two). */
    static final int SETS = 1 << 12;

    private final UnaryOperator<String> pseudonym;
    /** Per entry, side by side: the value, then its pseudonym (a set's entries share a cache line or two). */
    private final String[] entries = new String[2 * SETS * WAYS];
    /** Per entry: its value's {@link String#hashCode()}, checked before the value itself. */
    private final int[] hashes = new int[SETS * WAYS];
    private long hits;
    private long misses;

    /** @param pseudonym the column's pseudonym of a value (a pure function of it) */
    public PseudonymMemo(UnaryOperator<String> pseudonym) {
        this.pseudonym = pseudonym;
    }

    /** The pseudonym of {@code value}: remembered, or made and remembered. */
    public String of(String value) {
        int h = value.hashCode();
        int base = set(h) * WAYS;
        String[] e = entries;
        for (int w = 0; w < WAYS; w++) {
            int i = base + w;
            String k = e[2 * i];
            if (k == null) {
                break; // ways fill from the first: none after an empty one
            }
            if (hashes[i] == h && k.equals(value)) {
                hits++;
                String v = e[2 * i + 1];
                if (w > 0) { // one way up: what is met often stays
                    e[2 * i] = e[2 * i - 2];
                    e[2 * i + 1] = e[2 * i - 1];
                    hashes[i] = hashes[i - 1];
                    e[2 * i - 2] = k;
                    e[2 * i - 1] = v;
                    hashes[i - 1] = h;
                }
                return v;
            }
        }
        misses++;
        String made = pseudonym.apply(value);
        int slot = base + WAYS - 1;
        for (int w = 0; w < WAYS - 1; w++) {
            if (e[2 * (base + w)] == null) {
                slot = base + w;
                break;
            }
        }
        e[2 * slot] = value;
        e[2 * slot + 1] = made;
        hashes[slot] = h;
        return made;
    }

    /** Values answered from memory so far. */
    public long hits() {
        return hits;
    }

    /** Values whose pseudonym was made so far. */
    public long misses() {
        return misses;
    }

    /** A hash's set: the top bits of its product with 2^32 / phi, which depend on all of its bits. */
    private static int set(int h) {
        return (h * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(SETS));
    }

    @Override
    public String toString() {
        return "PseudonymMemo[" + hits + " hits, " + misses + " misses]"; // never values
    }
}
