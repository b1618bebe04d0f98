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
    void findsTheSameNeighboursAsAScanInRowOrder(long seed) {
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
        EncodedTable queries = encoder.encode(random(specs, 100, levels, missing, r));
        GowerSpace space = GowerSpace.over(training);
        GowerRows points = space.layout(training);
        GowerRows q = space.layout(queries);
        int k = 1 + r.nextInt(3);
        Neighbours found = VantagePointTree.build(space, points, seed).nearest(q, k, 1 + r.nextInt(3));
        double[] expectedDistances = new double[q.rows * k];
        int[] expectedRows = new int[q.rows * k];
        double[] foundDistances = new double[q.rows * k];
        int[] foundRows = new int[q.rows * k];
        for (int i = 0; i < q.rows; i++) {
            // a scan in row order keeping the k best by (distance, row)
            double[] best = new double[k];
            int[] rows = new int[k];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            Arrays.fill(rows, -1);
            for (int j = 0; j < points.rows; j++) {
                double d = space.distance(q, i, points, j);
                int p = k;
                while (p > 0 && best[p - 1] > d) {
                    p--;
                }
                if (p < k) {
                    System.arraycopy(best, p, best, p + 1, k - p - 1);
                    System.arraycopy(rows, p, rows, p + 1, k - p - 1);
                    best[p] = d;
                    rows[p] = j;
                }
            }
            for (int rank = 0; rank < k; rank++) {
                expectedDistances[i * k + rank] = best[rank];
                expectedRows[i * k + rank] = rows[rank];
                foundDistances[i * k + rank] = found.distance(i, rank);
                foundRows[i * k + rank] = found.row(i, rank);
            }
        }
        assertThat(foundDistances).as("distances, query-major, k = %d", k).containsExactly(expectedDistances);
        assertThat(foundRows).as("rows, query-major, k = %d", k).containsExactly(expectedRows);
    }

    /**
     * A search within a bound per query finds the nearest distance, exactly, whenever it is within the bound (bounds
     * equal to it included: ties must still be seen), and infinity otherwise, whatever the thread count.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSearchWithinABoundFindsTheNearestDistanceWithinIt(long seed) {
        SplittableRandom r = new SplittableRandom(seed + 1_000);
        List<ColumnSpec> specs = List.of(ColumnSpec.of("n0", ColumnKind.DECIMAL), ColumnSpec.of("n1", ColumnKind.DECIMAL),
                ColumnSpec.of("l0", ColumnKind.CATEGORICAL), ColumnSpec.of("l1", ColumnKind.CATEGORICAL));
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        int levels = 2 + r.nextInt(20);
        EncodedTable training = encoder.encodeReal(random(specs, 1 + r.nextInt(600), levels, 0.05, r));
        EncodedTable queries = encoder.encode(random(specs, 200, levels, 0.05, r));
        GowerSpace space = GowerSpace.over(training);
        GowerRows q = space.layout(queries);
        VantagePointTree tree = VantagePointTree.build(space, space.layout(training), seed);
        double[] nearest = tree.nearest(q, 1, 1).nearest();
        double[] bounds = new double[q.rows];
        for (int i = 0; i < bounds.length; i++) { // below, at and above the nearest distance
            bounds[i] = switch (i % 3) {
                case 0 -> nearest[i];
                case 1 -> nearest[i] * r.nextDouble();
                default -> nearest[i] + r.nextDouble() * 0.3;
            };
        }
        double[] within = tree.nearestWithin(q, bounds, 1 + r.nextInt(3));
        int found = 0;
        for (int i = 0; i < q.rows; i++) {
            double expected = nearest[i] <= bounds[i] ? nearest[i] : Double.POSITIVE_INFINITY;
            assertThat(within[i]).as("query %d, bound %s", i, bounds[i]).isEqualTo(expected);
            found += within[i] < Double.POSITIVE_INFINITY ? 1 : 0;
        }
        assertThat(found).as("at and above the nearest distance, all are found").isGreaterThanOrEqualTo(2 * q.rows / 3);
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
