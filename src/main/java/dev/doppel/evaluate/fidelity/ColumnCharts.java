package dev.doppel.evaluate.fidelity;

import dev.doppel.evaluate.Charts.ColumnChart;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalColumn;
import dev.doppel.evaluate.LabelCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The per-column charts of the HTML report, as aggregates only. Labels are named only when at least {@code k} real
 * rows hold them (the rest are pooled as "(rare labels)", as are labels only the synthetic table has); at most
 * {@value #MAX_BARS} labels are named, the most frequent in the real table. Histograms have {@value #BINS}
 * equal-width bins between the real 1st and 99th percentile, the outer bins open-ended, so no extreme real value
 * becomes an axis label; bins are named by their lower edge, dates as dates.
 */
public final class ColumnCharts {
    static final int BINS = 20;
    static final int MAX_BARS = 25;
    static final String RARE = "(rare labels)";
    static final String MISSING = "(missing)";

    private ColumnCharts() {}

    /** One chart per evaluated column, in column order. */
    public static List<ColumnChart> of(EncodedTable real, EncodedTable synthetic, int k) {
        List<ColumnChart> charts = new ArrayList<>();
        for (int j = 0; j < real.columnCount(); j++) {
            charts.add(real.columns().get(j).numeric() ? histogram(real, synthetic, j) : bars(real, synthetic, j, k));
        }
        return charts;
    }

    static ColumnChart histogram(EncodedTable real, EncodedTable synthetic, int j) {
        EvalColumn column = real.columns().get(j);
        double[] present = Arrays.stream(real.numbers(j)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double lo = present.length == 0 ? 0 : quantile(present, 0.01);
        double hi = present.length == 0 ? 0 : quantile(present, 0.99);
        int bins = hi > lo ? BINS : 1;
        double width = hi > lo ? (hi - lo) / bins : 1;
        boolean anyMissing = hasMissing(real, j) || hasMissing(synthetic, j);
        int slots = bins + (anyMissing ? 1 : 0);
        double[] p = histogramShares(real.numbers(j), lo, width, bins, slots);
        double[] q = histogramShares(synthetic.numbers(j), lo, width, bins, slots);
        List<String> names = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            String edge = label(column, lo + b * width);
            names.add(b == 0 && bins > 1 ? "≤ " + label(column, lo + width) : b == bins - 1 && bins > 1 ? "> " + edge
                    : bins == 1 ? "all" : edge);
        }
        if (anyMissing) {
            names.add(MISSING);
        }
        return new ColumnChart(column.name(), "histogram", names, p, q);
    }

    static ColumnChart bars(EncodedTable real, EncodedTable synthetic, int j, int k) {
        LabelCodes labels = real.schema().labels(j);
        int size = labels.size();
        int[] realCounts = counts(real.codes(j), size);
        int[] synthCounts = counts(synthetic.codes(j), size);
        Integer[] order = new Integer[labels.realCount()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(c -> -realCounts[c]).thenComparingInt(c -> c));
        List<Integer> named = new ArrayList<>();
        for (Integer c : order) {
            if (named.size() < MAX_BARS && realCounts[c] >= k) {
                named.add(c);
            }
        }
        boolean anyMissing = realCounts[size] > 0 || synthCounts[size] > 0;
        List<String> names = new ArrayList<>();
        named.forEach(c -> names.add(labels.label(c)));
        int rareSlot = names.size();
        names.add(RARE);
        if (anyMissing) {
            names.add(MISSING);
        }
        double[] p = new double[names.size()];
        double[] q = new double[names.size()];
        boolean[] isNamed = new boolean[size];
        for (int i = 0; i < named.size(); i++) {
            isNamed[named.get(i)] = true;
            p[i] = realCounts[named.get(i)];
            q[i] = synthCounts[named.get(i)];
        }
        for (int c = 0; c < size; c++) {
            if (!isNamed[c]) {
                p[rareSlot] += realCounts[c];
                q[rareSlot] += synthCounts[c];
            }
        }
        if (anyMissing) {
            p[rareSlot + 1] = realCounts[size];
            q[rareSlot + 1] = synthCounts[size];
        }
        if (p[rareSlot] == 0 && q[rareSlot] == 0) { // nothing rare: drop the empty slot
            names.remove(rareSlot);
            p = remove(p, rareSlot);
            q = remove(q, rareSlot);
        }
        normalise(p, real.rows());
        normalise(q, synthetic.rows());
        return new ColumnChart(real.columns().get(j).name(), "bars", names, p, q);
    }

    private static double[] histogramShares(double[] x, double lo, double width, int bins, int slots) {
        double[] counts = new double[slots];
        for (double v : x) {
            if (Double.isNaN(v)) {
                counts[bins]++;
            } else {
                int b = (int) Math.floor((v - lo) / width);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
        }
        normalise(counts, x.length);
        return counts;
    }

    private static String label(EvalColumn column, double x) {
        if (column.layout() != null) {
            return column.layout().format(x);
        }
        double magnitude = Math.abs(x);
        if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        return magnitude >= 100 ? String.format(Locale.ROOT, "%.0f", x)
                : magnitude >= 1 ? String.format(Locale.ROOT, "%.2f", x).replaceAll("\\.?0+$", "")
                : String.format(Locale.ROOT, "%.3f", x).replaceAll("\\.?0+$", "");
    }

    /** The linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int next = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[next] - sorted[i]);
    }

    private static boolean hasMissing(EncodedTable t, int j) {
        for (int i = 0; i < t.rows(); i++) {
            if (t.missing(j, i)) {
                return true;
            }
        }
        return false;
    }

    /** Counts per code, missing last (index size). */
    private static int[] counts(int[] codes, int size) {
        int[] counts = new int[size + 1];
        for (int c : codes) {
            counts[c < 0 ? size : c]++;
        }
        return counts;
    }

    private static void normalise(double[] counts, int n) {
        if (n > 0) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] /= n;
            }
        }
    }

    private static double[] remove(double[] a, int at) {
        double[] out = new double[a.length - 1];
        System.arraycopy(a, 0, out, 0, at);
        System.arraycopy(a, at + 1, out, at, a.length - at - 1);
        return out;
    }
}
