package dev.doppel.mask.fake;

import dev.doppel.privacy.PersonalData;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * Throughput of {@link Fakes#fake} per kind, single thread, after warm-up. Not a test (no timing asserts); run after
 * {@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} with
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" dev.doppel.mask.fake.FakesBench}. Prints values per second per kind, plus the filter's measured false-positive rate.
 */
public final class FakesBench {
    private static final int N = 2_000_000;

    private FakesBench() {}

    public static void main(String[] args) {
        for (String tag : List.of("en-US", "de-DE")) {
            long start = System.nanoTime();
            Fakes fakes = Fakes.of(Locale.forLanguageTag(tag));
            System.out.printf(Locale.ROOT, "%s: lists built in %d ms%n", tag, (System.nanoTime() - start) / 1_000_000);
            FakePerson[] people = new FakePerson[1024];
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < people.length; i++) {
                people[i] = fakes.person(rnd);
            }
            String phoneLayout = Fakes.layoutOf(PersonalData.PHONE, "(209)172-7124x3651");
            String mailLayout = Fakes.layoutOf(PersonalData.EMAIL, "urangel@espinoza-francis.net");
            for (int round = 0; round < 2; round++) { // first round warms up
                StringBuilder line = new StringBuilder(tag + (round == 0 ? " warm-up:" : ":"));
                line.append(rate("person", () -> fakes.person(rnd).hashCode()));
                for (PersonalData what : PersonalData.values()) {
                    if (fakes.canFake(what)) {
                        line.append(rate(what.key(), n -> fakes.fake(what, people[n & 1023], null, rnd).length()));
                    }
                }
                line.append(rate("phone(layout)",
                        n -> fakes.fake(PersonalData.PHONE, people[n & 1023], phoneLayout, rnd).length()));
                line.append(rate("email(layout)",
                        n -> fakes.fake(PersonalData.EMAIL, people[n & 1023], mailLayout, rnd).length()));
                System.out.println(line);
            }
        }
        RealValueFilter filter = RealValueFilter.withCapacity(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            filter.add("real" + i);
        }
        int hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            hits += filter.mightContain("fake" + i) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "filter 1e6 at capacity: %.4f%% false positives, %.1f M probes/s, %d KB%n",
                hits / 1e4, 1e3 / ((System.nanoTime() - start) / 1e6), filter.memoryBytes() / 1024);
    }

    private interface Draw {
        int draw(int n);
    }

    private static String rate(String name, Draw draw) {
        int sink = 0;
        long start = System.nanoTime();
        for (int n = 0; n < N; n++) {
            sink += draw.draw(n);
        }
        double perSecond = N / ((System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, " %s %.1fM/s%s", name, perSecond / 1e6, sink == 42 ? "!" : "");
    }

    private static String rate(String name, IntSupplier draw) {
        return rate(name, n -> draw.getAsInt());
    }
}
