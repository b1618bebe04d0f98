package dev.doppel.mask.pseudo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keyed, deterministic, format-preserving pseudonyms: {@link #token(String)} maps a value to another of the same length
 * and shape, the same way in every file and every run with the same key and domain, so joins on the pseudonymised
 * column still work. Without the key nothing can be mapped back; with it {@link #reverse(String)} can.
 *
 * <p><b>Shape.</b> Each character keeps its {@linkplain CharClass class}: a digit stays a digit, an ASCII upper-case
 * letter an upper-case letter, and likewise for ASCII lower case, the accented letters of Latin-1 (upper, lower),
 * basic Greek and basic Russian Cyrillic (upper, lower). Every other character (punctuation, space, {@code @}, {@code
 * -}, other scripts, characters beyond the Basic Multilingual Plane) is kept in place: letters of other scripts are
 * therefore not hidden, a limitation to remember for non-European names. One exception keeps hexadecimal ids
 * hexadecimal: a value whose class characters are all digits and letters {@code a-f} (or all digits and {@code A-F}),
 * with at least one of each, is a <em>hex value</em>; every class position then ranges over the 16 hex digits (same
 * case), and the token is again a hex value with at least one digit and one letter. A value such as {@code "cafe1"}
 * therefore maps to hex, while {@code "cafe"} (no digit) and {@code "1234"} (no letter) keep their classes.
 *
 * <p><b>Keys.</b> The user's key (at least 128 bits) is stretched once per domain: HMAC-SHA256(key, "doppel
 * pseudonymise v2", 0, domain) gives 32 bytes, the first 16 of them the tweak key and the last 16 the round key, both
 * for SipHash-2-4 ({@link SipHash}), a pseudo-random function with a 128-bit key and a 64-bit output.
 *
 * <p><b>Construction.</b> The class positions form a mixed-radix number string; it is split into halves L (first
 * {@code k/2} positions) and R, and each half is cut into <em>limbs</em>: runs of consecutive positions whose radix
 * product M (the limb's modulus) is at most 2<sup>48</sup> (8 hex digits, 10 letters, 14 digits: one limb per half for
 * nearly every value), each holding its positions' mixed-radix number in [0, M). The value's <em>tweak</em> T is
 * SipHash under the tweak key of (variant, mode, class count, shape), the shape being the value with each class
 * position replaced by its class. {@value #ROUNDS} alternating Feistel rounds then add, limb by limb modulo its
 * modulus, a pseudo-random offset to one half computed from the other, as FF1 does: {@code L += F(r, R)} on even
 * rounds, {@code R += F(r, L)} on odd ones. For limb c of the destination half, F is SipHash under the round key of
 * the words (T, r + 2<sup>32</sup>c, the source half's limbs), and the offset is the high word of y * M for its 64-bit
 * output y: uniform in [0, M) up to a bias below 2<sup>-16</sup>, with no division. A round is undone by subtracting
 * the same offsets, so the whole map is a bijection on the set of values of one shape: two real values can never
 * share a token, whatever the domain size (three-digit ids included). Values of one class position are permuted by a
 * keyed Fisher-Yates shuffle of the class alphabet (its draws taken as mixed-radix digits of SipHash outputs for
 * "round" {@value #ROUNDS}), since a Feistel network needs two halves. The hex rule is kept by cycle walking: a
 * class-shaped result that happens to be a hex value, or a hex result that is all digits or all letters, is encrypted
 * again until it falls back into the input's own set; that stays a bijection and takes under two passes on average
 * for every shape.
 *
 * <p><b>Rounds.</b> Ten, as NIST SP 800-38G's FF1 uses for the same alternating, modular-addition Feistel network over
 * numeral strings (FF1 takes AES as F; SipHash is the faster PRF in plain Java, where the JDK's AES costs a cipher call
 * per block). Four rounds suffice for Luby-Rackoff security only when each half has a large domain; ids of a few
 * digits have halves of 10 to 1000 values, where more rounds are what keeps known-pair attacks (Patarin;
 * Bellare-Hoang-Tessaro) from recovering the permutation. A 15-character id costs eleven SipHash calls, about 0.6
 * microseconds on the development machine (see {@code PseudonymBench}); version 1 of this scheme used HMAC-SHA256 as F
 * and cost 2.5 microseconds. The round count, the PRF and the key label are part of the output: changing any of them
 * changes every pseudonym.
 *
 * <p><b>Threads.</b> Immutable and thread-safe: the keys are read-only and each thread gets its own scratch arrays (a
 * {@link ThreadLocal}), so tokens are the same whatever the thread count. {@link #toString()} shows the domain and the key's fingerprint.
 */
public final class Pseudonymiser {
    /** Feistel rounds; see the class comment for why ten. */
    static final int ROUNDS = 10;

    private static final byte PLAIN = 0;
    private static final byte EMAIL_LOCAL = 1;
    private static final byte EMAIL_DOMAIN = 2;
    private static final byte MODE_CLASS = 0;
    private static final byte MODE_HEX_LOWER = 1;
    private static final byte MODE_HEX_UPPER = 2;
    private static final int HEADER = 10;

    private static final int LIMB_BITS = 48;
    /**
     * Largest modulus of a limb, the most values one SipHash output is spread over (bias below 2<sup>-16</sup>). Radices
     * are at most 32, so a modulus at the limit times a radix still fits a long: the limit checks need no division.
     */
    private static final long LIMB_LIMIT = 1L << LIMB_BITS;

    private final String domain;
    private final String keyId;
    /** F's key for the per-value tweak. */
    private final SipHash tweaks;
    /** F's key for the rounds. */
    private final SipHash rounds;
    private final ThreadLocal<Engine> engines = ThreadLocal.withInitial(Engine::new);

    private Pseudonymiser(String domain, String keyId, SipHash tweaks, SipHash rounds) {
        this.domain = domain;
        this.keyId = keyId;
        this.tweaks = tweaks;
        this.rounds = rounds;
    }

    /**
     * A pseudonymiser for one domain under {@code key}. The domain is a non-secret label such as {@code "customer_id"}:
     * columns that must join share a domain; different domains give unrelated tokens for the same value.
     */
    public static Pseudonymiser of(PseudonymKey key, String domain) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(domain, "domain");
        byte[] label = ("doppel pseudonymise v2\u0000" + domain).getBytes(StandardCharsets.UTF_8);
        byte[] domainKey = HmacSha256.of(key.bytes()).mac(label); // 32 bytes: two independent 128-bit SipHash keys
        Pseudonymiser p = new Pseudonymiser(domain, key.id(), new SipHash(domainKey, 0),
                new SipHash(domainKey, SipHash.KEY_BYTES));
        Arrays.fill(domainKey, (byte) 0);
        return p;
    }

    /** The domain label given to {@link #of}. */
    public String domain() {
        return domain;
    }

    /** The {@linkplain PseudonymKey#id() fingerprint} of the key, safe to record. */
    public String keyId() {
        return keyId;
    }

    /**
     * The pseudonym of {@code value}: same length, each character in its class or kept (see the class comment). The
     * empty string and values without class characters map to themselves. Never null.
     */
    public String token(String value) {
        return transform(value, PLAIN, true);
    }

    /** The value whose {@link #token} is {@code token}: the inverse bijection, possible only with the key. */
    public String reverse(String token) {
        return transform(token, PLAIN, false);
    }

    /**
     * The pseudonym of an e-mail address that stays a valid address: the local part (before the last {@code @}) and
     * the domain without its last label are tokenised separately, the top-level domain (last label, e.g. {@code .com})
     * is kept. So all addresses at one domain share a pseudonymous domain, which keeps provider frequencies: normalise
     * the case first if {@code Gmail.com} and {@code gmail.com} should agree. A value without an inner {@code @} is
     * treated as by {@link #token}. Tokens from this method and from {@link #token} are unrelated.
     */
    public String emailToken(String value) {
        return email(value, true);
    }

    /** The inverse of {@link #emailToken}. */
    public String reverseEmail(String token) {
        return email(token, false);
    }

    private String email(String value, boolean forward) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return transform(value, PLAIN, forward);
        }
        String host = value.substring(at + 1);
        int dot = host.lastIndexOf('.');
        String head = dot > 0 ? host.substring(0, dot) : host;
        String tld = dot > 0 ? host.substring(dot) : "";
        return transform(value.substring(0, at), EMAIL_LOCAL, forward) + '@' + transform(head, EMAIL_DOMAIN, forward)
                + tld;
    }

    private String transform(String value, byte variant, boolean forward) {
        Objects.requireNonNull(value, "value");
        int n = value.length();
        Engine e = engines.get();
        e.ensure(n);
        int k = 0;
        int digitCount = 0;
        int lowerCount = 0;
        int upperCount = 0;
        int lowerHex = 0;
        int upperHex = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            CharClass cls = CharClass.of(c);
            if (cls == null) {
                continue;
            }
            e.pos[k] = i;
            e.classes[k] = cls;
            k++;
            if (cls == CharClass.DIGIT) {
                digitCount++;
            } else if (cls == CharClass.LOWER) {
                lowerCount++;
                lowerHex += c <= 'f' ? 1 : 0;
            } else if (cls == CharClass.UPPER) {
                upperCount++;
                upperHex += c <= 'F' ? 1 : 0;
            }
        }
        if (k == 0) {
            return value;
        }
        int letters = k - digitCount;
        boolean hexPossible = digitCount > 0 && letters > 0 && (lowerCount == letters || upperCount == letters);
        byte mode = MODE_CLASS;
        if (hexPossible && lowerHex == letters) {
            mode = MODE_HEX_LOWER;
        } else if (hexPossible && upperHex == letters) {
            mode = MODE_HEX_UPPER;
        }
        boolean hex = mode != MODE_CLASS;
        for (int j = 0; j < k; j++) {
            char c = value.charAt(e.pos[j]);
            if (hex) {
                e.radix[j] = 16;
                e.digits[j] = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            } else {
                e.radix[j] = e.classes[j].radix();
                e.digits[j] = CharClass.indexOf(c);
            }
        }
        long tweak = tweak(e, value, variant, mode, k);
        if (k == 1) {
            shuffle(e, tweak, forward);
        } else {
            boolean walk = hex || hexPossible;
            do {
                feistel(e, tweak, k, forward);
            } while (walk && outsideOwnSet(e, k, hex));
        }
        char[] out = value.toCharArray();
        for (int j = 0; j < k; j++) {
            int d = e.digits[j];
            if (hex) {
                out[e.pos[j]] = (char) (d < 10 ? '0' + d : (mode == MODE_HEX_LOWER ? 'a' : 'A') + d - 10);
            } else {
                out[e.pos[j]] = e.classes[j].charAt(d);
            }
        }
        return new String(out);
    }

    /**
     * The value's tweak: SipHash of (variant, mode, class count, shape) under the tweak key, the part of F's input
     * shared by all rounds, so that values of different shapes or variants go through unrelated permutations.
     */
    private long tweak(Engine e, String value, byte variant, byte mode, int k) {
        int len = HEADER;
        byte[] m = e.message;
        for (int i = 0, j = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (j < k && e.pos[j] == i) {
                m[len++] = (byte) (0x80 | (mode == MODE_CLASS ? e.classes[j].ordinal() : 0x7f));
                j++;
            } else if (c < 0x80) {
                m[len++] = (byte) c;
            } else {
                m[len++] = (byte) 0xff;
                m[len++] = (byte) (c >>> 8);
                m[len++] = (byte) c;
            }
        }
        m[0] = variant;
        m[1] = mode;
        putInt(m, 2, k);
        putInt(m, 6, len - HEADER);
        return tweaks.hash(m, len);
    }

    /**
     * One pass of the Feistel network over digits[0..k), forwards or backwards: the halves are read into limbs, the
     * rounds run on the limbs, and the limbs are written back into digits.
     */
    private void feistel(Engine e, long tweak, int k, boolean forward) {
        int half = k / 2;
        int leftLimbs = toLimbs(e, 0, half, 0);
        int limbs = leftLimbs + toLimbs(e, half, k, leftLimbs);
        long[] limb = e.limbs;
        long[] modulus = e.moduli;
        long[] w = e.words;
        w[0] = tweak;
        rounds.absorb(tweak, e.prefix);
        for (int s = 0; s < ROUNDS; s++) {
            int round = forward ? s : ROUNDS - 1 - s;
            boolean left = (round & 1) == 0;
            int dst = left ? 0 : leftLimbs;
            int dstEnd = left ? leftLimbs : limbs;
            int src = left ? leftLimbs : 0;
            int srcEnd = left ? limbs : leftLimbs;
            int words = 2 + srcEnd - src;
            System.arraycopy(limb, src, w, 2, srcEnd - src);
            for (int c = dst; c < dstEnd; c++) {
                w[1] = (long) (c - dst) << 32 | round;
                long m = modulus[c];
                long offset = uniform(rounds.hashAfter(e.prefix, w, words), m);
                long v = forward ? limb[c] + offset - m : limb[c] - offset;
                limb[c] = v + (v >> 63 & m); // back into [0, m) without a branch
            }
        }
        fromLimbs(e, limbs);
    }

    /**
     * Reads digits[from..to) into limbs from index {@code first}: consecutive positions, each limb as many as keep its
     * modulus (the product of their radices) at most 2<sup>{@value #LIMB_BITS}</sup>, holding their mixed-radix number.
     * Which positions share a limb depends only on the radices, which the tweak fixes. Returns the number of limbs.
     */
    private static int toLimbs(Engine e, int from, int to, int first) {
        int n = first;
        int j = from;
        while (j < to) {
            long value = 0;
            long modulus = 1;
            e.limbStart[n] = j;
            do {
                int radix = e.radix[j];
                value = value * radix + e.digits[j];
                modulus *= radix;
                j++;
            } while (j < to && modulus * e.radix[j] <= LIMB_LIMIT);
            e.limbs[n] = value;
            e.moduli[n] = modulus;
            n++;
        }
        e.limbStart[n] = to;
        return n - first;
    }

    /** Writes limbs[0..count) back into their digits. */
    private static void fromLimbs(Engine e, int count) {
        for (int n = 0; n < count; n++) {
            long value = e.limbs[n];
            int start = e.limbStart[n];
            int end = e.limbStart[n + 1];
            for (int j = end - 1; j >= start; j--) {
                int radix = e.radix[j];
                long q = quotient(value, radix);
                e.digits[j] = (int) (value - q * radix);
                value = q;
            }
        }
    }

    /**
     * {@code value / radix} for a value of at least 0. The common radices are divided by as constants, which the
     * compiler turns into a multiplication; a 64-bit division by a variable takes tens of cycles, once per character.
     */
    private static long quotient(long value, int radix) {
        return switch (radix) {
            case 10 -> value / 10;
            case 16 -> value >>> 4;
            case 26 -> value / 26;
            case 32 -> value >>> 5;
            default -> value / radix;
        };
    }

    /** A value in [0, m) from 64 uniform bits: the high word of the unsigned 128-bit product y * m (no division). */
    private static long uniform(long y, long m) {
        return Math.multiplyHigh(y, m) + (y >> 63 & m);
    }

    /**
     * Fills offsets[0..count) with offsets[j] uniform in [0, radices[from + j]) for F's "round" {@code round}. The
     * positions are cut into chunks whose radix product M stays at most 2<sup>{@value #LIMB_BITS}</sup>; each chunk
     * takes one SipHash output y and reads its offsets as the mixed-radix digits of floor(y * M / 2<sup>64</sup>),
     * extracted by multiplying (no division). Bias below 2<sup>-16</sup>.
     */
    private void offsets(Engine e, int round, int[] radices, int from, int count, int words) {
        long[] w = e.words;
        rounds.absorb(w[0], e.prefix);
        for (int j = 0, chunk = 0; j < count; chunk++) {
            int end = j;
            long size = 1;
            while (end < count && size * radices[from + end] <= LIMB_LIMIT) {
                size *= radices[from + end];
                end++;
            }
            w[1] = (long) chunk << 32 | round;
            long y = rounds.hashAfter(e.prefix, w, words);
            for (; j < end; j++) {
                int radix = radices[from + j];
                e.offsets[j] = (int) uniform(y, radix); // the next digit; the low word y * radix keeps the rest
                y *= radix;
            }
        }
    }

    /** A keyed Fisher-Yates shuffle of the one class position's alphabet (F's "round" {@value #ROUNDS}). */
    private void shuffle(Engine e, long tweak, boolean forward) {
        int radix = e.radix[0];
        // draw i of the shuffle picks among i + 1 entries, for i = radix - 1 down to 1
        int[] bounds = new int[radix - 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = radix - i;
        }
        e.words[0] = tweak;
        offsets(e, ROUNDS, bounds, 0, bounds.length, 2);
        int[] perm = new int[radix];
        for (int i = 0; i < radix; i++) {
            perm[i] = i;
        }
        for (int i = radix - 1, draw = 0; i > 0; i--, draw++) {
            int j = e.offsets[draw];
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int d = e.digits[0];
        if (forward) {
            e.digits[0] = perm[d];
        } else {
            int i = 0;
            while (perm[i] != d) {
                i++;
            }
            e.digits[0] = i;
        }
    }

    /** True when a result left the input's set: a hex value (class mode) or all digits or all letters (hex mode). */
    private static boolean outsideOwnSet(Engine e, int k, boolean hex) {
        if (hex) {
            int small = 0;
            for (int j = 0; j < k; j++) {
                small += e.digits[j] < 10 ? 1 : 0;
            }
            return small == 0 || small == k;
        }
        for (int j = 0; j < k; j++) {
            if (e.classes[j] != CharClass.DIGIT && e.digits[j] >= 6) {
                return false;
            }
        }
        return true;
    }

    private static void putInt(byte[] m, int at, int v) {
        m[at] = (byte) (v >>> 24);
        m[at + 1] = (byte) (v >>> 16);
        m[at + 2] = (byte) (v >>> 8);
        m[at + 3] = (byte) v;
    }

    /** Shows the domain and the key's fingerprint. */
    @Override
    public String toString() {
        return "Pseudonymiser[domain=" + domain + ", key=" + keyId + "]";
    }

    /** One thread's scratch arrays, grown to the longest value seen. */
    private static final class Engine {
        byte[] message = new byte[0];
        /** The round key's SipHash state after the value's tweak, the first word of every round's message. */
        final long[] prefix = new long[4];
        long[] words = new long[0];
        long[] limbs = new long[0];
        long[] moduli = new long[0];
        int[] limbStart = new int[0];
        int[] pos = new int[0];
        int[] digits = new int[0];
        int[] radix = new int[0];
        int[] offsets = new int[0];
        CharClass[] classes = new CharClass[0];

        Engine() {
            ensure(64);
        }

        void ensure(int n) {
            if (pos.length >= n) {
                return;
            }
            int size = Math.max(n, 2 * pos.length);
            message = new byte[HEADER + 3 * size];
            words = new long[size + 2];
            limbs = new long[size + 1];
            moduli = new long[size + 1];
            limbStart = new int[size + 2];
            pos = new int[size];
            digits = new int[size];
            radix = new int[size];
            offsets = new int[size + 1];
            classes = new CharClass[size];
        }
    }
}
