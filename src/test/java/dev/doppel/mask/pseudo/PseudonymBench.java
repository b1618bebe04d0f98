package dev.doppel.mask.pseudo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens per second on one thread for a 15-character id and a 25-character e-mail address, the cost of one HMAC
 * with the JDK's {@code Mac} (re-absorbs the key pads each call) against {@link HmacSha256} (prepared pads, cloned),
 * which was the round function until version 2, and of one {@link SipHash}, the round function now. Not a test (no timing
 * asserts); run by hand after {@code mvn -o -B test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes dev.doppel.mask.pseudo.PseudonymBench [VALUES] [REPS]</pre>
 *
 * Prints CPU-time throughput per repetition; the last repetitions are the warm ones.
 */
public final class PseudonymBench {
    private PseudonymBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SplittableRandom rng = new SplittableRandom(1);
        byte[] keyBytes = new byte[32];
        rng.nextBytes(keyBytes);
        Pseudonymiser p = Pseudonymiser.of(PseudonymKey.ofBytes(keyBytes), "bench");
        String[] ids = new String[count];
        String[] mails = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = random(rng, "0123456789ABCDEFabcdef", 15);
            mails[i] = random(rng, "abcdefghijklmnopqrstuvwxyz", 8) + "." + random(rng, "abcdefghijklmnopqrstuvwxyz", 4)
                    + "@" + random(rng, "abcdefghijklmnopqrstuvwxyz", 7) + ".com";
        }
        for (int r = 0; r < reps; r++) {
            run("15-char id (token)", ids, p::token);
            run("25-char e-mail (emailToken)", mails, p::emailToken);
            macs(keyBytes, count * 5);
            sipHashes(count * 5);
        }
    }

    /** One HMAC of a 40-byte message (a round's input for a 15-char id): the JDK's Mac against prepared pads. */
    private static void macs(byte[] key, int count) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] message = new byte[40];
        byte[] out = new byte[32];
        try {
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key, "HmacSHA256"));
            long start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                message[0] = (byte) i;
                jdk.update(message);
                jdk.doFinal(out, 0);
            }
            double jdkNs = (mx.getCurrentThreadCpuTime() - start) / (double) count;
            HmacSha256 ours = HmacSha256.of(key);
            start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                message[0] = (byte) i;
                MessageDigest md = ours.start();
                md.update(message);
                ours.finish(md, out);
            }
            double oursNs = (mx.getCurrentThreadCpuTime() - start) / (double) count;
            System.out.printf(Locale.ROOT, "%-28s %6.0f ns JDK Mac, %6.0f ns prepared pads + clone%n", "one HMAC", jdkNs,
                    oursNs);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One SipHash-2-4 of a round's message (four 64-bit words), the PRF the rounds use now. */
    private static void sipHashes(int count) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] key = new byte[16];
        new SplittableRandom(2).nextBytes(key);
        SipHash f = new SipHash(key, 0);
        long[] words = new long[4];
        long sink = 0;
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            words[1] = i;
            sink += f.hash(words, 4);
        }
        double ns = (mx.getCurrentThreadCpuTime() - start) / (double) count;
        System.out.printf(Locale.ROOT, "%-28s %6.0f ns SipHash-2-4 of 4 words (sink %d)%n", "one round PRF", ns,
                sink & 1);
    }

    private static void run(String label, String[] values, UnaryOperator<String> f) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        int sink = 0;
        for (String v : values) {
            sink += f.apply(v).charAt(0);
        }
        double seconds = (mx.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT, "%-28s %,10.0f tokens/s (%d values, sink %d)%n", label, values.length / seconds,
                values.length, sink);
    }

    private static String random(SplittableRandom rng, String alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(rng.nextInt(alphabet.length()));
        }
        return new String(c);
    }
}
