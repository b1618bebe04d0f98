package dev.doppel.mask.generalise;

import java.util.Arrays;

/**
 * Quasi-identifier tuples, each with a value ({@link KAnonymityPlan}'s generalised tuple), for one look-up per row:
 * an open-addressing table in flat arrays. A probe reads one int (the tuple's hash), and only on a match compares the
 * tuple with a copy of the stored one's characters kept side by side in one array. A hash map walks from a node to a
 * key to its values and their characters for every probe, and with tens of thousands of tuples each of those is a
 * cache miss, once per masked row.
 *
 * <p>Filled on one thread, then read-only and thread-safe once published safely (a final field). Holds real values:
 * never written, and {@link #toString()} prints only the size.
 */
final class TupleMemo {
    /** A stored component's header: 0 for missing, else its length + 1 (so longer values are not stored). */
    private static final int MAX_LENGTH = Character.MAX_VALUE - 1;

    private final int[] hashes;
    /** Per slot: where the stored tuple starts in {@link #chars}, or -1 for a free slot. */
    private final int[] starts;
    private final String[][] values;
    private final int mask;
    /** The stored tuples, each component as a header char then its chars. */
    private char[] chars = new char[1024];
    private int used;
    private int size;

    /** A memo for up to {@code capacity} tuples. */
    TupleMemo(int capacity) {
        int slots = Integer.highestOneBit(Math.max(2, 2 * capacity) - 1) << 1;
        hashes = new int[slots];
        starts = new int[slots];
        Arrays.fill(starts, -1);
        values = new String[slots][];
        mask = slots - 1;
    }

    /**
     * Remembers {@code value} (not changed afterwards by anyone) for {@code key}; a key given twice keeps the last.
     * Returns false, remembering nothing, for a key with a value longer than 65,534 characters.
     */
    boolean put(String[] key, String[] value) {
        for (String v : key) {
            if (v != null && v.length() > MAX_LENGTH) {
                return false;
            }
        }
        int h = Arrays.hashCode(key);
        int slot = spread(h) & mask;
        while (starts[slot] >= 0) {
            if (hashes[slot] == h && sameAt(starts[slot], key)) {
                values[slot] = value;
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > starts.length) {
            throw new IllegalStateException("the memo is full");
        }
        hashes[slot] = h;
        starts[slot] = append(key);
        values[slot] = value;
        size++;
        return true;
    }

    /** The value remembered for a tuple equal to {@code tuple}, or null. */
    String[] get(String[] tuple) {
        int h = Arrays.hashCode(tuple);
        for (int slot = spread(h) & mask; starts[slot] >= 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && sameAt(starts[slot], tuple)) {
                return values[slot];
            }
        }
        return null;
    }

    /** Tuples remembered. */
    int size() {
        return size;
    }

    private int append(String[] key) {
        int need = key.length;
        for (String v : key) {
            need += v == null ? 0 : v.length();
        }
        if (used + need > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, used + need));
        }
        int start = used;
        for (String v : key) {
            if (v == null) {
                chars[used++] = 0;
            } else {
                chars[used++] = (char) (v.length() + 1);
                v.getChars(0, v.length(), chars, used);
                used += v.length();
            }
        }
        return start;
    }

    /** Whether the tuple stored from {@code start} equals {@code tuple}. */
    private boolean sameAt(int start, String[] tuple) {
        char[] stored = chars;
        int at = start;
        for (String v : tuple) {
            int header = stored[at++];
            if (v == null || header == 0) {
                if (v != null || header != 0) {
                    return false;
                }
                continue;
            }
            int n = v.length();
            if (header != n + 1) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (stored[at + i] != v.charAt(i)) {
                    return false;
                }
            }
            at += n;
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return "TupleMemo[" + size + " tuples]"; // never values
    }
}
