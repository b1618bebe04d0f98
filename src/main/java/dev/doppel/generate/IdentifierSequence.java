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

    /** A bijection of [0, space): Feistel on 2 * halfBits bits, walking the cycle until the value falls inside. */
    private long permute(long x) {
        if (space <= 1) {
            return 0;
        }
        long mask = (1L << halfBits) - 1;
        long v = x;
        do {
            long left = v >>> halfBits;
            long right = v & mask;
            for (long key : keys) {
                long next = left ^ (Seeds.mix(right ^ key) & mask);
                left = right;
                right = next;
            }
            v = (left << halfBits) | right;
        } while (v >= space);
        return v;
    }
}
