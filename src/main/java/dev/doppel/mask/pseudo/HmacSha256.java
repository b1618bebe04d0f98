package dev.doppel.mask.pseudo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) with the key's inner and outer pad blocks absorbed once, so a short message costs two SHA-256
 * compressions instead of four. {@code javax.crypto.Mac} re-absorbs the pad on every call; a test checks that the two
 * give the same bytes.
 *
 * <p>Not thread-safe: {@link #start()} and {@link #finish} clone the prepared digests, which only reads them, but each
 * thread should still hold its own {@link #copy()}. The object holds key-derived state and prints none of it.
 */
final class HmacSha256 {
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;

    private HmacSha256(MessageDigest inner, MessageDigest outer) {
        this.inner = inner;
        this.outer = outer;
    }

    /** Prepares HMAC-SHA256 under {@code key} (any length; a key longer than 64 bytes is hashed first). */
    static HmacSha256 of(byte[] key) {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        MessageDigest inner = sha256();
        inner.update(ipad);
        MessageDigest outer = sha256();
        outer.update(opad);
        java.util.Arrays.fill(ipad, (byte) 0);
        java.util.Arrays.fill(opad, (byte) 0);
        return new HmacSha256(inner, outer);
    }

    /** An independent copy for another thread. */
    synchronized HmacSha256 copy() {
        return new HmacSha256(clone(inner), clone(outer));
    }

    /** A digest with the inner pad absorbed: feed it the message, then pass it to {@link #finish}. */
    MessageDigest start() {
        return clone(inner);
    }

    /** Completes the MAC of the message fed to {@code started} and writes its 32 bytes to {@code out[0..32)}. */
    void finish(MessageDigest started, byte[] out) {
        try {
            started.digest(out, 0, LENGTH);
            MessageDigest o = clone(outer);
            o.update(out, 0, LENGTH);
            o.digest(out, 0, LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 digest failed", e);
        }
    }

    /** The MAC of {@code message}, a new array. */
    byte[] mac(byte[] message) {
        MessageDigest md = start();
        md.update(message);
        byte[] out = new byte[LENGTH];
        finish(md, out);
        return out;
    }

    static MessageDigest clone(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[key hidden]";
    }
}
