package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.stats.Correlations;
import dev.doppel.stats.KolmogorovSmirnov;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fit on each real dataset, sample as many rows as it has, and compare the synthetic table with the real one: the
 * marginals (KS, label shares, missing shares), the numeric correlations, and the identifiers.
 */
class FidelityTest {
    @TempDir
    Path dir;

    static List<String> datasets() {
        return TestData.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void syntheticRowsKeepTheRealStatistics(String dataset) {
        Path data = TestData.require(dataset);
        Fitting.Inspected inspected = Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null);
        SynthModel model = Fitting.fit(inspected, FitSettings.DEFAULTS, "test");
        RawTable real = inspected.table();
        int n = real.rows();
        // As many rows as the input, but at least 20,000: a correlation from 200 synthetic rows alone has SE ~0.07,
        // which would drown what is being checked (that the model kept the real correlation).
        int m = Math.max(n, 20_000);
        Path out = dir.resolve("synthetic.csv");
        Sampling.run(new SampleRequest(model, m, 42, 2, OutputFormat.CSV, Compression.SNAPPY, out, true), Progress.NONE);
        RawTable synth = TableReaders.read(out, ReadOptions.DEFAULTS);
        assertThat(synth.rows()).isEqualTo(m);
        assertThat(synth.names()).isEqualTo(real.names());

        // Two-sample KS critical value at alpha = 0.001: 1.95 * sqrt((n + m) / nm) (0.033 for telco, 0.14 for mall's
        // 200 rows); the model smooths each quantile step over >= 5 rows, adding at most 0.02.
        double ksBound = KolmogorovSmirnov.criticalValue(n, m, 0.001) + 0.02;
        // A label share from n real rows has SE sqrt(p(1-p)/n) <= 0.5/sqrt(n); 4 SE plus 0.01 for pooled rare labels.
        double shareBound = 4 * 0.5 / Math.sqrt(n) + 0.01;
        List<ColumnSpec> specs = inspected.specs();
        List<double[]> realNumeric = new ArrayList<>();
        List<double[]> synthNumeric = new ArrayList<>();
        List<String> numericNames = new ArrayList<>();
        StringBuilder report = new StringBuilder(dataset + "\n");
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            String[] r = real.column(c);
            String[] s = synth.column(c);
            double realMissing = missingShare(r);
            double synthMissing = missingShare(s);
            assertThat(synthMissing).as("%s missing share", spec.name())
                    .isCloseTo(realMissing, org.assertj.core.data.Offset.offset(shareBound));
            if (spec.kind().numeric()) {
                double[] x = numbers(r, spec);
                double[] y = numbers(s, spec);
                double ks = KolmogorovSmirnov.statistic(x, y);
                report.append(String.format(Locale.ROOT, "  %-24s KS %.4f (bound %.4f)%n", spec.name(), ks, ksBound));
                assertThat(ks).as("%s KS", spec.name()).isLessThan(ksBound);
                realNumeric.add(x);
                synthNumeric.add(y);
                numericNames.add(spec.name());
            } else if (spec.kind() == ColumnKind.CATEGORICAL || spec.kind() == ColumnKind.BOOLEAN) {
                Map<String, Double> realShares = shares(r);
                Map<String, Double> synthShares = shares(s);
                double worst = 0;
                for (var e : realShares.entrySet()) {
                    if (e.getValue() * n >= FitSettings.DEFAULTS.minGroup()) {
                        double diff = Math.abs(e.getValue() - synthShares.getOrDefault(e.getKey(), 0.0));
                        worst = Math.max(worst, diff);
                    }
                }
                report.append(String.format(Locale.ROOT, "  %-24s worst share diff %.4f (bound %.4f)%n", spec.name(), worst, shareBound));
                assertThat(worst).as("%s label shares", spec.name()).isLessThan(shareBound);
            } else if (spec.kind() == ColumnKind.IDENTIFIER) {
                Set<String> realIds = new HashSet<>(List.of(r));
                long copies = java.util.Arrays.stream(s).filter(v -> v != null && realIds.contains(v)).count();
                assertThat(copies).as("%s: synthetic ids equal to a real id", spec.name()).isZero();
                assertThat(new HashSet<>(List.of(s))).as("%s unique", spec.name()).hasSize(m);
            }
        }
        double worstSpearman = 0;
        int pearsonPairs = 0;
        int pearsonMisses = 0;
        double[][] rp = Correlations.spearman(realNumeric.toArray(new double[0][]));
        double[][] sp = Correlations.spearman(synthNumeric.toArray(new double[0][]));
        for (int a = 0; a < rp.length; a++) {
            for (int b = 0; b < a; b++) {
                // Pearson after winsorising both tables at the real data's 5th smallest and largest values: the model
                // never stores a single row's extreme (Income 666666 in marketing alone moves its Pearson by 0.25).
                double[] ra = winsorise(realNumeric.get(a), realNumeric.get(a));
                double[] rb = winsorise(realNumeric.get(b), realNumeric.get(b));
                double pr = Correlations.pearsonPairwise(ra, rb);
                double ps = Correlations.pearsonPairwise(
                        winsorise(synthNumeric.get(a), realNumeric.get(a)), winsorise(synthNumeric.get(b), realNumeric.get(b)));
                String pair = numericNames.get(a) + " ~ " + numericNames.get(b);
                if (!Double.isNaN(rp[a][b])) {
                    worstSpearman = Math.max(worstSpearman, Math.abs(rp[a][b] - sp[a][b]));
                    assertThat(Math.abs(rp[a][b] - sp[a][b])).as("Spearman %s: real %.3f synthetic %.3f", pair, rp[a][b], sp[a][b])
                            .isLessThan(0.1);
                }
                if (!Double.isNaN(pr)) {
                    // Pearson of skewed, heavy-tailed columns (marketing's Mnt* amounts) is itself noisy: its SE is
                    // about (1 - r^2)/sqrt(n), 0.02 at telco's 7,043 rows, 0.07 at mall's 200. A copula keeps rank
                    // correlation (checked strictly above) but not how heavy tails go together, so Pearson gets 0.1
                    // plus two of those SEs on 95% of pairs (the misses are printed).
                    double diff = Math.abs(pr - ps);
                    double bound = 0.1 + 2 * (1 - pr * pr) / Math.sqrt(n);
                    pearsonPairs++;
                    if (diff >= bound) {
                        pearsonMisses++;
                        report.append(String.format(Locale.ROOT, "  Pearson %s: real %.3f synthetic %.3f%n", pair, pr, ps));
                    }
                }
            }
        }
        report.append(String.format(Locale.ROOT, "  Pearson beyond bound on %d of %d pairs%n", pearsonMisses, pearsonPairs));
        report.append(String.format(Locale.ROOT, "  worst Spearman difference %.3f%n", worstSpearman));
        System.out.print(report);
        assertThat(pearsonMisses).as("pairs whose Pearson moved beyond its bound").isLessThanOrEqualTo(pearsonPairs / 20);
    }

    /** Clamps values into [5th smallest, 5th largest] of the reference (NaN stays NaN). */
    private static double[] winsorise(double[] values, double[] reference) {
        double[] sorted = java.util.Arrays.stream(reference).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int k = Math.min(FitSettings.DEFAULTS.minGroup() - 1, sorted.length - 1);
        double lo = sorted[k];
        double hi = sorted[sorted.length - 1 - k];
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? Double.NaN : Math.max(lo, Math.min(hi, values[i]));
        }
        return out;
    }

    private static double missingShare(String[] column) {
        long missing = java.util.Arrays.stream(column).filter(v -> v == null).count();
        return (double) missing / column.length;
    }

    private static double[] numbers(String[] column, ColumnSpec spec) {
        TemporalLayout layout = spec.layout() == null ? null : TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
        double[] out = new double[column.length];
        for (int i = 0; i < column.length; i++) {
            String v = column[i];
            out[i] = v == null ? Double.NaN : layout != null ? layout.toNumber(v) : Double.parseDouble(v);
        }
        return out;
    }

    private static Map<String, Double> shares(String[] column) {
        Map<String, Double> counts = new HashMap<>();
        int present = 0;
        for (String v : column) {
            if (v != null) {
                counts.merge(v, 1.0, Double::sum);
                present++;
            }
        }
        int total = present;
        counts.replaceAll((k, v) -> v / total);
        return counts;
    }
}
