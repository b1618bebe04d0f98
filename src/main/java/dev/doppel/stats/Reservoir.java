package dev.doppel.stats;

import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} items from a stream of unknown length, in one pass and fixed
 * memory: reservoir sampling by Li's Algorithm L (1994). The caller keeps the items; this only says, item by item,
 * whether the item is kept and in which slot. After any number of offers, every item offered so far is in the
 * reservoir with the same probability {@code min(1, capacity / offered)}, and every subset of that size is equally
 * likely.
 *
 * <p>Algorithm L draws how many items to pass over before the next replacement instead of a random number per item,
 * so it costs about {@code capacity * (1 + log(offered / capacity))} random draws in all. The same seed and the same
 * number of offers always give the same slots, so a sample depends only on the seed and the input order.
 */
public final class Reservoir {
    private final int capacity;
    private final SplittableRandom random;
    private long offered;
    /** The 1-based offer number that is kept next, once the reservoir is full. */
    private long next;
    private double w;

    /**
     * @param capacity the most items kept, at least 1
     * @param seed seeds the draws
     */
    public Reservoir(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Offers the next item of the stream.
     *
     * @return the slot (0 to capacity - 1) the item goes into, replacing what was there, or -1 when it is passed over
     */
    public int offer() {
        offered++;
        if (offered <= capacity) {
            if (offered == capacity) {
                w = Math.exp(Math.log(uniform()) / capacity);
                next = offered + gap() + 1;
            }
            return (int) (offered - 1);
        }
        if (offered < next) {
            return -1;
        }
        int slot = random.nextInt(capacity);
        w *= Math.exp(Math.log(uniform()) / capacity);
        next = offered + gap() + 1;
        return slot;
    }

    /** Items offered so far. */
    public long offered() {
        return offered;
    }

    /** Items in the reservoir now: {@code min(offered, capacity)}. */
    public int size() {
        return (int) Math.min(offered, capacity);
    }

    public int capacity() {
        return capacity;
    }

    /** How many items to pass over before the next one kept: geometric with success probability {@code w}. */
    private long gap() {
        double skip = Math.floor(Math.log(uniform()) / Math.log1p(-w));
        // w underflows to 0 only after astronomically many offers; cap so that offered + gap cannot overflow
        return skip >= 1L << 62 || Double.isNaN(skip) ? 1L << 62 : (long) skip;
    }

    /** A draw from the open interval (0, 1): the logarithms above need it above 0. */
    private double uniform() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }
}
