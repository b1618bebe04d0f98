package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.QualityScores;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropensityTest {
    private static QualityScores.Propensity compare(int rows, long seed, double shift) {
        Tables real = Population.draw(rows, seed, 0);
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), Population.raw(rows, seed + 1000, shift));
        return Propensity.measure(t[0], t[1], seed, Propensity.MAX_ROWS_PER_SIDE, 2);
    }

    /**
     * synthpop's null expectation (k - 1)(1 - c)^2 c / N is the one for synthetic rows drawn from a correct model
     * fitted to the real rows: they differ from the real rows by their own sampling noise only. Two independent
     * samples of one population differ by both samples' noise, (k - 1) c (1 - c) / N, so their S_pMSE averages
     * 1 / (1 - c) = 2 here; both are checked.
     */
    @Test
    void twoIndependentSamplesOfOnePopulationScoreAboutTwo() {
        double sum = 0;
        int runs = 20;
        for (long seed = 0; seed < runs; seed++) {
            QualityScores.Propensity p = compare(1_500, seed, 0);
            // intercept, x1, x1 missing, x2, g (2 levels + missing), cls (2 levels), y
            assertThat(p.parameters()).isEqualTo(10);
            assertThat(p.rows()).isEqualTo(3_000);
            assertThat(p.sPmse()).as("seed %d", seed).isLessThan(6);
            assertThat(p.pmse()).isLessThan(0.003);
            assertThat(p.auc()).isBetween(0.44, 0.56);
            sum += p.sPmse();
        }
        // S_pMSE is then about 2 chi-square(9) / 9: mean 2, sd 0.94, so a mean of 20 has sd 0.21
        assertThat(sum / runs).isBetween(1.4, 2.6);
    }

    @Test
    void aSampleFromTheRealRowsFittedModelScoresAboutOne() {
        double sum = 0;
        int runs = 20;
        for (long seed = 0; seed < runs; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 2_000;
            double[] a = new double[n];
            double[] b = new double[n];
            String[] g = new String[n];
            int[] counts = new int[3];
            for (int i = 0; i < n; i++) {
                a[i] = Population.normal(rnd);
                b[i] = 1 + 2 * Population.normal(rnd);
                double u = rnd.nextDouble();
                int level = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
                g[i] = "l" + level;
                counts[level]++;
            }
            double[] fa = Features.meanAndSd(a);
            double[] fb = Features.meanAndSd(b);
            double[] sa = new double[n];
            double[] sb = new double[n];
            String[] sg = new String[n];
            for (int i = 0; i < n; i++) { // the fitted model: normals with the real moments, the real label shares
                sa[i] = fa[0] + fa[1] * Population.normal(rnd);
                sb[i] = fb[0] + fb[1] * Population.normal(rnd);
                int v = rnd.nextInt(n);
                sg[i] = v < counts[0] ? "l0" : v < counts[0] + counts[1] ? "l1" : "l2";
            }
            Tables real = new Tables().number("a", a).number("b", b).label("g", g);
            Tables synth = new Tables().number("a", sa).number("b", sb).label("g", sg);
            EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), synth.raw("synth"));
            sum += Propensity.measure(t[0], t[1], seed, Propensity.MAX_ROWS_PER_SIDE, 2).sPmse();
        }
        // k - 1 = 4: S_pMSE about chi-square(4) / 4, sd 0.71, so a mean of 20 has sd 0.16
        assertThat(sum / runs).isBetween(0.6, 1.4);
    }

    @Test
    void aShiftedColumnScoresFarAboveOne() {
        QualityScores.Propensity slight = compare(5_000, 1, 0.3);
        assertThat(slight.sPmse()).isGreaterThan(20);
        assertThat(slight.auc()).isBetween(0.55, 0.75);
        QualityScores.Propensity far = compare(5_000, 1, 4);
        assertThat(far.sPmse()).isGreaterThan(slight.sPmse());
        assertThat(far.auc()).isGreaterThan(0.97);
    }

    @Test
    void aChangedLabelMixScoresFarAboveOne() {
        Tables real = Population.draw(5_000, 3, 0);
        Tables synth = Population.draw(5_000, 4, 0);
        String[] g = synth.raw("s").column(2);
        for (int i = 0; i < g.length; i += 3) {
            g[i] = "c";
        }
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), synth.raw("synth"));
        QualityScores.Propensity p = Propensity.measure(t[0], t[1], 3);
        assertThat(p.sPmse()).isGreaterThan(50);
        assertThat(p.auc()).isGreaterThan(0.6);
    }

    @Test
    void samplesTheLargerSideDownToTheSmaller() {
        Tables real = Population.draw(3_000, 5, 0);
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), Population.raw(12_000, 6, 0));
        assertThat(Propensity.measure(t[0], t[1], 5).rows()).isEqualTo(6_000);
        assertThat(Propensity.measure(t[0], t[1], 5, 1_000, 1).rows()).isEqualTo(2_000);
    }

    @Test
    void sameSeedGivesTheSameScoresForAnyThreadCount() {
        Tables real = Population.draw(12_000, 7, 0);
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), Population.raw(15_000, 8, 0.05));
        QualityScores.Propensity one = Propensity.measure(t[0], t[1], 9, Propensity.MAX_ROWS_PER_SIDE, 1);
        assertThat(Propensity.measure(t[0], t[1], 9, Propensity.MAX_ROWS_PER_SIDE, 2)).isEqualTo(one);
        assertThat(Propensity.measure(t[0], t[1], 9, Propensity.MAX_ROWS_PER_SIDE, 5)).isEqualTo(one);
        assertThat(Propensity.measure(t[0], t[1], 10, Propensity.MAX_ROWS_PER_SIDE, 2)).isNotEqualTo(one);
    }

    @Test
    void rejectsAnEmptySide() {
        Tables real = Population.draw(100, 1, 0);
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), Population.raw(0, 2, 0));
        assertThatThrownBy(() -> Propensity.measure(t[0], t[1], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synthetic 0");
    }
}
