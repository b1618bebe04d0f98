package dev.doppel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PairwisePearson} against {@link Correlations#pearsonPairwise} and {@link Correlations#pearsonPairwiseOrUnknown}
 * one pair at a time: the blocked passes must give the same bits (the copula's model file depends on them), on columns
 * longer than several blocks, with missing values at random, a constant column, a column constant only over the rows
 * it shares with another, and a column with only 2 rows.
 */
class PairwisePearsonTest {
    private static final int ROWS = 3 * PairwisePearson.BLOCK + 517; // several blocks and a partial one

    private static double[][] columns() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] c = new double[7][ROWS];
        for (int i = 0; i < ROWS; i++) {
            c[0][i] = random.nextGaussian() * 1e3 + 5e6; // large offset: rounding in the means matters
            c[1][i] = random.nextInt(5) == 0 ? Double.NaN : c[0][i] * 0.3 + random.nextGaussian() * 1e3;
            c[2][i] = random.nextInt(3) == 0 ? Double.NaN : random.nextInt(4); // ties, a third missing
            c[3][i] = 42; // constant
            c[4][i] = i < 10 ? Double.NaN : i % 3 == 0 ? 1 : -0.0; // -0.0 and missing
            c[5][i] = i % 1000 == 0 && i < 2000 ? i : Double.NaN; // two rows
            c[6][i] = Double.isNaN(c[2][i]) ? random.nextDouble() : 3; // constant where column 2 is present
        }
        return c;
    }

    @Test
    void everyPairHasTheBitsOfOnePairAtATime() {
        double[][] c = columns();
        int d = c.length;
        int[][] all = PairwisePearson.allPairs(d);
        int[] first = all[0];
        int[] second = all[1];
        double[] got = PairwisePearson.of(d, ROWS, PairwisePearson.arrays(c), first, second);
        int infinite = 0;
        int unknown = 0;
        for (int p = 0; p < first.length; p++) {
            double[] x = c[first[p]];
            double[] y = c[second[p]];
            String pair = first[p] + "~" + second[p];
            assertEquals(Double.doubleToRawLongBits(Correlations.pearsonPairwise(x, y)),
                    Double.doubleToRawLongBits(Double.isInfinite(got[p]) ? 0 : got[p]), pair);
            assertEquals(Double.doubleToRawLongBits(Correlations.pearsonPairwiseOrUnknown(x, y)),
                    Double.doubleToRawLongBits(Double.isInfinite(got[p]) ? Double.NaN : got[p]), pair);
            infinite += Double.isInfinite(got[p]) ? 1 : 0;
            unknown += Double.isNaN(got[p]) ? 1 : 0;
        }
        // the cases the fixture is built for all occur: too few rows (column 5 with each other: NaN comes first, so
        // also with the constant 3) and constant sides (3 with the other five, 6 with 2)
        assertEquals(6, unknown);
        assertEquals(6, infinite);
    }

    @Test
    void theOrderOfThePairsDoesNotMatter() {
        double[][] c = columns();
        int[] first = {6, 1, 2, 0, 4};
        int[] second = {0, 0, 1, 2, 2};
        double[] got = PairwisePearson.of(c.length, ROWS, PairwisePearson.arrays(c), first, second);
        for (int p = 0; p < first.length; p++) {
            double[] alone = PairwisePearson.of(c.length, ROWS, PairwisePearson.arrays(c), new int[] {first[p]},
                    new int[] {second[p]});
            assertEquals(Double.doubleToRawLongBits(alone[0]), Double.doubleToRawLongBits(got[p]));
        }
    }

    @Test
    void aSourceFillsBlocksOnDemand() {
        double[][] c = columns();
        int[] asked = new int[1];
        PairwisePearson.Source source = (column, from, to, into) -> {
            asked[0]++;
            System.arraycopy(c[column], from, into, 0, to - from);
        };
        double[] got = PairwisePearson.of(c.length, ROWS, source, new int[] {1}, new int[] {0});
        assertEquals(Double.doubleToRawLongBits(Correlations.pearsonPairwise(c[1], c[0])),
                Double.doubleToRawLongBits(got[0]));
        assertEquals(2 * 2 * 4, asked[0]); // two columns, two passes, four blocks
    }
}
