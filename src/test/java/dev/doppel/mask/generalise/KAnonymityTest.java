package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KAnonymityTest {
    /** Age bands 10, 20, 40, 80 then suppressed (top 4); sex value, rare, suppressed (top 2). */
    private static final List<Hierarchy> AGE_SEX = List.of(new IntegerBands(10, 4), Categorical.of());
    private static final String[][] PEOPLE = {
        {"31", "35", "42", "47", "51", "58"},
        {"M", "M", "F", "F", "M", "F"},
    };

    private static KAnonymityPlan solve(List<Hierarchy> qis, String[][] columns, int k, double share) {
        KAnonymity counter = KAnonymity.counter(qis);
        counter.addColumns(columns);
        return counter.solve(k, share);
    }

    @Test
    void withoutSuppressionTheCheapestQualifyingNodeIsAgeInBandsOf80() {
        // worked out by hand: (0,2) costs 0.5, (4,0) 0.5, (3,0) 0.375, every finer age level needs suppression
        KAnonymityPlan plan = solve(AGE_SEX, PEOPLE, 2, 0);
        assertThat(plan.levels()).containsExactly(3, 0);
        assertThat(plan.describeLevels()).containsExactly("bands of 80", "value");
        assertThat(plan.informationLoss()).isEqualTo(0.375);
        assertThat(plan.suppressedRows()).isZero();
        assertThat(plan.suppressedCells()).isZero();
        assertThat(plan.kReached()).isEqualTo(3);
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.apply(new String[] {"31", "M"})).containsExactly("0-79", "M");
    }

    @Test
    void countedAndUnseenTuplesGetTheSameAnswersAndCallersMayChangeThem() {
        KAnonymityPlan plan = solve(AGE_SEX, PEOPLE, 2, 2.0 / 6);
        // counted tuples come from the memo; an unseen one whose generalised tuple is kept, and one whose is not
        String[] first = plan.apply(new String[] {"51", "M"});
        assertThat(first).containsExactly(null, null);
        first[0] = "changed";
        assertThat(plan.apply(new String[] {"51", "M"})).containsExactly(null, null);
        String[] kept = plan.apply(new String[] {"35", "M"});
        kept[1] = "changed";
        assertThat(plan.apply(new String[] {"35", "M"})).containsExactly("30-39", "M");
        assertThat(plan.apply(new String[] {"33", "M"})).containsExactly("30-39", "M");
        assertThat(plan.apply(new String[] {"33", "F"})).containsExactly(null, null);
        assertThat(plan.apply(new String[] {null, null})).containsExactly(null, null);
    }

    @Test
    void allowingTwoSuppressedRowsKeepsTenYearBands() {
        // (0,0): classes 30-39/M (2), 40-49/F (2), 50-59/M (1), 50-59/F (1); the two singles make one class of 2
        KAnonymityPlan plan = solve(AGE_SEX, PEOPLE, 2, 2.0 / 6);
        assertThat(plan.levels()).containsExactly(0, 0);
        assertThat(plan.informationLoss()).isEqualTo(4.0 / 12);
        assertThat(plan.suppressedRows()).isEqualTo(2);
        assertThat(plan.suppressedCells()).isEqualTo(4);
        assertThat(plan.apply(new String[] {"51", "M"})).containsExactly(null, null);
        assertThat(plan.apply(new String[] {"35", "M"})).containsExactly("30-39", "M");
        String[][] out = plan.applyColumns(PEOPLE);
        assertThat(out[0]).containsExactly("30-39", "30-39", "40-49", "40-49", null, null);
        assertThat(Classes.smallest(out)).isEqualTo(plan.kReached()).isEqualTo(2);
    }

    @Test
    void aSuppressedClassSmallerThanKIsToppedUpFromTheSmallestKeptClass() {
        String[][] letters = {{"A", "A", "A", "B", "B", "C"}};
        Hierarchy valueOrNothing = Prefix.of(1); // one-letter values: level 0 keeps them, level 1 suppresses
        // level 0: C alone would be an all-missing class of 1, so B is suppressed too (3 rows, loss 3/6)
        KAnonymityPlan free = solve(List.of(valueOrNothing), letters, 2, 1);
        assertThat(free.levels()).containsExactly(0);
        assertThat(free.suppressedRows()).isEqualTo(3);
        assertThat(free.informationLoss()).isEqualTo(0.5);
        assertThat(Classes.count(free.applyColumns(letters)))
                .containsOnly(Map.entry(List.of("A"), 3), Map.entry(Arrays.asList((String) null), 3));
        // at most 2 rows may go: level 0 needs 3, so everything is suppressed by the hierarchy instead
        KAnonymityPlan none = solve(List.of(valueOrNothing), letters, 2, 2.0 / 6);
        assertThat(none.levels()).containsExactly(1);
        assertThat(none.suppressedRows()).isZero();
        assertThat(none.suppressedCells()).isEqualTo(6);
    }

    @Test
    void theRareValuesLevelCostsOnlyTheRareCells() {
        String[][] letters = {{"A", "A", "A", "B", "B", "C"}};
        // level 1 drops C by itself (loss 1/6); the all-missing class of 1 is topped up with B (2 rows)
        KAnonymityPlan plan = solve(List.of(Categorical.of()), letters, 2, 2.0 / 6);
        assertThat(plan.levels()).containsExactly(1);
        assertThat(plan.describeLevels()).containsExactly("values in fewer than 2 rows suppressed");
        assertThat(plan.suppressedRows()).isEqualTo(2);
        assertThat(plan.suppressedCells()).isEqualTo(3);
        assertThat(plan.informationLoss()).isEqualTo(0.5);
        assertThat(Classes.smallest(plan.applyColumns(letters))).isEqualTo(plan.kReached()).isEqualTo(3);
        // with no suppressed row allowed, only the top level qualifies
        assertThat(solve(List.of(Categorical.of()), letters, 2, 0).levels()).containsExactly(2);
    }

    @Test
    void missingCellsStayMissingAndAreNotCountedAsSuppressed() {
        String[][] columns = {{"A", "A", null, null, "B", "B"}};
        KAnonymityPlan plan = solve(List.of(Categorical.of()), columns, 2, 0);
        assertThat(plan.levels()).containsExactly(0);
        assertThat(plan.suppressedCells()).isZero();
        assertThat(plan.applyColumns(columns)[0]).containsExactly("A", "A", null, null, "B", "B");
    }

    @Test
    void tuplesNotSeenInPassOneAreSuppressed() {
        KAnonymityPlan plan = solve(AGE_SEX, PEOPLE, 2, 2.0 / 6);
        assertThat(plan.apply(new String[] {"33", "F"})).containsExactly(null, null);
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTablesAreKAnonymousAndTheSameWhateverTheRowOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 500 + random.nextInt(1500);
        int k = 2 + random.nextInt(9);
        String[][] columns = new String[3][n];
        for (int r = 0; r < n; r++) {
            columns[0][r] = random.nextInt(50) == 0 ? null : Integer.toString(18 + random.nextInt(70));
            columns[1][r] = random.nextBoolean() ? "M" : "F";
            columns[2][r] = "1" + random.nextInt(3) + random.nextInt(10) + random.nextInt(10) + random.nextInt(10);
        }
        List<Hierarchy> qis = List.of(IntegerBands.of(5), Categorical.of(), Prefix.of(4));
        double share = random.nextInt(3) * 0.02;
        KAnonymityPlan plan = solve(qis, columns, k, share);
        String[][] out = plan.applyColumns(columns);
        assertThat(Classes.smallest(out)).isGreaterThanOrEqualTo(k).isEqualTo(plan.kReached());
        assertThat(plan.suppressedRows()).isLessThanOrEqualTo((long) Math.floor(share * n + 1e-9));

        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            order.add(r);
        }
        Collections.shuffle(order, new java.util.Random(seed));
        String[][] shuffled = new String[3][n];
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < 3; q++) {
                shuffled[q][r] = columns[q][order.get(r)];
            }
        }
        KAnonymityPlan again = solve(qis, shuffled, k, share);
        assertThat(again.levels()).isEqualTo(plan.levels());
        assertThat(again.suppressedRows()).isEqualTo(plan.suppressedRows());
        assertThat(again.suppressedCells()).isEqualTo(plan.suppressedCells());
        assertThat(again.informationLoss()).isEqualTo(plan.informationLoss());
        for (int r = 0; r < n; r++) {
            String[] tuple = {columns[0][r], columns[1][r], columns[2][r]};
            assertThat(again.apply(tuple)).isEqualTo(plan.apply(tuple));
        }
    }

    @Test
    void largeLatticesAreSearchedGreedilyAndStillKAnonymous() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 3000;
        String[][] columns = new String[5][n];
        for (String[] column : columns) {
            for (int r = 0; r < n; r++) {
                column[r] = Integer.toString(random.nextInt(100));
            }
        }
        List<Hierarchy> qis = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            qis.add(new IntegerBands(1, 6)); // 7 levels each: 16807 nodes
        }
        KAnonymityPlan plan = solve(qis, columns, 5, 0.05);
        assertThat(plan.optimal()).isFalse();
        assertThat(plan.describe()).contains("greedy");
        assertThat(Classes.smallest(plan.applyColumns(columns))).isGreaterThanOrEqualTo(5).isEqualTo(plan.kReached());
    }

    @Test
    void kReachedCountsTheRarestTuple() {
        assertThat(KAnonymity.kReached(List.of(new String[] {"a", null}, new String[] {"a", null},
                new String[] {"b", "x"}))).isEqualTo(1);
        assertThat(KAnonymity.kReached(new String[][] {{"a", "a", "b", "b", "b"}})).isEqualTo(2);
        assertThat(KAnonymity.kReached(List.of())).isZero();
    }

    @Test
    void rejectsBadArgumentsWithoutValues() {
        KAnonymity counter = KAnonymity.counter(AGE_SEX);
        assertThatThrownBy(() -> counter.add(new String[] {"CANARY-1"})).hasMessageNotContaining("CANARY");
        counter.add(new String[] {"CANARY-1", "CANARY-2"});
        assertThatThrownBy(() -> counter.solve(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k = 5 is more than the 1 rows counted");
        assertThatThrownBy(() -> counter.solve(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter.solve(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KAnonymity.counter(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plansAndCountersNeverPrintValues() {
        String[][] canaries = new String[2][40];
        for (int r = 0; r < 40; r++) {
            canaries[0][r] = "CANARY-" + (r % 4);
            canaries[1][r] = "CANARY-" + r % 3 + "-b";
        }
        KAnonymity counter = KAnonymity.counter(List.of(Categorical.of(), Prefix.of(3)));
        counter.addColumns(canaries);
        KAnonymityPlan plan = counter.solve(3, 0.1);
        assertThat(plan.toString() + plan.describe() + plan.describeLevels() + counter).doesNotContain("CANARY");
        assertThat(plan.apply(new String[] {"CANARY-1", "CANARY-1-b"})).containsExactly("CANARY-1", "CAN*******");
    }

    @Test
    void noRowsGiveAnEmptyPlan() {
        KAnonymityPlan plan = KAnonymity.counter(AGE_SEX).solve(5, 0);
        assertThat(plan.kReached()).isZero();
        assertThat(plan.rows()).isZero();
        assertThat(plan.levels()).containsExactly(0, 0);
    }
}
