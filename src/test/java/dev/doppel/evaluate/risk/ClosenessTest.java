package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Closeness} gives exactly the exact-copy rates and DCR share of {@link PrivacyEvaluation#measure} with the same
 * settings, while building the real side once for any number of synthetic tables; {@link ExactCopies} finds exactly
 * the rows at distance 0.
 */
class ClosenessTest {
    /**
     * Tables with copies on every side: the synthetic table repeats some training rows, the hold-out too (real data
     * repeats rows), so every figure is away from 0. Sizes cover a training side cut to the hold-out's size and a
     * hold-out cut to the training side's, and row bounds below and above the tables' sizes.
     */
    @ParameterizedTest(name = "training {0}, hold-out {1}, max rows {2}, threads {3}")
    @CsvSource({"3000, 1000, 800, 2", "3000, 1000, 800, 1", "800, 1200, 5000, 2", "1500, 1500, 600, 2"})
    void theFiguresAreThoseOfTheFullEvaluation(int trainingRows, int holdoutRows, int maxRows, int threads) {
        RawTable training = MixedTables.sample(trainingRows, 1);
        RawTable holdout = withCopies(MixedTables.sample(holdoutRows, 2), training, holdoutRows / 20, 3);
        TableEncoder encoder = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()));
        EncodedTable t = encoder.encodeReal(training);
        EncodedTable h = encoder.encode(holdout);
        PrivacyEvaluation.Settings settings = new PrivacyEvaluation.Settings(9, maxRows, 0, 0, 0, 0, threads);
        Closeness closeness = Closeness.of(t, h, settings);
        for (int copies : new int[] {0, 150, 900}) { // several synthetic tables against one preparation
            EncodedTable s = encoder.encode(withCopies(MixedTables.sample(2_000, 4 + copies), training, copies, 5));
            PrivacyScores full = PrivacyEvaluation.measure(t, s, h, settings);
            Closeness.Scores scores = closeness.measure(s);
            assertThat(scores.exactCopies()).as("copies").isEqualTo(full.exactCopyRate());
            assertThat(scores.dcrShare()).as("DCR share").isEqualTo(full.dcrShare());
            assertThat(closeness.holdoutCopies()).as("hold-out copies").isEqualTo(full.holdoutExactCopyRate());
            if (copies > 0) {
                assertThat(scores.exactCopies()).isPositive();
            }
        }
        assertThat(closeness.holdoutCopies()).isPositive();
    }

    @Test
    void theHashedCopiesAreTheRowsAtDistanceZero() {
        // numbers equal up to the sign of zero, missing against missing, and near misses
        List<String> names = MixedTables.SPECS.stream().map(ColumnSpec::name).toList();
        RawTable training = MixedTables.raw(names, List.of(
                new String[] {"30", "0.0", null, "40"},
                new String[] {"10.00", "-5.25", "7.5", null},
                new String[] {"north", "south", "east", "west"},
                new String[] {"basic", null, "pro", "plus"},
                new String[] {"1", "2", "3", "4"},
                new String[] {"a", "b", "c", "d"}));
        RawTable queries = MixedTables.raw(names, List.of(
                new String[] {"30", "-0.0", null, "40", "41", "30", null},
                new String[] {"10", "-5.25", "7.50", null, null, "10.000001", "7.5"},
                new String[] {"north", "south", "east", "west", "west", "north", "east"},
                new String[] {"basic", null, "pro", "plus", "plus", "basic", "plus"},
                new String[] {"1", "2", "3", "4", "4", "1", "3"},
                new String[] {"a", "b", "c", "d", "d", "a", "c"}));
        TableEncoder encoder = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()));
        EncodedTable t = encoder.encodeReal(training);
        EncodedTable q = encoder.encode(queries);
        GowerSpace space = GowerSpace.over(t);
        ExactCopies copies = ExactCopies.over(space, space.layout(t));
        GowerRows rows = space.layout(q);
        boolean[] expected = {true, true, true, true, false, false, false};
        for (int i = 0; i < expected.length; i++) {
            assertThat(copies.copied(rows, i)).as("query row " + i).isEqualTo(expected[i]);
        }
        assertThat(copies.share(rows)).isEqualTo(4 / 7.0);
    }

    @Test
    void hashedCopiesAgreeWithABruteForceScan() {
        // few distinct values per column, so many rows repeat and many nearly repeat
        RawTable training = coarse(MixedTables.sample(2_000, 21));
        RawTable queries = coarse(MixedTables.sample(2_000, 22));
        TableEncoder encoder = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()));
        EncodedTable t = encoder.encodeReal(training);
        EncodedTable q = encoder.encode(queries);
        GowerSpace space = GowerSpace.over(t);
        GowerRows indexed = space.layout(t);
        GowerRows rows = space.layout(q);
        ExactCopies copies = ExactCopies.over(space, indexed);
        int found = 0;
        for (int i = 0; i < rows.rows; i++) {
            boolean zero = false;
            for (int j = 0; j < indexed.rows && !zero; j++) {
                zero = space.distance(rows, i, indexed, j) == 0;
            }
            assertThat(copies.copied(rows, i)).as("query row " + i).isEqualTo(zero);
            found += zero ? 1 : 0;
        }
        assertThat(found).as("the tables repeat rows, so the test means something").isBetween(100, 1_900);
    }

    @Test
    void tablesOfAnotherSchemaAreRefused() {
        TableEncoder one = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()));
        TableEncoder other = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()));
        EncodedTable t = one.encodeReal(MixedTables.sample(100, 1));
        EncodedTable h = one.encode(MixedTables.sample(100, 2));
        EncodedTable foreign = other.encodeReal(MixedTables.sample(100, 3));
        PrivacyEvaluation.Settings settings = new PrivacyEvaluation.Settings(1, 50, 0, 0, 0, 0, 1);
        assertThatThrownBy(() -> Closeness.of(t, foreign, settings)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Closeness.of(t, null, settings)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Closeness.of(t, h, settings).measure(foreign))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The table with {@code count} of its rows replaced by random rows of {@code source}. */
    private static RawTable withCopies(RawTable table, RawTable source, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            columns.add(Arrays.copyOf(table.column(c), table.rows()));
        }
        for (int k = 0; k < count; k++) {
            int at = r.nextInt(table.rows());
            int from = r.nextInt(source.rows());
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c)[at] = source.column(c)[from];
            }
        }
        return MixedTables.raw(table.names(), columns);
    }

    /** Ages to the decade and incomes to the ten thousand, visits capped: rows repeat. */
    private static RawTable coarse(RawTable table) {
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            columns.add(Arrays.copyOf(table.column(c), table.rows()));
        }
        for (int i = 0; i < table.rows(); i++) {
            String age = columns.get(0)[i];
            columns.get(0)[i] = age == null ? null : Integer.toString(Integer.parseInt(age) / 10 * 10);
            String income = columns.get(1)[i];
            columns.get(1)[i] = income == null ? null
                    : Long.toString(Math.round(Double.parseDouble(income) / 10_000) * 10_000);
            columns.get(4)[i] = Integer.toString(Math.min(3, Integer.parseInt(columns.get(4)[i])));
        }
        return MixedTables.raw(table.names(), columns);
    }
}
