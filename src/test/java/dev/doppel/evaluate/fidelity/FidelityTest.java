package dev.doppel.evaluate.fidelity;

import static dev.doppel.evaluate.EvalTables.encode;
import static dev.doppel.evaluate.EvalTables.ints;
import static dev.doppel.evaluate.EvalTables.numbers;
import static dev.doppel.evaluate.EvalTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.PairScore;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SDMetrics' quality-report definitions on tables whose scores can be worked out by hand. */
class FidelityTest {
    private static final List<ColumnSpec> NUM_LABEL =
            List.of(ColumnSpec.of("x", ColumnKind.INTEGER), ColumnSpec.of("c", ColumnKind.CATEGORICAL));

    @Test
    void identicalTablesScoreOne() {
        var t = table("x", ints(1, 5, 3, 8, 2, 9), "c", new String[] {"a", "b", "a", "c", "b", "a"});
        EncodedTable[] e = encode(NUM_LABEL, t, t);
        QualityScores q = Fidelity.score(e[0], e[1]).scores();
        assertThat(q.overall()).isEqualTo(1.0);
        assertThat(q.columnShapes()).isEqualTo(1.0);
        assertThat(q.columnPairTrends()).isEqualTo(1.0);
        assertThat(q.missingValues()).isEqualTo(1.0);
    }

    @Test
    void disjointCategoriesScoreZero() {
        List<ColumnSpec> specs = List.of(ColumnSpec.of("c", ColumnKind.CATEGORICAL));
        EncodedTable[] e = encode(specs, table("c", new String[] {"a", "b", "a"}), table("c", new String[] {"x", "y"}));
        QualityScores q = Fidelity.score(e[0], e[1]).scores();
        assertThat(q.columns().get("c").metric()).isEqualTo("TVComplement");
        assertThat(q.columns().get("c").score()).isEqualTo(0.0);
        assertThat(q.columnPairTrends()).isNaN(); // one column: no pairs
        assertThat(q.overall()).isEqualTo(0.0);
    }

