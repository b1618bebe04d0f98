package dev.doppel.report;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.stats.Correlations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A short account of how synthetic rows compare with the statistics the model learned from the real data: per column
 * a distribution distance (Kolmogorov–Smirnov for numbers and dates, total variation for labels) and the missing
 * shares, then the numeric pairs whose rank correlation moved most. Holds aggregates only.
 *
 * @param source the real data's file name
 * @param rows synthetic rows seen
 * @param columns per column
 * @param pairs the largest correlation differences, largest first
 */
public record FidelitySummary(String source, long rows, List<ColumnLine> columns, List<PairLine> pairs) {

    /**
     * @param name column
     * @param kind its kind
     * @param metric "KS", "TV" or "-" for columns that are generated, not learned
     * @param distance the distance (0 = identical), NaN for "-"
     * @param realMissing missing share in the real data
     * @param syntheticMissing missing share in the synthetic rows
     */
    public record ColumnLine(
            String name, ColumnKind kind, String metric, double distance, double realMissing, double syntheticMissing) {}

    /** A pair of numeric columns with the real and synthetic Spearman correlations. */
    public record PairLine(String first, String second, double real, double synthetic) {
        public double difference() {
            return Math.abs(real - synthetic);
        }
    }

    static FidelitySummary of(SynthModel model, List<ColumnModel> columns, long rows, long[][] labelCounts,
            long[] missing, double[][] kept, int keptRows) {
        List<ColumnLine> lines = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnModel m = columns.get(c);
            double synthMissing = rows == 0 ? 0 : (double) missing[c] / rows;
            String metric = "-";
            double distance = Double.NaN;
            if (m instanceof CategoricalColumn cat) {
                metric = "TV";
                long present = Arrays.stream(labelCounts[c]).sum();
                double tv = 0;
                for (int i = 0; i < labelCounts[c].length; i++) {
                    double synth = present == 0 ? 0 : (double) labelCounts[c][i] / present;
                    tv += Math.abs(synth - cat.marginal().shares().get(i));
                }
                distance = tv / 2;
            } else if (m instanceof NumericColumn num) {
                metric = "KS";
                distance = ksAgainstModel(num, Arrays.copyOf(kept[c], keptRows));
            }
            lines.add(new ColumnLine(m.name(), m.spec().kind(), metric, distance, m.missingShare(), synthMissing));
        }
        List<PairLine> pairs = new ArrayList<>();
        SynthModel.Reference ref = model.reference();
        if (ref != null && ref.columns().size() > 1 && keptRows > 2
                && ref.columns().stream().allMatch(name -> kept[indexOf(columns, name)] != null)) {
            double[][] values = new double[ref.columns().size()][];
            for (int i = 0; i < values.length; i++) {
                int c = indexOf(columns, ref.columns().get(i));
                values[i] = Arrays.copyOf(kept[c], keptRows);
            }
            double[][] synth = Correlations.spearman(values);
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < i; j++) {
                    double s = Double.isNaN(synth[i][j]) ? 0 : synth[i][j];
                    pairs.add(new PairLine(ref.columns().get(j), ref.columns().get(i), ref.spearman()[i][j], s));
                }
            }
            pairs.sort(Comparator.comparingDouble(PairLine::difference).reversed());
        }
        return new FidelitySummary(model.source().file(), rows, lines, pairs);
    }

    private static int indexOf(List<ColumnModel> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("reference column not in model");
    }

    /** KS distance between the synthetic values and the model's marginal, after the same rounding generation applies. */
    private static double ksAgainstModel(NumericColumn num, double[] values) {
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0) {
            return Double.NaN;
        }
        double half = halfStep(num);
        double d = 0;
        int n = x.length;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && x[j] == x[i]) {
                j++;
            }
            double below = num.cdf(x[i] - half - 1e-12 * Math.max(1, Math.abs(x[i])));
            double upTo = num.cdf(x[i] + half);
            d = Math.max(d, Math.max(Math.abs((double) i / n - below), Math.abs((double) j / n - upTo)));
            i = j;
        }
        return d;
    }

    private static double halfStep(NumericColumn num) {
        return switch (num.spec().kind()) {
            case INTEGER, DATE -> 0.5;
            case DECIMAL -> num.spec().scale() < 0 ? 0 : 0.5 * Math.pow(10, -num.spec().scale());
            case DATETIME -> 0.5 * TemporalLayout.of(num.spec().layout(), true).step();
            default -> 0;
        };
    }

    /** The largest distance over all learned columns (0 when there are none). */
    public double worstDistance() {
        return columns.stream().mapToDouble(ColumnLine::distance).filter(d -> !Double.isNaN(d)).max().orElse(0);
    }

    /** Renders the summary as a plain-text table. */
    public String render(int maxPairs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Fidelity: %,d synthetic rows against the statistics learned from %s%n", rows, source));
        int width = Math.max(6, columns.stream().mapToInt(l -> l.name().length()).max().orElse(6));
        width = Math.min(width, 32);
        sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %-11s  %-11s  %s%n", "column", "kind", "distance", "missing real -> synthetic"));
        for (ColumnLine l : columns) {
            String dist = l.metric().equals("-") ? "generated" : String.format(Locale.ROOT, "%s %.3f", l.metric(), l.distance());
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %-11s  %-11s  %5.1f%% -> %5.1f%%%n",
                    clip(l.name(), width), l.kind().key(), dist, 100 * l.realMissing(), 100 * l.syntheticMissing()));
        }
        if (!pairs.isEmpty()) {
            sb.append("Largest rank-correlation differences (Spearman, real -> synthetic):\n");
            for (PairLine p : pairs.subList(0, Math.min(maxPairs, pairs.size()))) {
                sb.append(String.format(Locale.ROOT, "  %-" + (2 * width + 3) + "s  %+.3f -> %+.3f  (diff %.3f)%n",
                        clip(p.first() + " ~ " + p.second(), 2 * width + 3), p.real(), p.synthetic(), p.difference()));
            }
        }
        return sb.toString();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
