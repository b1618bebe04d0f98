package dev.doppel.mask.pseudo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed pseudo-random function with a 128-bit key and a 64-bit output,
 * built for short messages. It is the round function of {@link Pseudonymiser}'s Feistel network, where it costs about
 * a tenth of an HMAC-SHA256 (a round's message is two to four 64-bit words).
 *
 * <p>Written out here rather than taken from a library: the algorithm is a page long and the JDK has none. A test
 * checks it against the reference implementation's published vectors. {@link #hash(long[], int)} is the same function
 * as {@link #hash(byte[], int)} over the words' little-endian bytes, without packing them into bytes first.
 *
 * <p>Immutable and thread-safe. It holds key material and prints none of it.
 */
final class SipHash {
    /** Reads 8 bytes of a byte array as one little-endian long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Key bytes. */
    static final int KEY_BYTES = 16;

    /** Longs of the state {@link #absorb} fills. */
    private static final int STATE_WORDS = 4;

    private static final byte[] NO_BYTES = new byte[0];

    private final long k0;
    private final long k1;

    /** The function under the 16 bytes of {@code key} from {@code offset} (read little-endian, as the reference does). */
    SipHash(byte[] key, int offset) {
        if (key.length - offset < KEY_BYTES) {
            throw new IllegalArgumentException("SipHash needs a 16-byte key");
        }
        this.k0 = littleEndian(key, offset, 8);
        this.k1 = littleEndian(key, offset + 8, 8);
    }

    /** SipHash-2-4 of {@code message[0..length)}. */
    long hash(byte[] message, int length) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int whole = length & ~7;
        for (int i = 0; i < whole; i += 8) {
            long m = (long) LONGS.get(message, i);
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long last = (long) length << 56 | littleEndian(message, whole, length - whole);
        return finish(v0, v1, v2, v3, last);
    }

    /**
     * SipHash-2-4 of the 8 * {@code count} little-endian bytes of {@code words[0..count)}: {@link #absorb} of the first
     * word, then {@link #hashAfter} over the rest (the empty message has no first word: it is the empty byte message).
     */
    long hash(long[] words, int count) {
        if (count == 0) {
            return hash(NO_BYTES, 0);
        }
        long[] state = new long[STATE_WORDS];
        absorb(words[0], state);
        return hashAfter(state, words, count);
    }

    /**
     * The state after the first word of a message, {@code first}, into {@code state[0..4)}: F's messages in one value's
     * Feistel rounds all start with the value's tweak, so its compression is done once per value instead of once per
     * round ({@link #hashAfter}).
     */
    void absorb(long first, long[] state) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L ^ first;
        for (int r = 0; r < 2; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        state[0] = v0 ^ first;
        state[1] = v1;
        state[2] = v2;
        state[3] = v3;
    }

    /**
     * The same as {@link #hash(long[], int) hash(words, count)} when {@code state} is what {@link #absorb} made of
     * {@code words[0]}: the words from index 1 are compressed from there.
     */
    long hashAfter(long[] state, long[] words, int count) {
        long v0 = state[0];
        long v1 = state[1];
        long v2 = state[2];
        long v3 = state[3];
        for (int i = 1; i < count; i++) {
            long m = words[i];
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        return finish(v0, v1, v2, v3, (long) (count << 3) << 56);
    }

    /** The last block (length byte and tail), then four finalisation rounds. */
    private static long finish(long v0, long v1, long v2, long v3, long last) {
        v3 ^= last;
        for (int r = 0; r < 2; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= last;
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static long littleEndian(byte[] b, int at, int count) {
        long v = 0;
        for (int i = count - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xffL);
        }
        return v;
    }

    @Override
    public String toString() {
        return "SipHash[key hidden]";
    }
}
