package dev.doppel.generate;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.FastNormal;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.model.Seeds;
import dev.doppel.model.SynthModel;
import dev.doppel.model.TextColumn;
import dev.doppel.model.TextShape;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.TemporalLayout;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws synthetic rows from a model: independent standard normals, correlated by the copula's Cholesky factor, mapped
 * through Φ to uniforms and through each column's marginal to values. Each batch has its own random stream derived
 * from (seed, batch index), so the output does not depend on which thread drew which batch. Thread-safe: all state
 * is per call.
 */
public final class RowSampler {
    private final SynthModel model;
    private final long seed;
    private final GaussianCopula copula;
    private final int[] copulaIndex; // per column: its dimension in the copula, or -1
    private final ColumnModel[] columns;
    private final double[][] cumulative; // per categorical column
    private final double[][] thresholds; // per categorical column: see labelThresholds
    private final IdentifierSequence[] identifiers;
    private final double[] rounding; // per numeric column: values are rounded to multiples of 1/rounding (0 = none)

    public RowSampler(SynthModel model, long seed) {
        this.model = model;
        this.seed = seed;
        this.copula = model.copula();
        List<ColumnModel> list = model.columns();
        int n = list.size();
        columns = list.toArray(new ColumnModel[0]);
        copulaIndex = new int[n];
        cumulative = new double[n][];
        thresholds = new double[n][];
        identifiers = new IdentifierSequence[n];
        rounding = new double[n];
        List<String> dims = copula.columns();
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns[c];
            copulaIndex[c] = m.inCopula() ? dims.indexOf(m.name()) : -1;
            if (m.inCopula() && copulaIndex[c] < 0) {
                throw new IllegalArgumentException("column '" + m.name() + "' is missing from the copula");
            }
            if (m instanceof CategoricalColumn cat) {
                cumulative[c] = cat.marginal().cumulative();
                thresholds[c] = labelThresholds(c);
            } else if (m instanceof IdentifierColumn id) {
                identifiers[c] = new IdentifierSequence(id, seed);
            } else if (m instanceof NumericColumn num) {
                rounding[c] = factorOf(num);
            }
        }
    }

    /** 10^scale for decimals, 1 for whole numbers and dates, 1/step for date-times, 0 for no rounding. */
    private static double factorOf(NumericColumn num) {
        ColumnKind kind = num.spec().kind();
        return switch (kind) {
            case INTEGER, DATE -> 1;
            case DECIMAL -> num.spec().scale() < 0 ? 0 : Math.pow(10, num.spec().scale());
            case DATETIME -> 1 / TemporalLayout.of(num.spec().layout(), true).step();
            default -> 0;
        };
    }

    public SynthModel model() {
        return model;
    }

    public Batch newBatch(int capacity) {
        return new Batch(model.columns(), capacity);
    }

    /** Rows drawn and correlated together before their values are looked up column by column. */
    private static final int CHUNK = 256;

    /** Fills {@code batch} with rows [first, first + rows); the batch index seeds the random stream. */
    public void fill(Batch batch, long batchIndex, long first, int rows) {
        batch.reset(first, rows);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(Seeds.derive(seed, "batch", batchIndex));
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = copula.dimension();
        double[][] eps = new double[d][CHUNK]; // independent normals of up to CHUNK rows, one array per dimension
        double[][] chunk = new double[d][CHUNK]; // the same rows' correlated normals
        // Rows are drawn in order (all normals of a row, then the next row), so the random stream is consumed
        // exactly as a row-by-row loop would; correlation and lookups then run column by column, which keeps them
        // tight (and lets the compiler vectorise the Cholesky product).
        for (int from = 0; from < rows; from += CHUNK) {
            int count = Math.min(CHUNK, rows - from);
            draw(gauss, eps, d, count);
            copula.correlate(eps, chunk, count);
            for (int c = 0; c < columns.length; c++) {
                int dim = copulaIndex[c];
                if (dim < 0) {
                    continue;
                }
                if (thresholds[c] != null) {
                    categories(thresholds[c], chunk[dim], count, batch.codes(c), from);
                } else {
                    numbers(c, chunk[dim], count, batch.numbers(c), from);
                }
            }
        }
        for (int c = 0; c < columns.length; c++) {
            ColumnModel m = columns[c];
            if (m instanceof IdentifierColumn) {
                fillIdentifiers(batch, c, first, rows, rng);
            } else if (m instanceof TextColumn text) {
                fillText(batch, c, text, rows, rng);
            }
        }
    }

    /** {@code count} rows of {@code d} independent normals, row by row (the order the stream is consumed in). */
    private static void draw(ZigguratSampler.NormalizedGaussian gauss, double[][] eps, int d, int count) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < d; j++) {
                eps[j][r] = gauss.sample();
            }
        }
    }

    /**
     * The label (or -1 for missing) of a normal score z: u = Φ(z); the missing share takes the bottom of (0, 1), the
     * labels' intervals share the rest. This is the definition; sampling uses {@link #labelThresholds}, which gives
     * the same answer without computing Φ.
     */
    private int labelOf(int c, double z) {
        double u = FastNormal.cdf(z);
        double m = columns[c].missingShare();
        if (u < m) {
            return -1;
        }
        double v = m >= 1 ? 0 : (u - m) / (1 - m);
        double[] cum = cumulative[c];
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #labelOf} is a non-decreasing step function of z, so it is fully described by where it steps: t[k] is
     * the smallest double z with labelOf(z) >= k (found by bisection over the ordered doubles, on labelOf itself,
     * so with exactly its rounding), -infinity or +infinity where that holds everywhere or nowhere. The label of z is
     * then -1 plus the number of thresholds at or below z.
     */
    private double[] labelThresholds(int c) {
        int labels = cumulative[c].length;
        double[] t = new double[labels];
        long low = sortable(-10.0); // Φ is flat (0) below -9 and (1) above 9 in FastNormal
        long high = sortable(10.0);
        for (int k = 0; k < labels; k++) {
            if (labelOf(c, -10.0) >= k) {
                t[k] = Double.NEGATIVE_INFINITY;
            } else if (labelOf(c, 10.0) < k) {
                t[k] = Double.POSITIVE_INFINITY;
            } else {
                long lo = low; // labelOf < k
                long hi = high; // labelOf >= k
                while (Long.compareUnsigned(hi - lo, 1) > 0) { // the gap can exceed Long.MAX_VALUE: unsigned
                    long mid = lo + ((hi - lo) >>> 1);
                    if (labelOf(c, fromSortable(mid)) >= k) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                t[k] = fromSortable(hi);
            }
        }
        return t;
    }

    /** A double's bits as a long that orders like the double (-0.0 just below 0.0). */
    private static long sortable(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromSortable(long v) {
        return Double.longBitsToDouble(v >= 0 ? v : v ^ Long.MAX_VALUE);
    }

    /** Labels of a chunk of normal scores: -1 plus the number of thresholds at or below each. */
    private static void categories(double[] t, double[] z, int count, int[] out, int offset) {
        int labels = t.length;
        if (labels <= 16) {
            for (int r = 0; r < count; r++) {
                double x = z[r];
                int k = -1;
                for (int i = 0; i < labels; i++) {
                    k += x >= t[i] ? 1 : 0;
                }
                out[offset + r] = k;
            }
            return;
        }
        for (int r = 0; r < count; r++) {
            double x = z[r];
            int lo = 0; // first threshold above x
            int hi = labels;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x >= t[mid]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[offset + r] = lo - 1;
        }
    }

    /** Numbers: the missing share takes the bottom of (0, 1), the quantile function maps the rest. */
    private void numbers(int c, double[] z, int count, double[] out, int offset) {
        NumericColumn col = (NumericColumn) columns[c];
        double m = col.missingShare();
        QuantileMarginal marginal = col.marginal();
        double factor = rounding[c];
        for (int r = 0; r < count; r++) {
            double u = FastNormal.cdf(z[r]);
            if (u < m) {
                out[offset + r] = Double.NaN;
                continue;
            }
            double x = marginal.quantile(m >= 1 ? 0 : (u - m) / (1 - m));
            out[offset + r] = factor > 0 ? Math.rint(x * factor) / factor : x;
        }
    }

    private void fillIdentifiers(Batch batch, int c, long first, int rows, UniformRandomProvider rng) {
        double m = columns[c].missingShare();
        String[] out = batch.strings(c);
        IdentifierSequence ids = identifiers[c];
        LongSupplier random = rng::nextLong;
        for (int r = 0; r < rows; r++) {
            out[r] = m > 0 && rng.nextDouble() < m ? null : ids.idFor(first + r, random);
        }
    }

    private void fillText(Batch batch, int c, TextColumn text, int rows, UniformRandomProvider rng) {
        double m = text.missingShare();
        TextShape shape = text.shape();
        List<Integer> lengths = shape.lengths();
        List<Double> shares = shape.lengthShares();
        List<String> positions = shape.positions();
        String[] out = batch.strings(c);
        for (int r = 0; r < rows; r++) {
            if (m > 0 && rng.nextDouble() < m) {
                out[r] = null;
                continue;
            }
            double p = rng.nextDouble();
            int li = 0;
            while (li < lengths.size() - 1 && p >= shares.get(li)) {
                p -= shares.get(li);
                li++;
            }
            int len = lengths.get(li);
            char[] chars = new char[len];
            for (int i = 0; i < len; i++) {
                String a = positions.get(i);
                chars[i] = a.charAt(rng.nextInt(a.length()));
            }
            out[r] = new String(chars);
        }
    }
}
