package dev.doppel.quality;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.fidelity.Fidelity;
import dev.doppel.evaluate.risk.PrivacyEvaluation;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: the way Doppel is judged, with the evaluation's own SDMetrics-compatible scores
 * ({@link Fidelity}) and privacy measures ({@link PrivacyEvaluation}). Each dataset is split at random into halves A
 * and B; the model is fitted on A (no masking), sampled to |A| rows and scored against A; B scored against A is the
 * "fresh real sample" reference. Privacy of the synthetic rows is measured with B as the hold-out.
 *
 * <p>Run: {@code bench/quality.sh}.
 */
public final class QualityScoreBench {
    private QualityScoreBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%-24s %7s %7s %7s | %7s %7s %7s | %6s %7s %8s %8s%n", "dataset", "shapes",
                "pairs", "quality", "B shap.", "B pairs", "B qual.", "DCR sh", "copies", "B copies", "max risk");
        for (String name : TestData.ALL) {
            Path file = TestData.folder().resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            RawTable all = TableReaders.read(file, ReadOptions.DEFAULTS);
            List<ColumnSpec> specs = SchemaInference.infer(all, Map.of()).stream().map(ColumnProfile::spec).toList();
            int[] order = shuffled(all.rows(), 2026);
            RawTable a = subset(all, order, 0, all.rows() / 2);
            RawTable b = subset(all, order, all.rows() / 2, all.rows());
            SynthModel model = CopulaFitter.fit(a, specs, FitSettings.DEFAULTS, "bench");
            Path out = Files.createTempFile("quality", ".csv");
            Sampling.run(new SampleRequest(model, a.rows(), 42, 2, OutputFormat.CSV, Compression.SNAPPY, out, true),
                    Progress.NONE);
            RawTable synth = TableReaders.read(out, ReadOptions.DEFAULTS);
            Files.deleteIfExists(out);

            TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
            EncodedTable ea = encoder.encodeReal(a);
            EncodedTable eb = encoder.encode(b);
            EncodedTable es = encoder.encode(synth);
            QualityScores s = Fidelity.score(ea, es).scores();
            QualityScores r = Fidelity.score(ea, eb).scores();
            PrivacyScores p = PrivacyEvaluation.measure(ea, es, eb, PrivacyEvaluation.Settings.defaults(7));
            double risk = Math.max(p.singlingOut().risk(), p.linkability().risk());
            for (PrivacyScores.AttackResult i : p.inference()) {
                risk = Math.max(risk, i.risk());
            }
            System.out.printf(Locale.ROOT, "%-24s %7.3f %7.3f %7.3f | %7.3f %7.3f %7.3f | %6.3f %7.4f %8.4f %8.3f%n",
                    name, s.columnShapes(), s.columnPairTrends(), s.overall(), r.columnShapes(), r.columnPairTrends(),
                    r.overall(), p.dcrShare(), p.exactCopyRate(), p.holdoutExactCopyRate(), risk);
        }
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static RawTable subset(RawTable t, int[] order, int from, int to) {
        List<String[]> cols = new ArrayList<>();
        for (int c = 0; c < t.columnCount(); c++) {
            String[] src = t.column(c);
            String[] dst = new String[to - from];
            for (int i = from; i < to; i++) {
                dst[i - from] = src[order[i]];
            }
            cols.add(dst);
        }
        int[] lines = new int[to - from];
        for (int i = from; i < to; i++) {
            lines[i - from] = t.lineOf(order[i]);
        }
        return new RawTable(t.source(), t.names(), cols, t.missingMarkers(), t.dialect(), lines);
    }
}
