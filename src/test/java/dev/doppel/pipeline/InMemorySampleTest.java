package dev.doppel.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows drawn in memory for model selection are the rows {@code sample} writes with the same seed, each cell as the
 * evaluation reads it back from that CSV file: compared cell by cell (numbers bit for bit, label codes equal) with the
 * file written by {@link Sampling#run} and read back, for copula and tree models, on one and two threads.
 */
class InMemorySampleTest {
    @TempDir
    Path dir;

    /**
     * A table with every evaluated kind: integers, decimals at scale 2 and 3 (negatives near zero, which round to
     * "0.00"), a date, a boolean, labels, a date-time, and missing cells in most columns.
     */
    private static RawTable mixed(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> names = List.of("age", "balance", "rate", "joined", "member", "plan", "city", "seen");
        List<String[]> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns.add(new String[n]);
        }
        String[] plans = {"basic", "plus", "pro"};
        String[] cities = {"north", "south", "east", "west", "centre"};
        for (int i = 0; i < n; i++) {
            int age = 18 + r.nextInt(60);
            double balance = (r.nextDouble() - 0.3) * 5_000 * (age / 40.0);
            columns.get(0)[i] = r.nextDouble() < 0.05 ? null : Integer.toString(age);
            columns.get(1)[i] = r.nextDouble() < 0.05 ? null : String.format(Locale.ROOT, "%.2f", balance);
            columns.get(2)[i] = String.format(Locale.ROOT, "%.3f", r.nextDouble() * 0.02 - 0.005);
            columns.get(3)[i] = r.nextDouble() < 0.03 ? null
                    : java.time.LocalDate.ofEpochDay(17_000 + r.nextInt(2_000) + age).toString();
            columns.get(4)[i] = age > 40 == r.nextDouble() < 0.8 ? "yes" : "no";
            columns.get(5)[i] = r.nextDouble() < 0.04 ? null : plans[(int) Math.min(2, Math.abs(balance) / 1_500)];
            columns.get(6)[i] = cities[r.nextInt(cities.length)];
            columns.get(7)[i] = r.nextDouble() < 0.02 ? null : java.time.LocalDateTime.ofEpochSecond(
                    1_700_000_000L + r.nextInt(30_000_000) + age * 3_600L, 0, java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        List<String> markers = new ArrayList<>();
        names.forEach(x -> markers.add(""));
        return new RawTable("mixed", names, columns, markers, FileDialect.RFC4180, new int[n]);
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 2})
    void aMixedTableDrawnInMemoryEqualsItsFileReadBack(int threads) {
        RawTable table = mixed(3_000, 7);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        Fitting.Masked masked = Fitting.mask(new Fitting.Inspected(table, inferred,
                inferred.stream().map(ColumnProfile::spec).toList()), null, FitSettings.DEFAULTS, null, null);
        assertKinds(masked.specs());
        checkModels(masked, 12_000, threads);
    }

    /** The shared datasets as `fit` learns them (masked), on 2 threads: real spellings, layouts and missing cells. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"telco_churn.csv", "marketing_campaign.tsv", "adult.csv"})
    void aSharedDatasetDrawnInMemoryEqualsItsFileReadBack(String dataset) {
        Path data = TestData.require(dataset);
        Fitting.Inspected inspected = Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null);
        Fitting.Masked masked = Fitting.mask(inspected, null, FitSettings.DEFAULTS, null, null);
        checkModels(masked, 10_000, 2);
    }

    @Test
    void labelsTheRealTableLacksAreCodedInRowOrderAsTheFileWouldBe() {
        RawTable table = mixed(2_000, 11);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        Fitting.Masked masked = Fitting.mask(new Fitting.Inspected(table, inferred,
                inferred.stream().map(ColumnProfile::spec).toList()), null, FitSettings.DEFAULTS, null, null);
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        // the real side holds the first 100 rows only: some labels and most dates are new to it
        RawTable few = HoldoutSplit.rows(masked.table(), java.util.stream.IntStream.range(0, 100).toArray());
        TableEncoder inMemory = encoder(masked, few);
        TableEncoder fromFile = encoder(masked, few);
        assertSame(fromFile(model, 5_000, 3, 2, fromFile), InMemorySample.draw(model, 5_000, 3, 2, inMemory));
    }

    /**
     * Columns the model writes as missing, because too few rows hold a value to learn anything from them without
     * describing those rows (a number in 2 rows, a date in 1): every cell of them is missing, as in the file; beside
     * them a label held by 1 row.
     */
    @Test
    void columnsWrittenAsMissingAreMissing() {
        int n = 400;
        List<String> names = List.of("score", "rare_amount", "when", "tier", "city");
        List<String[]> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns.add(new String[n]);
        }
        String[] cities = {"north", "south", "east"};
        for (int i = 0; i < n; i++) {
            columns.get(0)[i] = Integer.toString(i % 50);
            columns.get(1)[i] = i < 2 ? "424242.5" : null;
            columns.get(2)[i] = i == 7 ? "1999-12-31" : null;
            columns.get(3)[i] = i == 3 ? "gold" : null;
            columns.get(4)[i] = cities[i % 3];
        }
        List<String> markers = new ArrayList<>();
        names.forEach(x -> markers.add(""));
        RawTable table = new RawTable("sparse", names, columns, markers, FileDialect.RFC4180, new int[n]);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        Fitting.Masked masked = Fitting.mask(new Fitting.Inspected(table, inferred,
                inferred.stream().map(ColumnProfile::spec).toList()), null, FitSettings.DEFAULTS, null, null);
        SynthModel model = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        assertEquals(List.of("dev.doppel.model.EmptyColumn"), model.columns().stream()
                .filter(m -> m.name().equals("rare_amount") || m.name().equals("when"))
                .map(m -> m.getClass().getName()).distinct().toList(), "the sparse columns are written as missing");
        TableEncoder inMemory = encoder(masked, masked.table());
        EncodedTable drawn = InMemorySample.draw(model, 3_000, 42, 2, inMemory);
        assertSame(fromFile(model, 3_000, 42, 2, encoder(masked, masked.table())), drawn);
        for (int j = 0; j < drawn.columnCount(); j++) {
            String name = drawn.columns().get(j).name();
            if (name.equals("rare_amount") || name.equals("when")) {
                for (int i = 0; i < drawn.rows(); i++) {
                    assertTrue(drawn.missing(j, i), name + " row " + i);
                }
            }
        }
    }

    private void checkModels(Fitting.Masked masked, int rows, int threads) {
        SynthModel copula = Fitting.fit(masked, FitSettings.DEFAULTS, "test");
        SynthModel tree = TreeFitter.fit(copula, masked.table(), masked.specs(),
                TreeSettings.defaults(FitSettings.DEFAULTS.minGroup()), threads);
        for (SynthModel model : List.of(copula, tree)) {
            TableEncoder inMemory = encoder(masked, masked.table());
            TableEncoder fromFile = encoder(masked, masked.table());
            EncodedTable drawn = InMemorySample.draw(model, rows, 42, threads, inMemory);
            assertEquals(rows, drawn.rows());
            assertSame(fromFile(model, rows, 42, threads, fromFile), drawn);
        }
    }

    private static TableEncoder encoder(Fitting.Masked masked, RawTable real) {
        TableEncoder encoder = new TableEncoder(EvalSchema.of(masked.specs(), masked.plan().roles()));
        encoder.encodeReal(real);
        return encoder;
    }

    private EncodedTable fromFile(SynthModel model, int rows, long seed, int threads, TableEncoder encoder) {
        Path out = dir.resolve("synthetic-" + System.nanoTime() + ".csv");
        Sampling.run(new SampleRequest(model, rows, seed, threads, OutputFormat.CSV, Compression.SNAPPY, out, true),
                Progress.NONE);
        return encoder.encode(TableReaders.read(out, ReadOptions.DEFAULTS));
    }

    private static void assertSame(EncodedTable expected, EncodedTable actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.columnCount(), actual.columnCount());
        for (int j = 0; j < expected.columnCount(); j++) {
            String name = expected.columns().get(j).name();
            if (expected.columns().get(j).numeric()) {
                assertArrayEquals(expected.numbers(j), actual.numbers(j), 0.0, name);
                double[] e = expected.numbers(j);
                double[] a = actual.numbers(j);
                for (int i = 0; i < e.length; i++) { // bit for bit: 0.0 and -0.0 differ here
                    assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]), name + " row " + i);
                }
            } else {
                assertArrayEquals(expected.codes(j), actual.codes(j), name);
            }
        }
    }

    /** The mixed table infers as meant, so each of the encoder's number paths is exercised. */
    private static void assertKinds(List<ColumnSpec> specs) {
        List<String> kinds = specs.stream().map(s -> s.kind() + "/" + s.scale()).toList();
        assertTrue(kinds.get(0).startsWith("INTEGER"), kinds.toString());
        assertEquals("DECIMAL/2", kinds.get(1), kinds.toString());
        assertEquals("DECIMAL/3", kinds.get(2), kinds.toString());
        assertTrue(kinds.get(3).startsWith("DATE/"), kinds.toString());
        assertTrue(kinds.get(4).startsWith("BOOLEAN"), kinds.toString());
        assertTrue(kinds.get(5).startsWith("CATEGORICAL") && kinds.get(6).startsWith("CATEGORICAL"),
                kinds.toString());
        assertTrue(kinds.get(7).startsWith("DATETIME"), kinds.toString());
    }
}
