package dev.doppel.quality;

import dev.doppel.TestData;
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
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.stats.Correlations;
import dev.doppel.stats.KolmogorovSmirnov;
import dev.doppel.table.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: an approximation of SDMetrics' quality report, measured the way Doppel is judged. Each dataset is split
 * at random into halves A and B; the model is fitted on A, sampled to |A| rows, and scored against A; B scored against
 * A is the "fresh real sample" reference. Column shapes: KSComplement (numbers, dates) or TVComplement (labels);
 * column pair trends: CorrelationSimilarity (Pearson, numeric pairs) or ContingencySimilarity (other pairs, numbers in
 * 10 quantile bins of the real data); missing values left out as SDMetrics does; the score is the mean of the two.
 *
 * <p>Privacy against the unseen half B: the DCR share is how often a synthetic row is closer (Gower distance over the
 * modelled columns) to a training row of A than to any row of B; a fresh sample of the same population scores 0.5 by
 * symmetry, a model that copies or hugs its training rows more. "copies" is the share of synthetic rows identical to a
 * training row on those columns, "B copies" the same for the real rows of B (duplicates occur in real data too).
 *
 * <p>Run: {@code bench/quality.sh}.
 */
public final class QualityScoreBench {
    private QualityScoreBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "%-24s %8s %8s %8s | %8s %8s %8s | %9s %7s %7s%n", "dataset", "shapes",
                "pairs", "quality", "B shapes", "B pairs", "B qual.", "DCR share", "copies", "B copies");
        for (String name : TestData.ALL) {
            Path file = TestData.folder().resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            RawTable all = TableReaders.read(file, ReadOptions.DEFAULTS);
            List<ColumnProfile> inferred = SchemaInference.infer(all, Map.of());
            List<ColumnSpec> specs = inferred.stream().map(ColumnProfile::spec).toList();
            int[] order = shuffled(all.rows(), 2026);
            RawTable a = subset(all, order, 0, all.rows() / 2);
            RawTable b = subset(all, order, all.rows() / 2, all.rows());
            SynthModel model = CopulaFitter.fit(a, specs, FitSettings.DEFAULTS, "bench");
            Path out = Files.createTempFile("quality", ".csv");
            Sampling.run(new SampleRequest(model, a.rows(), 42, 2, OutputFormat.CSV, Compression.SNAPPY, out, true),
                    Progress.NONE);
            RawTable synth = TableReaders.read(out, ReadOptions.DEFAULTS);
            Files.deleteIfExists(out);
            double[] s = score(a, synth, specs);
            double[] r = score(a, b, specs);
            // privacy against the unseen half: how often a row is closer to a training row than to any unseen row
            RawTable half = subset(all, order, 0, b.rows()); // an equal-size slice of A for a fair reference
            double[] dcr = closerToTraining(synth, a, b, specs, 2000);
            double[] fresh = closerToTraining(subset(b, identity(b.rows()), 0, b.rows()), half, b, specs, 0);
            System.out.printf(Locale.ROOT, "%-24s %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f | %9.3f %7.4f %7s%n", name,
                    s[0], s[1], (s[0] + s[1]) / 2, r[0], r[1], (r[0] + r[1]) / 2, dcr[0], dcr[1],
                    String.format(Locale.ROOT, "%.4f", fresh[1]));
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * {share of rows closer (Gower distance) to a training row than to any hold-out row (ties count half), share of
     * rows identical to a training row}, over at most {@code limit} rows of {@code probe} (0 = all).
     */
    static double[] closerToTraining(RawTable probe, RawTable train, RawTable holdout, List<ColumnSpec> specs, int limit) {
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnKind k = specs.get(c).kind();
            if (k.numeric() || k == ColumnKind.CATEGORICAL || k == ColumnKind.BOOLEAN) {
                cols.add(c);
            }
        }
        int d = cols.size();
        double[][] range = new double[d][];
        double[][][] numeric = new double[3][d][];
        String[][][] labels = new String[3][d][];
        RawTable[] tables = {probe, train, holdout};
        for (int j = 0; j < d; j++) {
            ColumnSpec spec = specs.get(cols.get(j));
            if (spec.kind().numeric()) {
                for (int t = 0; t < 3; t++) {
                    numeric[t][j] = numbers(tables[t].column(cols.get(j)), spec);
                }
                double[] x = Arrays.stream(numeric[1][j]).filter(v -> !Double.isNaN(v)).toArray();
                double lo = Arrays.stream(x).min().orElse(0);
                double hi = Arrays.stream(x).max().orElse(1);
                range[j] = new double[] {lo, hi > lo ? hi - lo : 1};
            } else {
                for (int t = 0; t < 3; t++) {
                    labels[t][j] = tables[t].column(cols.get(j));
                }
            }
        }
        int rows = limit > 0 ? Math.min(limit, probe.rows()) : probe.rows();
        double closer = 0;
        int copies = 0;
        for (int i = 0; i < rows; i++) {
            double toTrain = nearest(i, numeric, labels, range, 1, train.rows());
            double toHoldout = nearest(i, numeric, labels, range, 2, holdout.rows());
            closer += toTrain < toHoldout ? 1 : toTrain == toHoldout ? 0.5 : 0;
            copies += toTrain == 0 ? 1 : 0;
        }
        return new double[] {closer / rows, (double) copies / rows};
    }

    private static double nearest(int i, double[][][] numeric, String[][][] labels, double[][] range, int t, int n) {
        double best = Double.POSITIVE_INFINITY;
        int d = range.length;
        for (int r = 0; r < n && best > 0; r++) {
            double dist = 0;
            for (int j = 0; j < d && dist < best; j++) {
                if (range[j] != null) {
                    double x = numeric[0][j][i];
                    double y = numeric[t][j][r];
                    dist += Double.isNaN(x) || Double.isNaN(y) ? (Double.isNaN(x) == Double.isNaN(y) ? 0 : 1)
                            : Math.min(1, Math.abs(x - y) / range[j][1]);
                } else {
                    String x = labels[0][j][i];
                    String y = labels[t][j][r];
                    dist += java.util.Objects.equals(x, y) ? 0 : 1;
                }
            }
            best = Math.min(best, dist);
        }
        return best;
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

    /** {column shapes, column pair trends} of {@code synth} against {@code real}. */
    static double[] score(RawTable real, RawTable synth, List<ColumnSpec> specs) {
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnKind k = specs.get(c).kind();
            if (k.numeric() || k == ColumnKind.CATEGORICAL || k == ColumnKind.BOOLEAN) {
                used.add(c);
            }
        }
        double shapes = 0;
        for (int c : used) {
            ColumnSpec spec = specs.get(c);
            if (spec.kind().numeric()) {
                shapes += 1 - KolmogorovSmirnov.statistic(numbers(real.column(c), spec), numbers(synth.column(c), spec));
            } else {
                shapes += 1 - tv(real.column(c), synth.column(c));
            }
        }
        shapes /= Math.max(1, used.size());
        double pairs = 0;
        int count = 0;
        for (int i = 0; i < used.size(); i++) {
            for (int j = 0; j < i; j++) {
                int a = used.get(i);
                int b = used.get(j);
                ColumnSpec sa = specs.get(a);
                ColumnSpec sb = specs.get(b);
                if (sa.kind().numeric() && sb.kind().numeric()) {
                    double r = Correlations.pearsonPairwise(numbers(real.column(a), sa), numbers(real.column(b), sb));
                    double s = Correlations.pearsonPairwise(numbers(synth.column(a), sa), numbers(synth.column(b), sb));
                    if (Double.isNaN(r) || Double.isNaN(s)) {
                        continue;
                    }
                    pairs += 1 - Math.abs(r - s) / 2;
                } else {
                    String[] ra = discrete(real.column(a), sa, real.column(a));
                    String[] rb = discrete(real.column(b), sb, real.column(b));
                    String[] xa = discrete(synth.column(a), sa, real.column(a));
                    String[] xb = discrete(synth.column(b), sb, real.column(b));
                    pairs += 1 - tv2(ra, rb, xa, xb);
                }
                count++;
            }
        }
        return new double[] {shapes, count == 0 ? 1 : pairs / count};
    }

    private static double[] numbers(String[] cells, ColumnSpec spec) {
        TemporalLayout layout = spec.layout() == null ? null : TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String v = cells[i];
            try {
                out[i] = v == null ? Double.NaN : layout != null ? layout.toNumber(v) : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** Labels as they are; numbers as one of 10 bins cut at the real data's deciles. */
    private static String[] discrete(String[] cells, ColumnSpec spec, String[] realCells) {
        if (!spec.kind().numeric()) {
            return cells;
        }
        double[] real = Arrays.stream(numbers(realCells, spec)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] edges = new double[9];
        for (int e = 0; e < 9; e++) {
            edges[e] = real[(int) ((e + 1) / 10.0 * (real.length - 1))];
        }
        double[] x = numbers(cells, spec);
        String[] out = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                int bin = 0;
                while (bin < 9 && x[i] > edges[bin]) {
                    bin++;
                }
                out[i] = "b" + bin;
            }
        }
        return out;
    }

    private static double tv(String[] real, String[] synth) {
        Map<String, Double> p = shares(real);
        Map<String, Double> q = shares(synth);
        double d = 0;
        for (String k : union(p, q)) {
            d += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
        }
        return d / 2;
    }

    private static double tv2(String[] ra, String[] rb, String[] xa, String[] xb) {
        Map<String, Double> p = joint(ra, rb);
        Map<String, Double> q = joint(xa, xb);
        double d = 0;
        for (String k : union(p, q)) {
            d += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
        }
        return d / 2;
    }

    private static java.util.Set<String> union(Map<String, Double> p, Map<String, Double> q) {
        java.util.Set<String> keys = new java.util.HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        return keys;
    }

    private static Map<String, Double> shares(String[] cells) {
        Map<String, Double> m = new HashMap<>();
        int n = 0;
        for (String v : cells) {
            if (v != null) {
                m.merge(v, 1.0, Double::sum);
                n++;
            }
        }
        int total = n;
        m.replaceAll((k, v) -> v / total);
        return m;
    }

    private static Map<String, Double> joint(String[] a, String[] b) {
        Map<String, Double> m = new HashMap<>();
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != null && b[i] != null) {
                m.merge(a[i] + "\u0000" + b[i], 1.0, Double::sum);
                n++;
            }
        }
        int total = n;
        m.replaceAll((k, v) -> v / total);
        return m;
    }
}
