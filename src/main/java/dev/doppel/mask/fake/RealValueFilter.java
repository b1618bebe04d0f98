package dev.doppel.mask.fake;

import java.util.Objects;

/**
 * A Bloom filter of real values: "might this fake be a real value?" in constant memory. No false negatives: a value
 * that was added is always reported. False positives are about 0.1% up to the design capacity (more above it, or
 * when the 64 MB cap cuts the size: about 37 million values fit at 0.1%).
 *
 * <p>Built from one thread with {@link #add}, then read from many with {@link #mightContain} once published safely
 * (a final field, an executor hand-off or a thread start). The bit array is allocated once; adding never grows it.
 * The filter holds hashes of real values, so it must stay in memory: never write it to a model or report.
 * {@link #toString()} prints only its size.
 */
public final class RealValueFilter {
    /**
     * Bits per value: a blocked filter needs a few more bits than a plain one for the same false-positive rate; 16
     * bits and 8 probes in one 512-bit block give about 0.1% (measured in the tests).
     */
    private static final double BITS_PER_VALUE = 16;
    /** Bits set per value, all in one block. */
    private static final int PROBES = 7;
    /** 64 MB of bits. */
    private static final long MAX_BITS = 1L << 29;
    private static final long MIN_BITS = 1L << 10;
    /** Longs per block: 512 bits, one cache line, so a value costs one memory access. */
    private static final int BLOCK_LONGS = 8;

    /** Distinct values held as exact 64-bit hashes (an open-addressing table) before the filter switches to bits. */
    static final int EXACT_LIMIT = 1 << 16;

    private final long bits;
    private long[] words; // null while the values are held as hashes
    private int blockMask;
    private long[] exact = new long[1 << 10]; // 64-bit hashes, 0 = free slot; null once switched to bits
    private int exactSize;
    /**
     * In front of {@link #exact}: a small bitmap (4 bits per slot, so 8 to 16 per value) with two bits set per held
     * hash, within one word. A probe that finds a bit clear answers "never added" without touching the table, which is
     * 8 to 16 times larger and mostly out of cache; most probes are fakes that are not real values. It only skips work:
     * the answers are those of the table alone.
     */
    private long[] front = new long[(1 << 10) * 4 / 64];

    private RealValueFilter(long bits) {
        this.bits = bits;
    }

    private void switchToBits() {
        words = new long[(int) (bits >>> 6)];
        blockMask = words.length / BLOCK_LONGS - 1;
        long[] held = exact;
        exact = null;
        front = null;
        for (long h : held) {
            if (h != 0) {
                set(h);
            }
        }
    }

    /**
     * A value's 64-bit hash, never 0, as {@link #add} and {@link #mightContain} use it: computing it is most of the
     * cost of adding, so pass 1 computes it on worker threads and {@link #addHash adds} the hashes on one.
     */
    public static long hashOf(String value) {
        return key(Objects.requireNonNull(value, "value"));
    }

    /** A value's 64-bit hash, never 0 (0 marks a free slot). */
    private static long key(String value) {
        long h = hash(value, 0x9E3779B97F4A7C15L);
        return h == 0 ? 1 : h;
    }

    private boolean exactContains(long h) {
        long bits = frontBits(h);
        if ((front[frontWord(h)] & bits) != bits) {
            return false;
        }
        int mask = exact.length - 1;
        for (int i = (int) mix(h) & mask; ; i = (i + 1) & mask) {
            long slot = exact[i];
            if (slot == h) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    private void exactAdd(long h) {
        if (exactContains(h)) {
            return;
        }
        if (2 * (exactSize + 1) > exact.length) {
            long[] old = exact;
            exact = new long[old.length * 2];
            front = new long[exact.length * 4 / 64];
            exactSize = 0;
            for (long x : old) {
                if (x != 0) {
                    insert(x);
                }
            }
        }
        insert(h);
    }

    private void insert(long h) {
        int mask = exact.length - 1;
        int i = (int) mix(h) & mask;
        while (exact[i] != 0) {
            i = (i + 1) & mask;
        }
        exact[i] = h;
        exactSize++;
        front[frontWord(h)] |= frontBits(h);
    }

    /** The word of {@link #front} a hash's bits go in (from bits of the hash the table's slot does not use). */
    private int frontWord(long h) {
        return (int) (h >>> 20) & (front.length - 1);
    }

    /** The two bits a hash sets in its {@link #front} word. */
    private static long frontBits(long h) {
        return 1L << (h & 63) | 1L << (h >>> 6 & 63);
    }

    /**
     * A filter for up to {@code expectedValues} values at about 0.1% false positives: the bit count is rounded up to
     * a power of two (at least 1 Kibit, at most 64 MB). A blocked Bloom filter: each value sets {@value #PROBES} bits
     * within one 512-bit block, so adding or probing costs one cache line.
     *
     * @throws IllegalArgumentException when {@code expectedValues} is negative
     */
    public static RealValueFilter withCapacity(long expectedValues) {
        if (expectedValues < 0) {
            throw new IllegalArgumentException("expected values must be 0 or more, got " + expectedValues);
        }
        double wanted = Math.max(1, expectedValues) * BITS_PER_VALUE;
        long bits = MIN_BITS;
        while (bits < wanted && bits < MAX_BITS) {
            bits <<= 1;
        }
        return new RealValueFilter(bits);
    }

    /**
     * Records a real value. Not thread-safe: add from one thread. The first {@value #EXACT_LIMIT} distinct values are
     * held as 64-bit hashes (a column that repeats its values, like names, stays small and in cache, with almost no
     * false positives); beyond them the filter switches to its bits.
     */
    public void add(String value) {
        addHash(hashOf(value));
    }

    /** Records a real value by its {@link #hashOf hash}: the same as {@link #add} of the value. Not thread-safe. */
    public void addHash(long h) {
        if (h == 0) {
            throw new IllegalArgumentException("not a value's hash");
        }
        if (exact != null) {
            exactAdd(h);
            if (exactSize > EXACT_LIMIT) {
                switchToBits();
            }
            return;
        }
        set(h);
    }

    private void set(long h) {
        int base = (int) (h >>> 40 & blockMask) * BLOCK_LONGS;
        long g = mix(h);
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (g >>> (i * 9)) & 511;
            words[base + (bit >>> 6)] |= 1L << bit;
        }
    }

    /** False when the value was certainly never added; true when it was, or (rarely) by chance. */
    public boolean mightContain(String value) {
        Objects.requireNonNull(value, "value");
        long h = key(value);
        if (exact != null) {
            return exactContains(h);
        }
        int base = (int) (h >>> 40 & blockMask) * BLOCK_LONGS;
        long g = mix(h);
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (g >>> (i * 9)) & 511;
            if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The memory the bits take once the filter holds more than {@value #EXACT_LIMIT} values; fixed at construction. */
    public long memoryBytes() {
        return bits / 8;
    }

    /** How many bit positions each value sets. */
    public int hashCount() {
        return PROBES;
    }

    @Override
    public String toString() {
        return "RealValueFilter[" + memoryBytes() + " bytes, " + PROBES + " probes per block]";
    }

    /**
     * A 64-bit hash from the string's own {@link String#hashCode()} (computed once per string and cached by it) and its
     * length, spread by a finaliser. Two values with equal hash codes share their bits, which only adds to the false
     * positives (about one in 4 billion per real value).
     */
    private static long hash(String s, long seed) {
        return mix(seed ^ ((long) s.length() << 32 | (s.hashCode() & 0xFFFFFFFFL)));
    }

    /** The 64-bit finaliser of MurmurHash3 (public-domain constants). */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
