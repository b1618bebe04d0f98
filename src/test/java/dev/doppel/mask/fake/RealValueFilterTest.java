package dev.doppel.mask.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The filter never forgets a real value, rarely claims a made-up one, and never grows. */
class RealValueFilterTest {
    private static final int CAPACITY = 100_000;

    @Test
    void everyAddedValueIsFound() {
        RealValueFilter filter = RealValueFilter.withCapacity(CAPACITY);
        SplittableRandom rnd = new SplittableRandom(41);
        String[] added = new String[CAPACITY];
        for (int i = 0; i < CAPACITY; i++) {
            added[i] = randomString(rnd);
            filter.add(added[i]);
        }
        for (String value : added) {
            assertThat(filter.mightContain(value)).isTrue();
        }
        assertThat(filter.mightContain("")).isFalse();
    }

    /**
     * Design rate 0.1%: over 1e5 probes about 100 false positives (binomial sd about 10), so 0.5% is far outside
     * chance yet catches a broken hash (which gives several percent or more).
     */
    @Test
    void falsePositivesStayRareAtDesignCapacity() {
        RealValueFilter filter = RealValueFilter.withCapacity(CAPACITY);
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < CAPACITY; i++) {
            filter.add("real-" + randomString(rnd));
        }
        int falsePositives = 0;
        int probes = 100_000;
        for (int i = 0; i < probes; i++) {
            falsePositives += filter.mightContain("fake-" + randomString(rnd)) ? 1 : 0;
        }
        assertThat(falsePositives / (double) probes).isLessThan(0.005);
    }

    /** Similar values (sequential ids, which differ in one character) must not collide more than random ones. */
    @Test
    void sequentialValuesDoNotCollide() {
        RealValueFilter filter = RealValueFilter.withCapacity(CAPACITY);
        for (int i = 0; i < CAPACITY; i++) {
            filter.add("C" + i);
        }
        int falsePositives = 0;
        for (int i = CAPACITY; i < 2 * CAPACITY; i++) {
            falsePositives += filter.mightContain("C" + i) ? 1 : 0;
        }
        assertThat(falsePositives / (double) CAPACITY).isLessThan(0.005);
    }

    @Test
    void beyondTheExactLimitTheBitsTakeOverWithoutLosingAValue() {
        int n = 3 * RealValueFilter.EXACT_LIMIT;
        RealValueFilter filter = RealValueFilter.withCapacity(n);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        java.util.List<String> added = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = "user" + i + "@" + Long.toHexString(rnd.nextLong()) + ".example";
            added.add(v);
            filter.add(v);
        }
        for (String v : added) {
            org.assertj.core.api.Assertions.assertThat(filter.mightContain(v)).isTrue();
        }
        int falsePositives = 0;
        int probes = 100_000;
        for (int i = 0; i < probes; i++) {
            falsePositives += filter.mightContain("other" + i + "@" + Long.toHexString(rnd.nextLong()) + ".example") ? 1 : 0;
        }
        // 16 bits per value, 7 probes in one 512-bit block: well under 1% (binomial sd at 1% is 0.03%)
        org.assertj.core.api.Assertions.assertThat(falsePositives).isLessThan(probes / 100);
    }

    @Test
    void memoryIsFixedAtConstructionAndCapped() {
        RealValueFilter filter = RealValueFilter.withCapacity(1000);
        long bytes = filter.memoryBytes();
        SplittableRandom rnd = new SplittableRandom(43);
        for (int i = 0; i < 50_000; i++) {
            filter.add(randomString(rnd));
        }
        assertThat(filter.memoryBytes()).isEqualTo(bytes).isLessThan(4096);
        assertThat(RealValueFilter.withCapacity(10_000_000_000L).memoryBytes()).isEqualTo(64L << 20);
        assertThat(RealValueFilter.withCapacity(0).memoryBytes()).isPositive();
        assertThat(filter.toString()).startsWith("RealValueFilter[");
        assertThatThrownBy(() -> RealValueFilter.withCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomString(SplittableRandom rnd) {
        int length = 4 + rnd.nextInt(20);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + rnd.nextInt(26)));
        }
        return s.toString();
    }
}
