package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VantagePointTreeTest {

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /**
     * Random mixed tables with few distinct values per column (so many ties and exact duplicates), a random share
     * of missing cells and a random number of columns: the tree must return what a scan in row order returns.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void findsTheSameNeighboursAsABruteForceScan(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int numbers = r.nextInt(4);
        int labels = 1 + r.nextInt(4);
        List<ColumnSpec> specs = new ArrayList<>();
        for (int j = 0; j < numbers; j++) {
            specs.add(ColumnSpec.of("n" + j, ColumnKind.DECIMAL));
        }
        for (int j = 0; j < labels; j++) {
            specs.add(ColumnSpec.of("l" + j, ColumnKind.CATEGORICAL));
        }
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        double missing = r.nextDouble() * 0.2;
        int levels = 2 + r.nextInt(30);
        EncodedTable training = encoder.encodeReal(random(specs, 1 + r.nextInt(700), levels, missing, r));
        EncodedTable queries = encoder.encode(random(specs, 150, levels, missing, r));
        GowerSpace space = GowerSpace.over(training);
        GowerRows points = space.layout(training);
        GowerRows q = space.layout(queries);
        int k = 1 + r.nextInt(3);
        Neighbours found = VantagePointTree.build(space, points, seed).nearest(q, k, 1 + r.nextInt(3));
        for (int i = 0; i < q.rows; i++) {
            Integer[] order = new Integer[points.rows];
            Arrays.setAll(order, j -> j);
            int query = i;
            double[] d = new double[points.rows];
            Arrays.setAll(d, j -> space.distance(q, query, points, j));
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> d[j]).thenComparingInt(j -> j));
            for (int rank = 0; rank < k; rank++) {
                if (rank < points.rows) {
                    assertThat(found.distance(i, rank)).as("query %d rank %d", i, rank).isEqualTo(d[order[rank]]);
                    assertThat(found.row(i, rank)).as("query %d rank %d", i, rank).isEqualTo(order[rank]);
                } else {
                    assertThat(found.distance(i, rank)).isInfinite();
                    assertThat(found.row(i, rank)).isEqualTo(-1);
                }
            }
        }
    }

    private static RawTable random(List<ColumnSpec> specs, int n, int levels, double missing, SplittableRandom r) {
        List<String[]> columns = new ArrayList<>();
        for (ColumnSpec spec : specs) {
            String[] cells = new String[n];
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() < missing) {
                    continue;
                }
                cells[i] = spec.kind() == ColumnKind.DECIMAL
                        ? Double.toString(r.nextInt(levels) * 0.37 + (r.nextDouble() < 0.3 ? r.nextDouble() : 0))
                        : "v" + r.nextInt(levels);
            }
            columns.add(cells);
        }
        return MixedTables.raw(specs.stream().map(ColumnSpec::name).toList(), columns);
    }
}