    @Test
    void shiftedUniformGivesTheKnownKs() {
        // 0..99 against 10..109: the empirical CDFs differ by at most 10/100
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.INTEGER));
        EncodedTable[] e = encode(specs, table("x", ints(IntStream.range(0, 100).toArray())),
                table("x", ints(IntStream.range(10, 110).toArray())));
        assertThat(Fidelity.score(e[0], e[1]).scores().columns().get("x").score()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void tvComplementByHand() {
        // real a:1/2 b:1/4 c:1/4; synthetic a:1/4 b:1/4 d:1/2 → TV = ½(1/4 + 0 + 1/4 + 1/2) = 1/2; missing cells left out
        List<ColumnSpec> specs = List.of(ColumnSpec.of("c", ColumnKind.CATEGORICAL));
        EncodedTable[] e = encode(specs, table("c", new String[] {"a", "a", "b", "c"}),
                table("c", new String[] {"a", "b", "d", "d", null}));
        QualityScores.ColumnScore s = Fidelity.score(e[0], e[1]).scores().columns().get("c");
        assertThat(s.score()).isCloseTo(0.5, within(1e-12));
        assertThat(s.realMissing()).isEqualTo(0.0);
        assertThat(s.syntheticMissing()).isCloseTo(0.2, within(1e-12));
        assertThat(s.missingSimilarity()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void correlationSimilarityFromKnownCorrelations() {
        // real: y = x (r = 1); synthetic: y = -x (r = -1) → 1 - |1 - (-1)| / 2 = 0
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.DECIMAL), ColumnSpec.of("y", ColumnKind.DECIMAL));
        EncodedTable[] e = encode(specs, table("x", numbers(1, 2, 3, 4), "y", numbers(1, 2, 3, 4)),
                table("x", numbers(1, 2, 3, 4), "y", numbers(4, 3, 2, 1)));
        PairScore p = Fidelity.score(e[0], e[1]).scores().pairs().get(0);
        assertThat(p.metric()).isEqualTo("CorrelationSimilarity");
        assertThat(p.real()).isCloseTo(1, within(1e-12));
        assertThat(p.synthetic()).isCloseTo(-1, within(1e-12));
        assertThat(p.score()).isCloseTo(0, within(1e-12));
    }

    @Test
    void correlationSimilarityRecoversASampledCorrelation() {
        // bivariate normals with rho 0.6 and 0.2: similarity 1 - 0.4/2 = 0.8, within 4 standard errors of r at n=20k
        int n = 20_000;
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.DECIMAL), ColumnSpec.of("y", ColumnKind.DECIMAL));
        EncodedTable[] e = encode(specs, correlated(n, 0.6, 1), correlated(n, 0.2, 2));
        PairScore p = Fidelity.score(e[0], e[1]).scores().pairs().get(0);
        double se = (1 - 0.2 * 0.2) / Math.sqrt(n); // the larger standard error of the two
        assertThat(p.real()).isCloseTo(0.6, within(4 * se));
        assertThat(p.synthetic()).isCloseTo(0.2, within(4 * se));
        assertThat(p.score()).isCloseTo(0.8, within(4 * se));
    }

    @Test
    void contingencySimilarityByHand() {
        // real: (a, x) (a, x) (b, y) (b, y); synthetic: (a, y) (b, x) (a, x) (b, y): real cells {ax: 1/2, by: 1/2},
        // synthetic {ay, bx, ax, by: 1/4 each} → TV = ½(1/4 + 1/4 + 1/4 + 1/4) = 1/2
        List<ColumnSpec> specs =
                List.of(ColumnSpec.of("c", ColumnKind.CATEGORICAL), ColumnSpec.of("d", ColumnKind.CATEGORICAL));
        EncodedTable[] e = encode(specs,
                table("c", new String[] {"a", "a", "b", "b"}, "d", new String[] {"x", "x", "y", "y"}),
                table("c", new String[] {"a", "b", "a", "b"}, "d", new String[] {"y", "x", "x", "y"}));
        PairScore p = Fidelity.score(e[0], e[1]).scores().pairs().get(0);
        assertThat(p.metric()).isEqualTo("ContingencySimilarity");
        assertThat(p.score()).isCloseTo(0.5, within(1e-12));
        assertThat(p.real()).isCloseTo(1, within(1e-12)); // Cramér's V of a perfect association
        assertThat(p.synthetic()).isCloseTo(0, within(1e-12)); // of independence
    }

    @Test
    void numbersAreBinnedOverTheRealRangeWithMissingAsAValue() {
        // real x over 0..10 → bins of width 1, right-closed: 0.5 in bin 0, 9.5 in bin 9; synthetic 100 falls in the
        // open last bin; a missing x is a value of its own, so (missing, a) differs from (bin 0, a)
        List<ColumnSpec> specs =
                List.of(ColumnSpec.of("x", ColumnKind.DECIMAL), ColumnSpec.of("c", ColumnKind.CATEGORICAL));
        EncodedTable[] e = encode(specs,
                table("x", numbers(0, 10, 0.5, 9.5), "c", new String[] {"a", "b", "a", "b"}),
                table("x", numbers(0.2, 100, Double.NaN, 9.9), "c", new String[] {"a", "b", "a", "b"}));
        PairScore p = Fidelity.score(e[0], e[1]).scores().pairs().get(0);
        // real cells: (0,a) ×2, (9,b) ×2; synthetic: (0,a), (9,b) ×2, (missing,a) → TV = ½(1/4 + 0 + 1/4) = 1/4
        assertThat(p.score()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void scoresDoNotDependOnTheThreadCount() {
        List<ColumnSpec> specs = List.of(ColumnSpec.of("x", ColumnKind.DECIMAL), ColumnSpec.of("y", ColumnKind.DECIMAL));
        EncodedTable[] e = encode(specs, correlated(5000, 0.5, 3), correlated(5000, 0.4, 4));
        QualityScores parallel = Fidelity.score(e[0], e[1]).scores();
        QualityScores serial = new java.util.concurrent.ForkJoinPool(1).submit(() -> Fidelity.score(e[0], e[1]).scores())
                .join();
        assertThat(serial.overall()).isEqualTo(parallel.overall());
        assertThat(serial.pairs()).isEqualTo(parallel.pairs());
    }

    private static dev.doppel.table.RawTable correlated(int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = gaussian(r);
            double b = gaussian(r);
            x[i] = a;
            y[i] = rho * a + Math.sqrt(1 - rho * rho) * b;
        }
        return table("x", numbers(x), "y", numbers(y));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
