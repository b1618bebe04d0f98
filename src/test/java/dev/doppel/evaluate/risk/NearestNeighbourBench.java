package dev.doppel.evaluate.risk;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: how fast the vantage-point tree finds the two nearest training rows of 10,000 query rows, against
 * bank_marketing's 45,211 rows and against 100,000 rows made from them, compared with a brute-force scan (timed on
 * 500 queries and scaled up). Query rows are "synthetic-like": a real row with each cell replaced, with probability
 * 0.3, by the same column's cell of another random row (so they are near, but rarely equal to, real rows). The
 * 100,000-row table is made the same way. Prints timings, distances computed per query and whether the tree agreed
 * with the scan; then times the whole evaluation with default settings. Run: {@code bench/privacy.sh}.
 */
public final class NearestNeighbourBench {
    private static final int QUERIES = 10_000;
    private static final int BRUTE_QUERIES = 500;
    private static final int REPEAT = 3;

    private NearestNeighbourBench() {}

    public static void main(String[] args) {
        Path file = TestData.folder().resolve("bank_marketing.csv");
        if (!Files.isRegularFile(file)) {
            System.out.println("skipped: bank_marketing.csv not found in " + TestData.folder());
            return;
        }
        RawTable real = TableReaders.read(file, ReadOptions.DEFAULTS);
        List<ColumnProfile> profiles = SchemaInference.infer(real, Map.of());
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "bank_marketing: %d rows, %d columns; %d cores%n", real.rows(),
                real.columnCount(), cores);
        System.out.printf(Locale.ROOT, "%-9s %8s %9s %9s %9s %12s %12s %6s%n", "training", "build s", "query 1t",
                "query 2t", "dist/q", "brute 1t est", "speed-up 1t", "agree");
        for (int size : new int[] {real.rows(), 100_000}) {
            EvalSchema schema = EvalSchema.of(profiles.stream().map(ColumnProfile::spec).toList(), Map.of());
            TableEncoder encoder = new TableEncoder(schema);
            RawTable trainingRaw = size == real.rows() ? real : mixed(real, size, 11);
            EncodedTable training = encoder.encodeReal(trainingRaw);
            EncodedTable queries = encoder.encode(mixed(real, QUERIES, 12));
            run(training, queries, cores);
        }
        endToEnd(real, profiles);
    }

    /**
     * The whole evaluation with default settings: bank_marketing split at random into training and hold-out halves,
     * 45,211 mixed rows as the synthetic table (10,000 of them measured).
     */
    private static void endToEnd(RawTable real, List<ColumnProfile> profiles) {
        int[] order = dev.doppel.evaluate.RowSampling.positions(real.rows(), real.rows(), 0);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int half = real.rows() / 2;
        EvalSchema schema = EvalSchema.of(profiles.stream().map(ColumnProfile::spec).toList(), Map.of());
        TableEncoder encoder = new TableEncoder(schema);
        EncodedTable all = encoder.encodeReal(real);
        EncodedTable training = all.select(Arrays.copyOfRange(order, 0, half));
        EncodedTable holdout = all.select(Arrays.copyOfRange(order, half, order.length));
        EncodedTable synthetic = encoder.encode(mixed(real, real.rows(), 13));
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            double best = Double.POSITIVE_INFINITY;
            for (int repeat = 0; repeat < 2; repeat++) {
                long t0 = System.nanoTime();
                PrivacyEvaluation.measure(training, synthetic, holdout,
                        PrivacyEvaluation.Settings.defaults(1).withThreads(threads));
                best = Math.min(best, seconds(t0));
            }
            System.out.printf(Locale.ROOT, "whole evaluation, defaults, %,d training / %,d hold-out / %,d synthetic "
                    + "rows, %d thread(s): %.2f s%n", training.rows(), holdout.rows(), synthetic.rows(), threads, best);
        }
    }

    private static void run(EncodedTable training, EncodedTable queryTable, int cores) {
        GowerSpace space = GowerSpace.over(training);
        GowerRows points = space.layout(training);
        GowerRows queries = space.layout(queryTable);
        long t0 = System.nanoTime();
        VantagePointTree tree = VantagePointTree.build(space, points, 1);
        double build = seconds(t0);
        tree.nearest(queries.select(range(1000)), 2, cores); // warm-up
        Neighbours one = null;
        Neighbours two = null;
        double q1 = Double.POSITIVE_INFINITY;
        double q2 = Double.POSITIVE_INFINITY;
        for (int repeat = 0; repeat < REPEAT; repeat++) { // best of REPEAT: the machine may be shared
            t0 = System.nanoTime();
            one = tree.nearest(queries, 2, 1);
            q1 = Math.min(q1, seconds(t0));
            t0 = System.nanoTime();
            two = tree.nearest(queries, 2, Math.max(2, cores));
            q2 = Math.min(q2, seconds(t0));
        }
        t0 = System.nanoTime();
        boolean agree = true;
        for (int q = 0; q < BRUTE_QUERIES; q++) {
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int i = 0; i < points.rows; i++) {
                double d = space.distance(queries, q, points, i);
                if (d < best) {
                    second = best;
                    best = d;
                } else if (d < second) {
                    second = d;
                }
            }
            agree &= best == one.distance(q, 0) && second == one.distance(q, 1)
                    && best == two.distance(q, 0) && second == two.distance(q, 1);
        }
        double brute = seconds(t0) * QUERIES / BRUTE_QUERIES;
        System.out.printf(Locale.ROOT, "%-9d %8.2f %9.2f %9.2f %9.0f %12.1f %11.1fx %6s%n", training.rows(), build, q1,
                q2, (double) one.distanceCount() / QUERIES, brute, brute / q1, agree ? "yes" : "NO");
    }

    /** Rows made from real rows, each cell swapped with probability 0.3 for another random row's cell. */
    static RawTable mixed(RawTable real, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = real.rows();
        List<String[]> columns = new ArrayList<>();
        for (int j = 0; j < real.columnCount(); j++) {
            columns.add(new String[rows]);
        }
        for (int i = 0; i < rows; i++) {
            int base = random.nextInt(n);
            for (int j = 0; j < real.columnCount(); j++) {
                int from = random.nextDouble() < 0.3 ? random.nextInt(n) : base;
                columns.get(j)[i] = real.column(j)[from];
            }
        }
        List<String> markers = new ArrayList<>(real.missingMarkers());
        return new RawTable("mixed", real.names(), columns, markers, real.dialect(), new int[rows]);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
