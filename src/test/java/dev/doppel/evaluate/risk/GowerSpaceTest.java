package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GowerSpaceTest {
    private static final double EPS = 1e-12;

    /** Training x in {0, 10, 5} (range 10), c in {a, b, a}, k constant 7; queries written by hand below. */
    private static EncodedTable[] tables(String[] x, String[] c, String[] k) {
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.DECIMAL), ColumnSpec.of("c",
                ColumnKind.CATEGORICAL), ColumnSpec.of("k", ColumnKind.INTEGER));
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        EncodedTable training = encoder.encodeReal(MixedTables.raw(List.of("x", "c", "k"), List.of(
                new String[] {"0", "10", "5"}, new String[] {"a", "b", "a"}, new String[] {"7", "7", "7"})));
        EncodedTable other = encoder.encode(MixedTables.raw(List.of("x", "c", "k"), List.of(x, c, k)));
        return new EncodedTable[] {training, other};
    }

    private static double distance(EncodedTable[] t, int trainingRow, int otherRow) {
        GowerSpace space = GowerSpace.over(t[0]);
        return space.distance(space.layout(t[0]), trainingRow, space.layout(t[1]), otherRow);
    }

    @Test
    void averagesScaledNumberDifferencesAndLabelMismatches() {
        EncodedTable[] t = tables(new String[] {"5", "10", "2.5"}, new String[] {"b", "a", "a"},
                new String[] {"7", "7", "7"});
        // row 0 (0, a, 7) vs (5, b, 7): (0.5 + 1 + 0) / 3
        assertThat(distance(t, 0, 0)).isCloseTo(0.5, within(EPS));
        // (0, a, 7) vs (10, a, 7): (1 + 0 + 0) / 3
        assertThat(distance(t, 0, 1)).isCloseTo(1.0 / 3, within(EPS));
        // (5, a, 7) vs (2.5, a, 7): 0.25 / 3
        assertThat(distance(t, 2, 2)).isCloseTo(0.25 / 3, within(EPS));
        // (10, b, 7) vs (5, b, 7): 0.5 / 3
        assertThat(distance(t, 1, 0)).isCloseTo(0.5 / 3, within(EPS));
    }

    @Test
    void capsNumbersBeyondTheTrainingRangeAtOne() {
        EncodedTable[] t = tables(new String[] {"30", "-50"}, new String[] {"a", "a"}, new String[] {"7", "7"});
        assertThat(distance(t, 0, 0)).isCloseTo(1.0 / 3, within(EPS));
        // (0, a, 7) vs (-50, a, 7): 50 / 10 capped at 1
        assertThat(distance(t, 0, 1)).isCloseTo(1.0 / 3, within(EPS));
        // (10, b, 7) vs (-50, a, 7): capped 1 + mismatch 1
        assertThat(distance(t, 1, 1)).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void missingIsZeroFromMissingAndOneFromAValue() {
        EncodedTable[] t = tables(new String[] {null, null}, new String[] {null, "a"}, new String[] {"7", null});
        // (0, a, 7) vs (-, -, 7): 1 + 1 + 0
        assertThat(distance(t, 0, 0)).isCloseTo(2.0 / 3, within(EPS));
        // (-, a, -) vs itself: 0
        GowerSpace space = GowerSpace.over(t[0]);
        GowerRows rows = space.layout(t[1]);
        assertThat(space.distance(rows, 1, rows, 1)).isZero();
        assertThat(space.distance(rows, 0, rows, 1)).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void measuresAColumnWithoutARangeInItsOwnUnits() {
        // k is 7 in every training row: range taken as 1, so 7 vs 7.5 is 0.5 and 7 vs 9 is capped at 1
        EncodedTable[] t = tables(new String[] {"0", "0"}, new String[] {"a", "a"}, new String[] {"7.5", "9"});
        assertThat(distance(t, 0, 0)).isCloseTo(0.5 / 3, within(EPS));
        assertThat(distance(t, 0, 1)).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void boundedDistanceIsExactUpToTheBoundAndAboveItBeyond() {
        EncodedTable[] t = tables(new String[] {"5", "10", "2.5"}, new String[] {"b", "a", "a"},
                new String[] {"7", "7", "7"});
        GowerSpace space = GowerSpace.over(t[0]);
        GowerRows a = space.layout(t[0]);
        GowerRows b = space.layout(t[1]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double d = space.distance(a, i, b, j);
                assertThat(space.distanceAtMost(a, i, b, j, d)).isEqualTo(d);
                assertThat(space.distanceAtMost(a, i, b, j, 1)).isEqualTo(d);
                if (d > 0) {
                    assertThat(space.distanceAtMost(a, i, b, j, d / 2)).isGreaterThan(d / 2);
                }
            }
        }
    }

    @Test
    void overASubsetAveragesOnlyItsColumns() {
        EncodedTable[] t = tables(new String[] {"5"}, new String[] {"b"}, new String[] {"7"});
        GowerSpace space = GowerSpace.over(t[0], new int[] {1});
        assertThat(space.columnCount()).isEqualTo(1);
        assertThat(space.distance(space.layout(t[0]), 0, space.layout(t[1]), 0)).isEqualTo(1.0);
        assertThat(space.range(0)).isNaN();
        assertThatThrownBy(() -> GowerSpace.over(t[0], new int[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
