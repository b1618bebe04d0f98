package dev.doppel.generate;

import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.Seeds;
import dev.doppel.model.TextShape;
import java.util.List;

/**
 * Fresh identifiers, one per row index and never the same twice: digit-only ids count up from the model's start;
 * other ids are the row index passed through a keyed permutation (a Feistel network with cycle walking) of all
 * strings of the id's shape, written in mixed radix. Unique by construction, deterministic per (seed, row index).
 */
final class IdentifierSequence {
    private final long start;
    private final int width;
    private final String[] alphabets; // per position
    private final long space; // strings covered by the permutation (the trailing positions)
    private final int permutedFrom; // first position covered by the permutation
    private final int halfBits;
    private final long[] keys;
    private long[] taken = new long[0]; // sorted permutation indices of real ids, skipped when counting rows

    IdentifierSequence(IdentifierColumn column, long seed) {
        this.start = column.start();
        this.width = column.width();
        TextShape shape = column.shape();
        if (shape == null) {
            alphabets = null;
            space = 0;
            permutedFrom = 0;
            halfBits = 0;
            keys = null;
            return;
        }
        int length = shape.lengths().get(0);
        List<String> positions = shape.positions();
        alphabets = new String[length];
        for (int i = 0; i < length; i++) {
            alphabets[i] = positions.get(i);
        }
        long product = 1;
        int from = length;
        while (from > 0 && product <= (1L << 62) / alphabets[from - 1].length()) {
            product *= alphabets[from - 1].length();
            from--;
        }
        space = product;
        permutedFrom = from;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, space - 1));
        halfBits = Math.max(1, (bits + 1) / 2);
        keys = new long[4];
        for (int r = 0; r < keys.length; r++) {
            keys[r] = Seeds.derive(seed, "identifier-key-" + r, column.name());
        }
    }

    /**
     * Makes sure no id equals one of {@code realIds} (known only when the real data is at hand): each real id of this
     * shape is traced back through the permutation to the index that would produce it, and rows then count only the
     * indices that are not taken. Ids stay unique and deterministic, and never equal a real one while the shape has room
     * for the rows. Digit-only ids start above every real id already; very long ids (a random prefix before the
     * permuted part) are checked one by one instead.
     */
    void avoid(java.util.Set<String> realIds) {
        if (alphabets == null || realIds.isEmpty() || permutedFrom > 0) {
            return;
        }
        long[] found = new long[realIds.size()];
        int count = 0;
        for (String id : realIds) {
            long v = decode(id);
            if (v >= 0) {
                found[count++] = unpermute(v);
            }
        }
        taken = java.util.Arrays.stream(found, 0, count).sorted().distinct().toArray();
    }

    /** How many distinct ids this sequence can give (after skipping real ones); Long.MAX_VALUE when unbounded. */
    long capacity() {
        if (alphabets == null || permutedFrom > 0) {
            return Long.MAX_VALUE;
        }
        return space - taken.length;
    }

    /** The id of row {@code row}, never one of {@code avoid}; see {@link #avoid}. */
    String idAvoiding(long row, java.util.function.LongSupplier random, java.util.Set<String> avoid, long totalRows) {
        if (taken.length > 0) {
            return idFor(freeIndex(row), random);
        }
        String id = idFor(row, random);
        for (long k = 1; !avoid.isEmpty() && avoid.contains(id) && k < 64; k++) {
            id = idFor(row + k * Math.max(1, totalRows), random); // indices no other row uses
        }
        return id;
    }

    /** The row-th (from 0) index that is not taken: the least fixpoint of x = row + |taken <= x|. */
    private long freeIndex(long row) {
        long x = row;
        while (true) {
            long next = row + countAtMost(x);
            if (next == x) {
                return x;
            }
            x = next;
        }
    }

    private long countAtMost(long x) {
        int lo = 0;
        int hi = taken.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (taken[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The mixed-radix value of an id of this shape, or -1 when it does not fit the shape. */
    private long decode(String id) {
        if (id.length() != alphabets.length) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < alphabets.length; i++) {
            int digit = alphabets[i].indexOf(id.charAt(i));
            if (digit < 0) {
                return -1;
            }
            v = v * alphabets[i].length() + digit;
        }
        return v;
    }

    /** The id of row {@code row}; {@code random} fills positions beyond the permuted ones (very long ids only). */
    String idFor(long row, java.util.function.LongSupplier random) {
        if (alphabets == null) {
            String digits = Long.toString(start + row);
            if (digits.length() >= width) {
                return digits;
            }
            return "0".repeat(width - digits.length()) + digits;
        }
        char[] out = new char[alphabets.length];
        for (int i = 0; i < permutedFrom; i++) {
            String a = alphabets[i];
            out[i] = a.charAt((int) Long.remainderUnsigned(random.getAsLong(), a.length()));
        }
        long v = permute(Long.remainderUnsigned(row, Math.max(1, space)));
        for (int i = alphabets.length - 1; i >= permutedFrom; i--) {
            String a = alphabets[i];
            out[i] = a.charAt((int) (v % a.length()));
            v /= a.length();
        }
        return new String(out);
    }

    /** The inverse of {@link #permute}: the Feistel rounds backwards, walking the cycle the other way. */
    private long unpermute(long y) {
        return walk(y, true);
    }

    /** A bijection of [0, space): Feistel on 2 * halfBits bits, walking the cycle until the value falls inside. */
    private long permute(long x) {
        return walk(x, false);
    }

    /**
     * The Feistel network, forwards or backwards, walked until the value falls inside [0, space). Backwards is the
     * same rounds over the swapped halves with the keys in reverse order, swapped back at the end: a round maps
     * (L, R) to (R, L ^ F(R ^ k)), and the same round applied to that result swapped, (L ^ F(R ^ k), R), gives
     * (R, L): the input, swapped.
     */
    private long walk(long start, boolean backwards) {
        if (space <= 1) {
            return 0;
        }
        long mask = (1L << halfBits) - 1;
        int last = keys.length - 1;
        long v = start;
        do {
            long left = backwards ? v & mask : v >>> halfBits;
            long right = backwards ? v >>> halfBits : v & mask;
            for (int r = 0; r <= last; r++) {
                long next = left ^ (Seeds.mix(right ^ keys[backwards ? last - r : r]) & mask);
                left = right;
                right = next;
            }
            v = backwards ? (right << halfBits) | left : (left << halfBits) | right;
        } while (v >= space);
        return v;
    }
}
