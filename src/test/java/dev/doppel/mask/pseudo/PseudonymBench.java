package dev.doppel.mask.pseudo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Tokens per second on one thread for a 15-character id and a 25-character e-mail address. Not a test (no timing
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
        }
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
