package dev.doppel.quality;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.fidelity.Fidelity;
import dev.doppel.evaluate.risk.DcrConventions;
import dev.doppel.evaluate.risk.PrivacyEvaluation;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.pipeline.CopyGuard;
import dev.doppel.pipeline.Fitting;
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
 * "fresh real sample" reference. Privacy of the synthetic rows is measured with B as the hold-out. The DCR share is
 * printed twice: "DCR sh" is Doppel's (ties count half), the last column "DCR sdm" SDMetrics' DCROverfittingProtection
 * convention (only rows strictly nearer training count), see {@link DcrConventions}.
 *
 * <p>Each half's synthetic rows are drawn with their own seed (split seed + 42): with one seed for every split, the
 * same random numbers went through every half's model, and on the small tables that luck favoured one model by up to
 * 0.015 over 20 halves.
 *
 * <p>Run: {@code bench/quality.sh}. Settings (environment): SPLITS (halves per dataset, default 1), SPLIT_FROM (the
 * first split's index, default 0: split i is drawn with seed 2026 + i), SAMPLES (synthetic samples scored per split and
 * model, a line each, default 1: more average out the sampling noise, which on mall_customers is most of a pair
 * score's spread), DATASETS (file names, comma-separated), MODELS (copula,tree), DETAIL (print every column and pair
 * score), ROWS (split a random ROWS of the table's rows into the halves, to try small tables; default all),
 * SYNTH_ROWS (rows sampled; default |A|), MIN_GROUP (k), MASK (1: fit as {@code doppel run} does by default,
 * with detection's masking plan, so direct identifiers are made up instead of learned), GUARD (1: sample as
 * {@code doppel run} does, redrawing rows that copy a rare training row, see {@link CopyGuard}), and the tree's MIN_LEAF,
 * MAX_DEPTH, SMOOTHING, SIGNIFICANCE.
 */
public final class QualityScoreBench {
    private QualityScoreBench() {}

    public static void main(String[] args) throws Exception {
        List<String> models = List.of(System.getenv().getOrDefault("MODELS", "copula,tree").split(","));
        TreeSettings tree = treeSettings();
        FitSettings fit = new FitSettings(Integer.parseInt(System.getenv().getOrDefault("MIN_GROUP",
                "" + FitSettings.DEFAULTS.minGroup())), FitSettings.DEFAULTS.rareLabel());
        System.out.printf(Locale.ROOT, "%-24s %-6s %6s %7s %7s %7s | %7s %7s %7s | %6s %7s %8s %8s %7s%n",
                "dataset", "model", "fit s", "shapes", "pairs", "quality", "B shap.", "B pairs", "B qual.", "DCR sh",
                "copies", "B copies", "max risk", "DCR sdm");
        int splits = Integer.parseInt(System.getenv().getOrDefault("SPLITS", "1"));
        int firstSplit = Integer.parseInt(System.getenv().getOrDefault("SPLIT_FROM", "0"));
        int samples = Integer.parseInt(System.getenv().getOrDefault("SAMPLES", "1"));
        for (String name : TestData.ALL) {
            Path file = TestData.folder().resolve(name);
            String only = System.getenv("DATASETS");
            if (!Files.isRegularFile(file) || only != null && !List.of(only.split(",")).contains(name)) {
                continue;
            }
            RawTable all = TableReaders.read(file, ReadOptions.DEFAULTS);
            List<ColumnProfile> inferred = SchemaInference.infer(all, Map.of());
            List<ColumnSpec> specs = inferred.stream().map(ColumnProfile::spec).toList();
            for (int split = firstSplit; split < firstSplit + splits; split++) {
                runSplit(name, all, inferred, specs, 2026 + split, fit, models, tree, samples);
            }
        }
    }

    /**
     * Fits and scores every model on one random split of a dataset, printing a line per model and sample: sample 0
     * is drawn with seed {@code splitSeed + 42}, sample i > 0 with {@code splitSeed + 42 + 1,000,000 i}.
     */
    private static void runSplit(String name, RawTable all, List<ColumnProfile> inferred, List<ColumnSpec> specs,
            long splitSeed, FitSettings fit,
            List<String> models, TreeSettings tree, int samples) throws Exception {
        int[] order = shuffled(all.rows(), splitSeed);
        int n = Math.min(all.rows(), Integer.parseInt(System.getenv().getOrDefault("ROWS", "" + all.rows())));
        RawTable a = subset(all, order, 0, n / 2);
        RawTable b = subset(all, order, n / 2, n);
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        EncodedTable ea = encoder.encodeReal(a);
        EncodedTable eb = encoder.encode(b);
        QualityScores r = Fidelity.score(ea, eb).scores();
        for (String kind : models) {
            long start = System.nanoTime();
            SynthModel model;
            EvalSchema fitted = EvalSchema.of(specs, Map.of()); // the columns the guard compares
            RawTable fittedRows = a;
            if ("1".equals(System.getenv("MASK"))) { // as `doppel run` learns it: direct identifiers made up, not learned
                Fitting.Masked masked = Fitting.mask(new Fitting.Inspected(a, inferred, specs), null, fit, null, null);
                model = Fitting.fit(masked, fit, "bench");
                fitted = EvalSchema.of(masked.specs(), masked.plan().roles());
                fittedRows = masked.table();
                if (kind.equals("tree")) {
                    model = TreeFitter.fit(model, masked.table(), masked.specs(), tree, 2);
                }
            } else {
                model = CopulaFitter.fit(a, specs, fit, "bench");
                if (kind.equals("tree")) {
                    model = TreeFitter.fit(model, a, specs, tree, 2);
                }
            }
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            int synthRows = Integer.parseInt(System.getenv().getOrDefault("SYNTH_ROWS", "" + a.rows()));
            for (int sample = 0; sample < samples; sample++) {
                Path out = Files.createTempFile("quality", ".csv");
                long seed = splitSeed + 42 + 1_000_000L * sample;
                CopyGuard guard = "1".equals(System.getenv("GUARD")) // as `doppel run` draws: no rare row copied
                        ? CopyGuard.over(model, fittedRows, fitted, fit.minGroup()) : CopyGuard.NONE;
                Sampling.run(new SampleRequest(model, synthRows, seed, 2, OutputFormat.CSV, Compression.SNAPPY, out,
                        true, Map.of(), null, guard), Progress.NONE);
                RawTable synth = TableReaders.read(out, ReadOptions.DEFAULTS);
                Files.deleteIfExists(out);
                EncodedTable es = encoder.encode(synth);
                QualityScores s = Fidelity.score(ea, es).scores();
                if (System.getenv("DETAIL") != null) {
                    s.columns().forEach((column, score) -> System.out.printf(Locale.ROOT,
                            "    %-6s shape %-28s %.3f%n", kind, column, score.score()));
                    s.pairs().forEach(pair -> System.out.printf(Locale.ROOT, "    %-6s pair  %-40s %.3f%n", kind,
                            pair.first() + " ~ " + pair.second(), pair.score()));
                }
                PrivacyEvaluation.Settings privacy = PrivacyEvaluation.Settings.defaults(7);
                PrivacyScores p = PrivacyEvaluation.measure(ea, es, eb, privacy);
                double risk = Math.max(p.singlingOut().risk(), p.linkability().risk());
                for (PrivacyScores.AttackResult i : p.inference()) {
                    risk = Math.max(risk, i.risk());
                }
                DcrConventions.Shares dcr = DcrConventions.measure(ea, es, eb, privacy);
                if (Double.compare(dcr.tiesHalf(), p.dcrShare()) != 0) {
                    throw new IllegalStateException("the two DCR conventions were measured on different rows");
                }
                System.out.printf(Locale.ROOT,
                        "%-24s %-6s %6.2f %7.4f %7.4f %7.4f | %7.4f %7.4f %7.4f | %6.4f %7.4f %8.4f %8.3f %7.4f%n",
                        name, kind, fitSeconds, s.columnShapes(), s.columnPairTrends(), s.overall(), r.columnShapes(),
                        r.columnPairTrends(), r.overall(), p.dcrShare(), p.exactCopyRate(), p.holdoutExactCopyRate(),
                        risk, dcr.strict());
            }
        }
    }

    /**
     * The tree settings: defaults, or MIN_LEAF / SMOOTHING / MAX_DEPTH / SIGNIFICANCE from the environment (for
     * tuning).
     */
    private static TreeSettings treeSettings() {
        TreeSettings d = TreeSettings.defaults(FitSettings.DEFAULTS.minGroup());
        Map<String, String> env = System.getenv();
        return new TreeSettings(Integer.parseInt(env.getOrDefault("MIN_LEAF", "" + d.minLeaf())),
                Integer.parseInt(env.getOrDefault("MAX_DEPTH", "" + d.maxDepth())), List.of(),
                Double.parseDouble(env.getOrDefault("SMOOTHING", "" + d.smoothing())),
                Double.parseDouble(env.getOrDefault("SIGNIFICANCE", "" + d.significance())));
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
