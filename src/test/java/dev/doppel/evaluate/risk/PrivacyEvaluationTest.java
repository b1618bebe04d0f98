package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.risk.MixedTables.Encoded;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacyEvaluationTest {
    private static final int ROWS = 1_500;
    private static final PrivacyEvaluation.Settings SETTINGS =
            PrivacyEvaluation.Settings.defaults(7).withAttacks(400).withThreads(2);

    private static List<AttackResult> attacks(PrivacyScores s) {
        List<AttackResult> all = new ArrayList<>(List.of(s.singlingOut(), s.linkability()));
        all.addAll(s.inference());
        return all;
    }

    @Test
    void aCopyOfTheTrainingRowsIsCaughtByEveryMeasure() {
        RawTable training = MixedTables.sample(ROWS, 1);
        Encoded t = MixedTables.encode(Map.of(), training, training, MixedTables.sample(ROWS, 2));
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), SETTINGS);

        assertThat(s.exactCopyRate()).isEqualTo(1.0);
        assertThat(s.dcr().synthetic().median()).isZero();
        assertThat(s.holdoutExactCopyRate()).isLessThan(0.05);
        assertThat(s.dcrShare()).isGreaterThan(0.97);
        assertThat(s.inference()).hasSize(3);
        for (AttackResult a : attacks(s)) {
            assertThat(a.attacks()).as(a.name()).isGreaterThan(100);
            assertThat(a.riskLow()).as(a.name()).isGreaterThan(0.1);
            assertThat(a.trainingSuccess()).as(a.name()).isGreaterThan(a.baselineSuccess());
        }
    }

    @Test
    void aFreshSampleOfThePopulationScoresLikeTheHoldout() {
        Encoded t = MixedTables.encode(Map.of(), MixedTables.sample(ROWS, 11), MixedTables.sample(ROWS, 12),
                MixedTables.sample(ROWS, 13));
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), SETTINGS);

        // each synthetic row is closer to training or to hold-out with chance 1/2 by symmetry (equal sizes): a
        // binomial share of 1,500 rows has SE sqrt(0.25 / 1500) = 0.013; 3 SE = 0.039
        assertThat(s.dcrShare()).isBetween(0.5 - 0.039, 0.5 + 0.039);
        assertThat(s.exactCopyRate()).isLessThan(0.05);
        assertThat(Math.abs(s.dcr().synthetic().median() - s.dcr().holdout().median())).isLessThan(0.01);
        for (AttackResult a : attacks(s)) {
            assertThat(a.riskLow()).as(a.name()).isLessThanOrEqualTo(0);
            assertThat(a.riskHigh()).as(a.name()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void sameSeedGivesTheSameScoresOnAnyThreadCount() {
        Encoded t = MixedTables.encode(Map.of("city", PrivacyRole.QUASI_IDENTIFIER, "age",
                PrivacyRole.QUASI_IDENTIFIER), MixedTables.sample(ROWS, 21), MixedTables.sample(3_000, 22),
                MixedTables.sample(900, 23));
        PrivacyEvaluation.Settings small = SETTINGS.withMaxRows(1_000);
        PrivacyScores one = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), small.withThreads(1));
        PrivacyScores two = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), small.withThreads(2));
        PrivacyScores five = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), small.withThreads(5));
        assertThat(two).isEqualTo(one);
        assertThat(five).isEqualTo(one);
        assertThat(one.dcr().synthetic().rows()).isEqualTo(1_000);
        assertThat(one.dcr().holdout().rows()).isEqualTo(900);
    }

    @Test
    void withoutAHoldoutTheHoldoutFiguresAreNotMeasured() {
        Encoded t = MixedTables.encode(Map.of(), MixedTables.sample(500, 31), MixedTables.sample(500, 32), null);
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), null, SETTINGS);
        assertThat(s.holdoutExactCopyRate()).isNaN();
        assertThat(s.dcrShare()).isNaN();
        assertThat(s.dcr().holdout()).isNull();
        assertThat(s.nndr().holdout()).isNull();
        assertThat(s.dcr().synthetic().rows()).isEqualTo(500);
        for (AttackResult a : attacks(s)) {
            assertThat(a.trainingSuccess()).as(a.name()).isBetween(0.0, 1.0);
            assertThat(a.holdoutSuccess()).as(a.name()).isNaN();
            assertThat(a.risk()).as(a.name()).isNaN();
        }
        assertThat(s.method()).contains("No hold-out");
    }

    @Test
    void nndrIsOneWhereTheTwoNearestAreBothCopies() {
        RawTable training = MixedTables.sample(200, 41);
        List<String[]> doubled = new ArrayList<>();
        for (String[] column : training.columns()) {
            String[] twice = new String[column.length * 2];
            System.arraycopy(column, 0, twice, 0, column.length);
            System.arraycopy(column, 0, twice, column.length, column.length);
            doubled.add(twice);
        }
        RawTable twice = MixedTables.raw(training.names(), doubled);
        Encoded t = MixedTables.encode(Map.of(), twice, training, null);
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), null, SETTINGS);
        assertThat(s.exactCopyRate()).isEqualTo(1.0);
        assertThat(s.nndr().synthetic().p05()).isEqualTo(1.0);
        assertThat(s.nndr().synthetic().mean()).isEqualTo(1.0);
    }

    @Test
    void inferenceAttacksTheSensitiveColumnsWhenDeclared() {
        Encoded t = MixedTables.encode(Map.of("plan", PrivacyRole.SENSITIVE), MixedTables.sample(400, 51),
                MixedTables.sample(400, 52), MixedTables.sample(400, 53));
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), SETTINGS);
        assertThat(s.inference()).extracting(AttackResult::name).containsExactly("inference:plan");
    }

    @Test
    void methodNamesCountsAndChoicesButNoValue() {
        Encoded t = MixedTables.encode(Map.of(), MixedTables.sample(300, 61), MixedTables.sample(300, 62),
                MixedTables.sample(300, 63));
        PrivacyScores s = PrivacyEvaluation.measure(t.training(), t.synthetic(), t.holdout(), SETTINGS);
        assertThat(s.method()).contains("Gower", "vantage-point tree", "all 300 synthetic rows", "Newcombe");
        assertThat(s.method()).doesNotContain("north", "basic", "young");
    }

    @Test
    void rejectsTablesOfAnotherSchemaAndAnEmptyTraining() {
        Encoded t = MixedTables.encode(Map.of(), MixedTables.sample(50, 71), MixedTables.sample(50, 72), null);
        EncodedTable foreign = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()))
                .encodeReal(MixedTables.sample(50, 73));
        assertThatThrownBy(() -> PrivacyEvaluation.measure(t.training(), foreign, null, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> PrivacyEvaluation.measure(t.training().head(0), t.synthetic(), null, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
    }
}
