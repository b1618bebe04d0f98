package dev.doppel.evaluate.utility;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.RowReader;
import dev.doppel.io.TableReaders;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: how long the utility measures take at the sizes {@code doppel evaluate} meets. bank_marketing.csv
 * (45,211 rows) is cut at random into real training rows (80%) and real test rows (20%); a synthetic-like table of
 * {@code rows} rows (default 1,000,000) is made by resampling training rows with noise (numbers plus 0.1 sd of normal
 * noise, rounded; each label swapped for another row's with probability 5%) and written as CSV. Timed: reading and
 * encoding both tables through the same path evaluate uses, {@link Propensity#measure} and {@link MlEfficacy#measure}
 * (targets {@code y}, two classes; {@code balance}, a regression; {@code job}, twelve classes), twice each with 2 threads and with 1
 * (the first pass includes JIT warm-up).
 *
 * <p>Run: {@code bench/utility.sh [rows]}.
 */
public final class UtilityBench {
    private UtilityBench() {}

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path bank = TestData.folder().resolve("bank_marketing.csv");
        if (!Files.isRegularFile(bank)) {
            System.out.println("skipped: bank_marketing.csv not found in the shared data folder");
            return;
        }
        RawTable all = TableReaders.read(bank, ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(all, Map.of()).stream().map(ColumnProfile::spec).toList();
        int[] order = Tables.shuffled(all.rows(), 2026);
        int cut = all.rows() * 4 / 5;
        RawTable train = Tables.rows(all, Tables.slice(order, 0, cut));
        RawTable test = Tables.rows(all, Tables.slice(order, cut, all.rows()));
        Path synthetic = Files.createTempFile("utility-bench", ".csv");
        try {
            writeSyntheticLike(train, specs, rows, synthetic);
            System.out.printf(Locale.ROOT, "real %d train / %d test rows, synthetic %d rows (%.0f MB CSV), %d cores%n",
                    train.rows(), test.rows(), rows, Files.size(synthetic) / 1e6,
                    Runtime.getRuntime().availableProcessors());
            for (int threads : new int[] {2, 1, 2, 1}) { // the first pass also warms the JIT
                run(specs, train, test, synthetic, threads);
            }
        } finally {
            Files.deleteIfExists(synthetic);
        }
    }

    private static void run(List<ColumnSpec> specs, RawTable train, RawTable test, Path synthetic, int threads) {
        long t0 = System.nanoTime();
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        EncodedTable real = encoder.encodeReal(train);
        EncodedTable holdout = encoder.encode(test);
        EncodedTable synth;
        try (RowReader reader = TableReaders.open(synthetic, ReadOptions.DEFAULTS)) {
            synth = encoder.encode(reader, Integer.MAX_VALUE);
        }
        long t1 = System.nanoTime();
        QualityScores.Propensity p = Propensity.measure(real, synth, 42, Propensity.MAX_ROWS_PER_SIDE, threads);
        long t2 = System.nanoTime();
        QualityScores.MlEfficacy y = MlEfficacy.measure(real, synth, holdout, "y", 42, MlEfficacy.MAX_TRAINING_ROWS,
                threads);
        long t3 = System.nanoTime();
        QualityScores.MlEfficacy balance = MlEfficacy.measure(real, synth, holdout, "balance", 42,
                MlEfficacy.MAX_TRAINING_ROWS, threads);
        long t4 = System.nanoTime();
        QualityScores.MlEfficacy job = MlEfficacy.measure(real, synth, holdout, "job", 42,
                MlEfficacy.MAX_TRAINING_ROWS, threads);
        long t5 = System.nanoTime();
        System.out.printf(Locale.ROOT, "threads %d: read+encode %.2f s | propensity %.2f s (N %d, k %d, pMSE %.5f,"
                        + " S_pMSE %.1f, AUC %.3f) | TSTR y %.2f s (macro F1 synth %.3f real %.3f) | TSTR balance"
                        + " %.2f s (R2 synth %.3f real %.3f) | TSTR job %.2f s (12 classes, macro F1 synth %.3f real %.3f)"
                        + " | utility total %.2f s%n",
                threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, p.rows(), p.parameters(), p.pmse(), p.sPmse(), p.auc(),
                (t3 - t2) / 1e9, y.synthetic(), y.real(), (t4 - t3) / 1e9, balance.synthetic(), balance.real(),
                (t5 - t4) / 1e9, job.synthetic(), job.real(), (t5 - t1) / 1e9);
    }

    /** Resampled training rows with noise, written as plain comma-separated text. */
    private static void writeSyntheticLike(RawTable train, List<ColumnSpec> specs, int rows, Path out)
            throws IOException {
        int d = train.columnCount();
        double[] sd = new double[d];
        boolean[] numeric = new boolean[d];
        for (int c = 0; c < d; c++) {
            numeric[c] = specs.get(c).kind().numeric();
            if (numeric[c]) {
                double[] x = new double[train.rows()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Double.parseDouble(train.column(c)[i]);
                }
                sd[c] = Features.meanAndSd(x)[1];
            }
        }
        SplittableRandom rnd = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(String.join(",", train.names()));
            w.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (int r = 0; r < rows; r++) {
                int source = rnd.nextInt(train.rows());
                line.setLength(0);
                for (int c = 0; c < d; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    String cell = train.column(c)[source];
                    if (numeric[c]) {
                        line.append(Math.round(Double.parseDouble(cell) + 0.1 * sd[c] * Population.normal(rnd)));
                    } else {
                        line.append(rnd.nextDouble() < 0.05 ? train.column(c)[rnd.nextInt(train.rows())] : cell);
                    }
                }
                line.append('\n');
                w.write(line.toString());
            }
        }
    }
}
