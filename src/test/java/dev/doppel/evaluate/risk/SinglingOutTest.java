package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.risk.Predicate.Op;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinglingOutTest {
    private static final List<String> NAMES = List.of("x", "c");

    private static EncodedTable table() {
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.INTEGER),
                ColumnSpec.of("c", ColumnKind.CATEGORICAL));
        // x: 1 1 2 3 3 -  (min 1 twice, max 3 twice, 2 alone, one missing)
        // c: a a a b b c  (c alone)
        return new TableEncoder(EvalSchema.of(specs, Map.of())).encodeReal(MixedTables.raw(NAMES, List.of(
                new String[] {"1", "1", "2", "3", "3", null}, new String[] {"a", "a", "a", "b", "b", "c"})));
    }

    @Test
    void univariatePredicatesAreTheRareValuesAndTheLoneMissingCell() {
        EncodedTable t = table();
        List<Predicate> found = SinglingOut.univariate(t, 100, 1);
        int codeOfC = t.codes(1)[5];
        assertThat(new HashSet<>(found)).containsExactlyInAnyOrder(
                Predicate.of(0, Op.MISSING, 0), Predicate.of(0, Op.EQUALS, 2), Predicate.of(1, Op.EQUALS, codeOfC));
        for (Predicate p : found) {
            assertThat(p.countUpToTwo(t)).as(p.toString()).isEqualTo(1);
        }
        assertThat(SinglingOut.univariate(t, 2, 1)).hasSize(2);
    }

    @Test
    void conditionsCompareAsWritten() {
        EncodedTable t = table();
        assertThat(Predicate.of(0, Op.AT_MOST, 1).countUpToTwo(t)).isEqualTo(2);
        assertThat(Predicate.of(0, Op.AT_LEAST, 3).countUpToTwo(t)).isEqualTo(2);
        assertThat(Predicate.of(new int[] {0, 1}, new Op[] {Op.AT_LEAST, Op.EQUALS}, new double[] {2, t.codes(1)[0]})
                .countUpToTwo(t)).isEqualTo(1);
        // a missing cell never equals a value, nor meets a comparison
        assertThat(Predicate.of(0, Op.AT_MOST, Double.POSITIVE_INFINITY).countUpToTwo(t)).isEqualTo(2);
        assertThat(Predicate.of(1, Op.EQUALS, EncodedTable.MISSING).countUpToTwo(t)).isZero();
    }

    @Test
    void multivariatePredicatesSingleOutOneRowEachAndRepeatNone() {
        EncodedTable t = new TableEncoder(EvalSchema.of(MixedTables.SPECS, Map.of()))
                .encodeReal(MixedTables.sample(400, 5));
        List<Predicate> found = SinglingOut.multivariate(t, 50, new HashSet<>(), 9, 2);
        assertThat(found).hasSize(50).doesNotHaveDuplicates();
        for (Predicate p : found) {
            assertThat(p.countUpToTwo(t)).isEqualTo(1);
        }
        assertThat(SinglingOut.multivariate(t, 50, new HashSet<>(), 9, 1)).isEqualTo(found);
    }

    @Test
    void predicatesNeverPrintValues() {
        assertThat(Predicate.of(0, Op.EQUALS, 123456.0).toString()).doesNotContain("123456");
    }
}
