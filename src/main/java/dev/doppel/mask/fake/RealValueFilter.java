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
    /** Bits per value for a 0.1% false-positive rate: -ln(0.001) / ln(2)^2. */
    private static final double BITS_PER_VALUE = 14.38;
    /** 64 MB of bits. */
    private static final long MAX_BITS = 1L << 29;
    private static final long MIN_BITS = 1L << 10;

    private final long[] words;
    private final long mask;
    private final int hashes;

    private RealValueFilter(long bits, int hashes) {
        this.words = new long[(int) (bits >>> 6)];
        this.mask = bits - 1;
        this.hashes = hashes;
    }

    /**
     * A filter for up to {@code expectedValues} values at about 0.1% false positives: the bit count is rounded up to
     * a power of two (at least 1 Kibit, at most 64 MB) and the hash count is chosen for that size.
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
        double perValue = bits / (double) Math.max(1, expectedValues);
        int hashes = (int) Math.max(1, Math.min(16, Math.round(perValue * Math.log(2))));
        return new RealValueFilter(bits, hashes);
    }

    /** Records a real value. Not thread-safe: add from one thread. */
    public void add(String value) {
        Objects.requireNonNull(value, "value");
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /** False when the value was certainly never added; true when it was, or (rarely) by chance. */
    public boolean mightContain(String value) {
        Objects.requireNonNull(value, "value");
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < hashes; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The memory the bits take, fixed at construction. */
    public long memoryBytes() {
        return (long) words.length * Long.BYTES;
    }

    /** How many bit positions each value sets. */
    public int hashCount() {
        return hashes;
    }

    @Override
    public String toString() {
        return "RealValueFilter[" + memoryBytes() + " bytes, " + hashes + " hashes]";
    }

    /** A seeded 64-bit hash of the string's UTF-16 units, two at a time, with a final avalanche. */
    private static long hash(String s, long seed) {
        long h = seed ^ (s.length() * 0xFF51AFD7ED558CCDL);
        int n = s.length();
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long k = ((long) s.charAt(i) << 16 | s.charAt(i + 1)) * 0x87C37B91114253D5L;
            h = Long.rotateLeft(h ^ Long.rotateLeft(k, 31) * 0x4CF5AD432745937FL, 27) * 5 + 0x52DCE729;
        }
        if (i < n) {
            h ^= Long.rotateLeft(s.charAt(i) * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
        }
        return mix(h ^ n);
    }

    /** The 64-bit finaliser of MurmurHash3 (public-domain constants). */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
