package dev.doppel.mask.generalise;

import java.util.Locale;

/**
 * How long pass 1, {@link KAnonymity#solve} and pass 2 take on adult.csv (age, sex, race, native-country). Not a test
 * (no timing asserts). Run after {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test} with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.doppel.mask.generalise.KAnonymityBench}.
 */
public final class KAnonymityBench {
    private KAnonymityBench() {}

    public static void main(String[] args) {
        String[][] columns = AdultQis.load();
        for (int round = 0; round < 5; round++) {
            for (int k : new int[] {5, 10}) {
                long t0 = System.nanoTime();
                KAnonymity counter = KAnonymity.counter(AdultQis.hierarchies());
                counter.addColumns(columns);
                long t1 = System.nanoTime();
                KAnonymityPlan plan = counter.solve(k, 0.01);
                long t2 = System.nanoTime();
                String[][] out = plan.applyColumns(columns);
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d k=%d: count %.1f ms, solve %.1f ms, apply %.1f ms (%d distinct, %d rows out)%n",
                        round, k, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, counter.distinct(), out[0].length);
            }
        }
    }
}
