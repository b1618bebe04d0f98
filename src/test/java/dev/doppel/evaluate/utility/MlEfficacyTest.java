package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlEfficacyTest {
    private static EncodedTable[] tables(RawTable train, RawTable synth, RawTable test) {
        return Tables.encode(Population.draw(1, 0, 0).specs(), train, synth, test);
    }

    @Test
    void aCopyOfTheRealRowsScoresWhatTheRealRowsScore() {
        RawTable train = Population.raw(6_000, 1, 0);
        EncodedTable[] t = tables(train, train, Population.raw(6_000, 2, 0));
        for (String target : List.of("cls", "g", "y")) {
            QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], target, 3);
            assertThat(m.synthetic()).as(target).isEqualTo(m.real());
        }
        QualityScores.MlEfficacy cls = MlEfficacy.measure(t[0], t[1], t[2], "cls", 3);
        assertThat(cls.task()).isEqualTo("classification");
        assertThat(cls.metric()).isEqualTo("macro_f1");
        assertThat(cls.real()).isBetween(0.5, 0.8); // the classes overlap: no model gets near 1
    }

    @Test
    void aShuffledTargetScoresClearlyWorse() {
        RawTable train = Population.raw(6_000, 4, 0);
        RawTable synth = Population.raw(6_000, 5, 0);
        String[] cls = synth.column(synth.indexOf("cls"));
        int[] order = Tables.shuffled(cls.length, 6);
        String[] copy = cls.clone();
        for (int i = 0; i < cls.length; i++) {
            cls[i] = copy[order[i]];
        }
        EncodedTable[] t = tables(train, synth, Population.raw(6_000, 7, 0));
        QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], "cls", 8);
        assertThat(m.real()).isGreaterThan(0.5);
        assertThat(m.synthetic()).isLessThan(m.real() - 0.15);
    }

    @Test
    void regressionScoresTheKnownShareOfExplainedVariance() {
        EncodedTable[] t = tables(Population.raw(10_000, 9, 0), Population.raw(10_000, 10, 0),
                Population.raw(20_000, 11, 0));
        QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], "y", 12);
        assertThat(m.task()).isEqualTo("regression");
        assertThat(m.metric()).isEqualTo("r2");
        assertThat(m.testRows()).isEqualTo(20_000);
        // the best model explains 9.82 of 10.82; R² over 20,000 test rows varies by about 0.002
        assertThat(m.real()).isCloseTo(Population.BEST_R2, within(0.01));
        assertThat(m.synthetic()).isCloseTo(Population.BEST_R2, within(0.01));
    }

    @Test
    void dropsRowsWithAMissingTarget() {
        RawTable test = Population.raw(2_000, 13, 0);
        int present = 0;
        for (String cell : test.column(test.indexOf("g"))) {
            present += cell == null ? 0 : 1;
        }
        EncodedTable[] t = tables(Population.raw(2_000, 14, 0), Population.raw(2_000, 15, 0), test);
        QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], "g", 16);
        assertThat(present).isLessThan(2_000);
        assertThat(m.testRows()).isEqualTo(present);
        assertThat(m.real()).isBetween(0.0, 1.0);
    }

    @Test
    void aSingleSyntheticClassIsPredictedAlways() {
        RawTable synth = Population.raw(1_000, 17, 0);
        String[] cls = synth.column(synth.indexOf("cls"));
        java.util.Arrays.fill(cls, "k1");
        EncodedTable[] t = tables(Population.raw(1_000, 18, 0), synth, Population.raw(1_000, 19, 0));
        QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], "cls", 20);
        assertThat(m.synthetic()).isLessThan(0.3); // one class right: F1 of it / 3
    }

    @Test
    void sameSeedGivesTheSameScoresForAnyThreadCount() {
        EncodedTable[] t = tables(Population.raw(15_000, 21, 0), Population.raw(20_000, 22, 0.1),
                Population.raw(3_000, 23, 0));
        List<QualityScores.MlEfficacy> one = new ArrayList<>();
        for (String target : List.of("cls", "y")) {
            one.add(MlEfficacy.measure(t[0], t[1], t[2], target, 24, 12_000, 1));
        }
        for (int threads : new int[] {2, 4}) {
            assertThat(MlEfficacy.measure(t[0], t[1], t[2], "cls", 24, 12_000, threads)).isEqualTo(one.get(0));
            assertThat(MlEfficacy.measure(t[0], t[1], t[2], "y", 24, 12_000, threads)).isEqualTo(one.get(1));
        }
    }

    @Test
    void rejectsATargetThatIsNotEvaluated() {
        RawTable train = Population.raw(100, 25, 0);
        EncodedTable[] t = tables(train, train, train);
        assertThatThrownBy(() -> MlEfficacy.measure(t[0], t[1], t[2], "nope", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target 'nope' is not an evaluated column");
    }
}
