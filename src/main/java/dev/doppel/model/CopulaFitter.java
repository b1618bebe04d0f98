package dev.doppel.model;

import dev.doppel.error.InputException;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.stats.Correlations;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits a {@link SynthModel}: per column a marginal (quantile knots, label shares, or a shape), and a Gaussian copula
 * over the columns' dimensions (missing or not, spike or not, which value), with correlations estimated by
 * {@link LatentCorrelation} so that ties and labels do not weaken them.
 */
public final class CopulaFitter {
    /** A value is split off as a spike when it holds at least this share of a column's present values. */
    public static final double SPIKE_SPLIT = 0.3;
    /** Fewer rows than this many times k: the model can learn little, and says so. */
    private static final int FEW_ROWS_PER_K = 20;

    private CopulaFitter() {}

    /**
     * @param table the input
     * @param specs one spec per input column, in the table's order
     * @param settings k, the rare label and the seed
     * @param version the Doppel version recorded in the model
     */
    public static SynthModel fit(RawTable table, List<ColumnSpec> specs, FitSettings settings, String version) {
        return fit(table, specs, settings, version, Map.of());
    }

    /**
     * As above, with some columns' models given rather than learned (made-up direct identifiers): they take their
     * place in the output and no part in the copula.
     *
     * @param given column models by column name
     */
    public static SynthModel fit(
            RawTable table, List<ColumnSpec> specs, FitSettings settings, String version, Map<String, ColumnModel> given) {
        if (specs.size() != table.columnCount()) {
            throw new IllegalArgumentException("one spec per column expected");
        }
        int n = table.rows();
        int k = settings.minGroup();
        List<ColumnModel> models = new ArrayList<>();
        List<String> copulaColumns = new ArrayList<>();
        List<LatentCorrelation.Bands> bands = new ArrayList<>();
        List<String> numericNames = new ArrayList<>();
        List<double[]> numericRanks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Ordered ordered = new Ordered(table, specs);
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            if (spec.skip()) {
                continue;
            }
            if (given.containsKey(spec.name())) {
                models.add(given.get(spec.name()));
                continue;
            }
            String[] cells = table.column(c);
            int missing = countMissing(cells);
            double m = (double) missing / n;
            if (missing == n && spec.kind() != ColumnKind.EMPTY) {
                notes.add("column '" + spec.name() + "': every value is missing; written as missing");
                models.add(new EmptyColumn(spec.withKind(ColumnKind.EMPTY)));
                continue;
            }
            switch (spec.kind()) {
                case EMPTY -> {
                    models.add(new EmptyColumn(spec));
                    notes.add("column '" + spec.name() + "': every value is missing; written as missing");
                }
                case IDENTIFIER -> models.add(identifier(spec, cells, m, k, notes));
                case TEXT -> models.add(new TextColumn(spec, m, TextShape.fit(cells, k, false)));
                case INTEGER, DECIMAL, DATE, DATETIME -> {
                    double[] values = ordered.takeValues(c);
                    double[] present = presentSorted(values);
                    if (present.length < k) {
                        notes.add("column '" + spec.name() + "': only " + present.length + " values, fewer than k = " + k
                                + "; nothing can be learned without describing single rows, so it is written as missing");
                        models.add(new EmptyColumn(spec.withKind(ColumnKind.EMPTY)));
                        continue;
                    }
                    NumericColumn column = numericColumn(spec, m, present, k);
                    models.add(column);
                    copulaColumns.addAll(column.dimensions());
                    bands.addAll(numericBands(column, values, present));
                    numericNames.add(spec.name());
                    numericRanks.add(ordered.ranks(c, values));
                    if (present.length < 2 * k) {
                        notes.add("column '" + spec.name() + "': only " + present.length
                                + " values; its distribution is reduced to one protected point (their mean)");
                    } else if (present[0] == present[present.length - 1]) {
                        notes.add("column '" + spec.name() + "': a single value (constant); nothing to learn");
                    }
                }
                case BOOLEAN, CATEGORICAL -> {
                    String[] labels = labels(table, c, spec);
                    Map<String, Integer> counts = new HashMap<>();
                    for (String l : labels) {
                        if (l != null) {
                            counts.merge(l, 1, Integer::sum);
                        }
                    }
                    CategoricalMarginal marginal = spec.kind() == ColumnKind.BOOLEAN
                            ? CategoricalMarginal.fit(counts, k, settings.rareLabel(),
                                    List.of(spec.falseValue(), spec.trueValue()))
                            : CategoricalMarginal.ofCounts(
                                    LabelOrder.of(labels, counts, k, settings.rareLabel(), ordered::references));
                    if (marginal.labels().contains(settings.rareLabel()) && spec.kind() == ColumnKind.CATEGORICAL
                            && !counts.containsKey(settings.rareLabel())) {
                        notes.add("column '" + spec.name() + "': labels seen fewer than " + k
                                + " times are pooled as '" + settings.rareLabel() + "'");
                    }
                    if (counts.size() == 1 && counts.values().iterator().next() >= k) {
                        notes.add("column '" + spec.name() + "': a single label (constant); nothing to learn");
                    }
                    CategoricalColumn column = new CategoricalColumn(spec, m, marginal);
                    models.add(column);
                    copulaColumns.addAll(column.dimensions());
                    bands.addAll(categoricalBands(column, labels, settings.rareLabel()));
                }
                default -> throw new AssertionError(spec.kind());
            }
        }
        if (n < FEW_ROWS_PER_K * k) {
            notes.add("only " + n + " rows: little to learn from; distributions are reduced to a few protected points");
        }
        if (copulaColumns.size() > 1 && copulaColumns.size() >= n) {
            notes.add(copulaColumns.size() + " columns in the copula but only " + n
                    + " rows: their correlations are poorly determined");
        }
        double[][] latent = LatentCorrelation.estimate(bands.toArray(new LatentCorrelation.Bands[0]));
        GaussianCopula copula = GaussianCopula.repaired(copulaColumns, latent);
        if (copula.shrinkage() > 0.001) {
            notes.add("the correlation estimate was repaired to be positive definite (largest change "
                    + String.format(Locale.ROOT, "%.3f", copula.shrinkage())
                    + "): some columns are (nearly) functions of others, or there are few rows for the number of columns");
        }
        double[][] spearman = Correlations.spearmanOfRanks(numericRanks.toArray(new double[0][]));
        for (double[] row : spearman) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Double.isNaN(row[j]) ? 0 : Math.round(row[j] * 1e6) / 1e6;
            }
        }
        return new SynthModel(
                SynthModel.FORMAT,
                SynthModel.VERSION,
                version,
                SynthModel.PRIVACY_STATEMENT,
                new SynthModel.Source(table.source(), n, table.columnCount()),
                table.dialect(),
                settings,
                models,
                copula,
                new SynthModel.Reference(numericNames, spearman),
                notes);
    }

    /**
     * The ordered columns (numbers, dates, booleans) of one fit, each parsed and ranked at most once: a numeric
     * column's values serve its marginal, its bands and (as mid-ranks) the Spearman reference and the label order;
     * parsing and ranking them once per categorical column cost most of a million-row fit.
     */
    private static final class Ordered {
        private final RawTable table;
        private final List<ColumnSpec> specs;
        /** Values parsed ahead of their column's turn (for the label order), until the column takes them. */
        private final double[][] values;
        /** Mid-ranks of the present values (NaN when missing), per ordered column, once computed. */
        private final double[][] ranks;
        private List<LabelOrder.Reference> references;

        Ordered(RawTable table, List<ColumnSpec> specs) {
            this.table = table;
            this.specs = specs;
            this.values = new double[specs.size()][];
            this.ranks = new double[specs.size()][];
        }

        /** Column c's numbers ({@link #parseNumbers}), handed over: they are not kept here. */
        double[] takeValues(int c) {
            double[] v = values[c];
            values[c] = null;
            return v != null ? v : parseNumbers(table, c, specs.get(c));
        }

        /** Column c's mid-ranks, from its numbers. */
        double[] ranks(int c, double[] numbers) {
            if (ranks[c] == null) {
                ranks[c] = Correlations.midRanks(numbers);
            }
            return ranks[c];
        }

        /**
         * Per ordered column (numbers, dates, booleans) other than the categorical column asking, per row its rank
         * score in [0, 1] (mid-rank over the present values; NaN when missing): what {@link LabelOrder} orders labels
         * by. The same for every categorical column (none of them is ordered), so computed once. A numeric column
         * that does not parse is left out here and reported when it is fitted.
         */
        List<LabelOrder.Reference> references() {
            if (references != null) {
                return references;
            }
            List<LabelOrder.Reference> out = new ArrayList<>();
            for (int c = 0; c < specs.size(); c++) {
                ColumnSpec spec = specs.get(c);
                if (spec.skip()) {
                    continue;
                }
                double[] r;
                if (spec.kind().numeric()) {
                    if (ranks[c] == null) {
                        try {
                            values[c] = parseNumbers(table, c, spec);
                        } catch (InputException e) {
                            continue; // reported when the column itself is fitted
                        }
                    }
                    r = ranks(c, values[c]);
                } else if (spec.kind() == ColumnKind.BOOLEAN) {
                    String[] cells = table.column(c);
                    double[] flags = new double[cells.length];
                    for (int i = 0; i < cells.length; i++) {
                        flags[i] = cells[i] == null ? Double.NaN : cells[i].equalsIgnoreCase(spec.trueValue()) ? 1 : 0;
                    }
                    r = Correlations.midRanks(flags);
                } else {
                    continue;
                }
                long present = 0;
                for (double v : r) {
                    present += Double.isNaN(v) ? 0 : 1;
                }
                out.add(new LabelOrder.Reference(r, present + 1));
            }
            references = List.copyOf(out);
            return references;
        }
    }

    /** The present (not NaN) values, sorted. */
    private static double[] presentSorted(double[] values) {
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        double[] out = new double[n];
        int i = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[i++] = v;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Distinct values of a sorted array without NaN or -0.0 (as parsed numbers are). */
    private static double[] distinctSorted(double[] sorted) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            count += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        double[] out = new double[count];
        for (int i = 0, j = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out[j++] = sorted[i];
            }
        }
        return out;
    }

    private static int countMissing(String[] cells) {
        int missing = 0;
        for (String s : cells) {
            if (s == null) {
                missing++;
            }
        }
        return missing;
    }

    private static ColumnModel identifier(ColumnSpec spec, String[] cells, double m, int k, List<String> notes) {
        boolean digits = true;
        int width = -1;
        boolean padded = false;
        long max = 0;
        for (String s : cells) {
            if (s == null) {
                continue;
            }
            if (s.isEmpty() || s.length() > 17 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                digits = false;
                break;
            }
            width = width < 0 ? s.length() : (width == s.length() ? width : 0);
            padded |= s.length() > 1 && s.charAt(0) == '0';
            max = Math.max(max, Long.parseLong(s));
        }
        if (digits) {
            long start = 1;
            while (start <= max) {
                start *= 10; // the next power of ten: above every real id, and says only its order of magnitude
            }
            return new IdentifierColumn(spec, m, start, padded ? Math.max(width, 0) : 0, null);
        }
        TextShape shape = TextShape.fit(cells, k, true);
        int length = shape.lengths().get(0);
        if (shape.log2Space(length) < Math.log(Math.max(2, cells.length)) / Math.log(2) + 20) {
            notes.add("column '" + spec.name() + "': the identifier format allows few distinct values;"
                    + " large samples may repeat the format's space");
        }
        return new IdentifierColumn(spec, m, 0, 0, shape);
    }

    /**
     * A numeric, date or date-time column's values as numbers (dates as epoch days, date-times as epoch seconds; NaN
     * when missing).
     *
     * @throws InputException naming the first line that does not fit the kind, never the value
     */
    public static double[] parseNumbers(RawTable table, int c, ColumnSpec spec) {
        String[] cells = table.column(c);
        double[] values = new double[cells.length];
        TemporalLayout layout = spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME
                ? TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME)
                : null;
        int bad = 0;
        int firstBad = -1;
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i];
            if (s == null) {
                values[i] = Double.NaN;
                continue;
            }
            double v = layout != null ? layout.toNumber(s) : parseNumber(s, spec.kind() == ColumnKind.INTEGER);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                bad++;
                if (firstBad < 0) {
                    firstBad = i;
                }
            }
            values[i] = v + 0.0; // -0.0 becomes 0.0: one value, one band
        }
        if (bad > 0) {
            String expected = switch (spec.kind()) {
                case INTEGER -> "a whole number";
                case DECIMAL -> "a number";
                default -> "a " + spec.kind().key() + " like " + spec.layout();
            };
            throw new InputException(table.where(firstBad) + ", column '" + spec.name()
                    + "': expected " + expected + " (" + bad + " of " + cells.length
                    + " values do not fit; set the column's kind in the profile)");
        }
        return values;
    }

    private static double parseNumber(String s, boolean integer) {
        try {
            if (integer) {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN; // never pass the JDK's message on: it quotes the value
        }
    }

    /** A categorical column's cells, or a boolean column's spelled as its false and true values (null when missing). */
    public static String[] labels(RawTable table, int c, ColumnSpec spec) {
        String[] cells = table.column(c);
        if (spec.kind() != ColumnKind.BOOLEAN) {
            return cells;
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i];
            if (s == null) {
                continue;
            }
            if (s.equalsIgnoreCase(spec.trueValue())) {
                out[i] = spec.trueValue();
            } else if (s.equalsIgnoreCase(spec.falseValue())) {
                out[i] = spec.falseValue();
            } else {
                throw new InputException(table.where(i) + ", column '" + spec.name()
                        + "': expected " + spec.trueValue() + " or " + spec.falseValue());
            }
        }
        return out;
    }

    /**
     * Splits off the dominant value as a spike when it is the smallest or largest value, holds at least
     * {@link #SPIKE_SPLIT} of the present values, both it and the rest have at least k rows, and the rest is a range
     * (10 or more distinct values); the rest gets a quantile marginal. Otherwise (a spike inside the range, a count
     * such as 0/1/2 children) the column stays one ordered dimension, with the spike a step of its marginal.
     */
    private static NumericColumn numericColumn(ColumnSpec spec, double m, double[] present, int k) {
        int n = present.length;
        double mode = present[0];
        int modeCount = 0;
        for (int i = 0; i < n; ) {
            int j = upperBound(present, present[i]);
            if (j - i > modeCount) {
                modeCount = j - i;
                mode = present[i];
            }
            i = j;
        }
        if (modeCount == n && n >= k) {
            return new NumericColumn(spec, m, new NumericColumn.Spike(mode, 1), null);
        }
        boolean atAnEnd = mode == present[0] || mode == present[n - 1]; // zero-inflation, "-1 = never", a cap
        long restDistinct = distinctSorted(present).length - 1;
        if (atAnEnd && restDistinct >= 10 && modeCount >= k && modeCount >= SPIKE_SPLIT * n && n - modeCount >= k) {
            double value = mode;
            double[] rest = Arrays.stream(present).filter(v -> v != value).toArray();
            return new NumericColumn(spec, m, new NumericColumn.Spike(mode, (double) modeCount / n),
                    QuantileMarginal.fit(rest, k));
        }
        return new NumericColumn(spec, m, null, QuantileMarginal.fit(present, k));
    }

    /**
     * The bands of a numeric column's dimensions, in {@link NumericColumn#dimensions()} order: missing or not (on
     * every row), spike or not (on rows with a value), and the rank band of each other value (on rows with one).
     * Rows a dimension does not see get band -1.
     */
    private static List<LatentCorrelation.Bands> numericBands(NumericColumn column, double[] values, double[] present) {
        List<LatentCorrelation.Bands> out = new ArrayList<>(3);
        int rows = values.length;
        double m = column.missingShare();
        if (m > 0 && m < 1) {
            int[] band = new int[rows];
            for (int r = 0; r < rows; r++) {
                band[r] = Double.isNaN(values[r]) ? 0 : 1;
            }
            out.add(LatentCorrelation.Bands.split(band, m));
        }
        NumericColumn.Spike spike = column.spike();
        if (spike != null && column.marginal() != null) {
            int[] band = new int[rows];
            for (int r = 0; r < rows; r++) {
                band[r] = Double.isNaN(values[r]) ? -1 : values[r] == spike.value() ? 0 : 1;
            }
            out.add(LatentCorrelation.Bands.split(band, spike.share()));
        }
        if (column.marginal() != null) {
            double[] rest = spike == null ? present
                    : Arrays.stream(present).filter(v -> v != spike.value()).toArray(); // still sorted
            int n = rest.length;
            double[] distinct = distinctSorted(rest);
            double[] lo = new double[distinct.length];
            double[] hi = new double[distinct.length];
            for (int b = 0; b < distinct.length; b++) {
                lo[b] = (double) lowerBound(rest, distinct[b]) / n;
                hi[b] = (double) upperBound(rest, distinct[b]) / n;
            }
            int[] band = new int[rows];
            for (int r = 0; r < rows; r++) {
                double v = values[r];
                band[r] = Double.isNaN(v) || (spike != null && v == spike.value()) ? -1 : Arrays.binarySearch(distinct, v);
            }
            out.add(new LatentCorrelation.Bands(band, lo, hi));
        }
        return out;
    }

    /** The bands of a label column: missing or not (every row), then the label's interval (rows with a label). */
    private static List<LatentCorrelation.Bands> categoricalBands(
            CategoricalColumn column, String[] labels, String rareLabel) {
        List<LatentCorrelation.Bands> out = new ArrayList<>(2);
        int rows = labels.length;
        double m = column.missingShare();
        if (m > 0 && m < 1) {
            int[] band = new int[rows];
            for (int r = 0; r < rows; r++) {
                band[r] = labels[r] == null ? 0 : 1;
            }
            out.add(LatentCorrelation.Bands.split(band, m));
        }
        CategoricalMarginal marginal = column.marginal();
        if (marginal.labels().size() > 1) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < marginal.labels().size(); i++) {
                index.put(marginal.labels().get(i), i);
            }
            int rare = marginal.labels().indexOf(rareLabel); // the band of pooled labels
            double[] cum = marginal.cumulative();
            double[] lo = new double[cum.length];
            double[] hi = new double[cum.length];
            for (int b = 0; b < cum.length; b++) {
                lo[b] = b == 0 ? 0 : cum[b - 1];
                hi[b] = cum[b];
            }
            int[] band = new int[rows];
            for (int r = 0; r < rows; r++) {
                band[r] = labels[r] == null ? -1 : index.getOrDefault(labels[r], rare);
            }
            out.add(new LatentCorrelation.Bands(band, lo, hi));
        }
        return out;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
