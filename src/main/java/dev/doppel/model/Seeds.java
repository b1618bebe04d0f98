package dev.doppel.model;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from one root seed and a purpose ("fit", "batch", a column name), never from data
 * values, so the same root seed always gives the same streams whatever the thread count.
 */
public final class Seeds {
    private Seeds() {}

    /** A seed for (root, purpose, name). */
    public static long derive(long root, String purpose, String name) {
        return mix(root ^ fnv(purpose) * 31 ^ fnv(name));
    }

    /** A seed for (root, purpose, index): one per batch of rows. */
    public static long derive(long root, String purpose, long index) {
        return mix(mix(root ^ fnv(purpose)) + index * 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's finaliser: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
