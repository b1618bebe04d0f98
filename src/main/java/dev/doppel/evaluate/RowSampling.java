package dev.doppel.evaluate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded simple random samples of row positions, drawn without replacement: the one way every part of the evaluation
 * (privacy work, propensity, train-on-synthetic) samples rows, so the same seed picks the same rows everywhere. Seeds
 * come from the evaluation's seed and a purpose, never from data.
 */
public final class RowSampling {
    private RowSampling() {}

    /**
     * {@code min(n, size)} distinct positions out of 0..n-1, in ascending order: every position when {@code n <= size},
     * else a uniform random subset (partial Fisher-Yates shuffle from {@code seed}).
     */
    public static int[] positions(int n, int size, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (n <= size) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return chosen;
    }
}
