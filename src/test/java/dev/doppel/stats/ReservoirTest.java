package dev.doppel.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class ReservoirTest {

    /** Runs one reservoir over {@code n} items; returns the item (0-based) in each slot. */
    private static int[] sample(int capacity, int n, long seed) {
        Reservoir reservoir = new Reservoir(capacity, seed);
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        for (int item = 0; item < n; item++) {
            int slot = reservoir.offer();
            if (slot >= 0) {
                slots[slot] = item;
            }
        }
        assertThat(reservoir.offered()).isEqualTo(n);
        assertThat(reservoir.size()).isEqualTo(Math.min(n, capacity));
        return slots;
    }

    /**
     * Every item is kept with probability k/n. Over T independent runs, item i's inclusion count is Binomial(T, k/n);
     * the sum over items of (O - E)^2 / (E (1 - k/n)) is then close to chi-square with n - 1 degrees of freedom (one
     * lost because every run keeps exactly k). A test at the 0.1% level fails by chance once in a thousand seeds; the
     * seeds are fixed, so the outcome is too.
     */
    @Test
    void keepsEveryPositionWithTheSameProbability() {
        int k = 10;
        int n = 200;
        int trials = 20_000;
        long[] counts = new long[n];
        for (int t = 0; t < trials; t++) {
            for (int item : sample(k, n, 1000 + t)) {
                counts[item]++;
            }
        }
        double p = (double) k / n;
        double expected = trials * p;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / (expected * (1 - p));
        }
        double critical = ChiSquaredDistribution.of(n - 1).inverseSurvivalProbability(0.001);
        assertThat(chi).isLessThan(critical);
        // and no single position is off by more than 5 standard deviations (first, last, and those in between)
        double sd = Math.sqrt(trials * p * (1 - p));
        for (int i = 0; i < n; i++) {
            assertThat(Math.abs(counts[i] - expected)).as("position %d", i).isLessThan(5 * sd);
        }
    }

    /**
     * Pairs too: the chance that items i and j are both kept is k(k-1)/(n(n-1)) for every pair, which a sampler that
     * kept runs of neighbouring items would break. Checked for a neighbouring, a middle and a distant pair.
     */
    @Test
    void keepsPairsWithTheSameProbability() {
        int k = 5;
        int n = 50;
        int trials = 40_000;
        int[][] pairs = {{0, 1}, {20, 21}, {3, 47}, {48, 49}};
        long[] both = new long[pairs.length];
        for (int t = 0; t < trials; t++) {
            boolean[] kept = new boolean[n];
            for (int item : sample(k, n, 7_000_000L + t)) {
                kept[item] = true;
            }
            for (int q = 0; q < pairs.length; q++) {
                if (kept[pairs[q][0]] && kept[pairs[q][1]]) {
                    both[q]++;
                }
            }
        }
        double p = (double) k * (k - 1) / (n * (n - 1.0));
        double sd = Math.sqrt(trials * p * (1 - p));
        for (int q = 0; q < pairs.length; q++) {
            assertThat(Math.abs(both[q] - trials * p)).as("pair %s", Arrays.toString(pairs[q])).isLessThan(5 * sd);
        }
    }

    @Test
    void sameSeedSameSampleOtherSeedOtherSample() {
        int[] a = sample(1000, 1_000_000, 42);
        int[] b = sample(1000, 1_000_000, 42);
        int[] c = sample(1000, 1_000_000, 43);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(Arrays.stream(a).distinct().count()).isEqualTo(1000);
    }

    /**
     * A long stream relative to the reservoir: the kept items' mean position is (n - 1) / 2 with standard error about
     * n / sqrt(12 k); this checks the skip lengths of Algorithm L late in a stream, where most items are passed over.
     */
    @Test
    void longStreamsAreSampledEvenly() {
        int k = 2000;
        int n = 5_000_000;
        int[] kept = sample(k, n, 5);
        double mean = Arrays.stream(kept).average().orElseThrow();
        double se = n / Math.sqrt(12.0 * k);
        assertThat(Math.abs(mean - (n - 1) / 2.0)).isLessThan(4 * se);
        long lastTenth = Arrays.stream(kept).filter(i -> i >= n * 0.9).count();
        // Binomial(k, 0.1): mean 200, sd 13.4
        assertThat(lastTenth).isBetween(200L - 60, 200L + 60);
    }

    @Test
    void keepsEverythingWhileItFits() {
        int[] kept = sample(10, 7, 1);
        assertThat(Arrays.copyOf(kept, 7)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> new Reservoir(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
