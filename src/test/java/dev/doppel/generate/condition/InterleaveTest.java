package dev.doppel.generate.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InterleaveTest {
    @Test
    void largestRemainderGivesExactTotalsAndTheLeftoverRowsToTheLargestRemainders() {
        assertThat(Interleave.counts(10_001, new double[] {1, 1})).containsExactly(5001, 5000);
        assertThat(Interleave.counts(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(Interleave.counts(7, new double[] {0.3, 0.7})).containsExactly(2, 5); // 2.1 and 4.9
        assertThat(Interleave.counts(100, new double[] {1, 0, 3})).containsExactly(25, 0, 75);
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            long rows = r.nextLong(1_000_000);
            double[] w = new double[1 + r.nextInt(12)];
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextDouble() < 0.2 ? 0 : r.nextDouble();
            }
            w[0] = 0.5;
            long[] counts = Interleave.counts(rows, w);
            double sum = java.util.Arrays.stream(w).sum();
            long total = 0;
            for (int i = 0; i < w.length; i++) {
                assertThat(Math.abs(counts[i] - rows * w[i] / sum)).isLessThan(1.0);
                total += counts[i];
            }
            assertThat(total).isEqualTo(rows);
        }
    }

    @Test
    void everyGroupGetsExactlyItsRowsSpreadEvenlyOverTheOutput() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 30; t++) {
            long[] counts = new long[1 + r.nextInt(9)];
            long rows = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextInt(20_000);
                rows += counts[i];
            }
            if (rows == 0) {
                continue;
            }
            Interleave interleave = new Interleave(counts);
            long[] seen = new long[counts.length];
            int levels = 32 - Integer.numberOfLeadingZeros(counts.length - 1); // splits from the root to a group
            for (long row = 0; row < rows; row++) {
                seen[interleave.groupOf(row)]++;
                if (row % 97 == 0) {
                    for (int g = 0; g < counts.length; g++) { // every prefix holds its share, to a row per level
                        double expected = (row + 1.0) * counts[g] / rows;
                        assertThat(Math.abs(seen[g] - expected)).isLessThanOrEqualTo(levels + 1.0);
                    }
                }
            }
            assertThat(seen).containsExactly(counts);
        }
    }

    @Test
    void fiftyFiftyAlternates() {
        Interleave interleave = new Interleave(new long[] {5, 5});
        StringBuilder s = new StringBuilder();
        for (int row = 0; row < 10; row++) {
            s.append(interleave.groupOf(row));
        }
        assertThat(s.toString()).isEqualTo("0101010101");
    }

    @Test
    void hugeOutputsAreExactToo() {
        long rows = 6_000_000_000L; // row * count overflows a long: the exact path
        Interleave interleave = new Interleave(new long[] {rows / 3, rows - rows / 3});
        assertThat(Interleave.leftAmong(rows, rows / 3, rows)).isEqualTo(rows / 3);
        long[] seen = new long[2];
        for (long row = rows - 3000; row < rows; row++) {
            seen[interleave.groupOf(row)]++;
        }
        assertThat(seen).containsExactly(1000, 2000);
    }
}
