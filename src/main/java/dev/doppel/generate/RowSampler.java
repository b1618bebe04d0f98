package dev.doppel.generate;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.FastNormal;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.Seeds;
import dev.doppel.model.SynthModel;
import dev.doppel.model.TextColumn;
import dev.doppel.model.TextShape;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.TemporalLayout;
import java.util.List;
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
    private final int[] valueDim; // per column: its value dimension in the copula, or -1
    private final int[] missingDim; // per column: its "missing or not" dimension, or -1
    private final int[] spikeDim; // per column: its "spike or not" dimension, or -1
    private final ColumnModel[] columns;
    private final double[][] cumulative; // per categorical column
    private final IdentifierSequence[] identifiers;
    private final double[] rounding; // per numeric column: values are rounded to multiples of 1/rounding (0 = none)
    private final ConditionalScale scale;

    public RowSampler(SynthModel model, long seed) {
        this.model = model;
        this.seed = seed;
        this.copula = model.copula();
        List<ColumnModel> list = model.columns();
        int n = list.size();
        columns = list.toArray(new ColumnModel[0]);
        valueDim = new int[n];
        missingDim = new int[n];
        spikeDim = new int[n];
        cumulative = new double[n][];
        identifiers = new IdentifierSequence[n];
        rounding = new double[n];
        List<String> dims = copula.columns();
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns[c];
            List<String> own = m.dimensions();
            if (!dims.containsAll(own)) {
                throw new IllegalArgumentException("column '" + m.name() + "' is missing from the copula");
            }
            valueDim[c] = own.contains(m.name()) ? dims.indexOf(m.name()) : -1;
            missingDim[c] = own.contains(m.missingDimension()) ? dims.indexOf(m.missingDimension()) : -1;
            spikeDim[c] = m instanceof NumericColumn num && own.contains(num.spikeDimension())
                    ? dims.indexOf(num.spikeDimension())
                    : -1;
            if (m instanceof CategoricalColumn cat) {
                cumulative[c] = cat.marginal().cumulative();
            } else if (m instanceof IdentifierColumn id) {
                identifiers[c] = new IdentifierSequence(id, seed);
            } else if (m instanceof NumericColumn num) {
                rounding[c] = factorOf(num);
            }
        }
        int[][] gates = new int[n][];
        double[][] thresholds = new double[n][];
        for (int c = 0; c < n; c++) {
            int[] g = new int[2];
            double[] t = new double[2];
            int k = 0;
            if (missingDim[c] >= 0) {
                g[k] = missingDim[c];
                t[k++] = FastNormal.inverse(columns[c].missingShare());
            }
            if (spikeDim[c] >= 0) {
                g[k] = spikeDim[c];
                t[k++] = FastNormal.inverse(((NumericColumn) columns[c]).spike().share());
            }
            gates[c] = java.util.Arrays.copyOf(g, k);
            thresholds[c] = java.util.Arrays.copyOf(t, k);
        }
        scale = new ConditionalScale(copula, valueDim, gates, thresholds);
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

    /** Fills {@code batch} with rows [first, first + rows); the batch index seeds the random stream. */
    public void fill(Batch batch, long batchIndex, long first, int rows) {
        batch.reset(first, rows);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(Seeds.derive(seed, "batch", batchIndex));
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = copula.dimension();
        double[] eps = new double[d];
        double[] z = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                eps[j] = gauss.sample();
            }
            copula.correlate(eps, z);
            for (int c = 0; c < columns.length; c++) {
                if (cumulative[c] != null) {
                    batch.codes(c)[r] = category(c, z);
                } else if (columns[c] instanceof NumericColumn) {
                    batch.numbers(c)[r] = number(c, z);
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

    /** True when the row is missing in column c: its "missing" dimension falls in the lowest band. */
    private boolean missing(int c, double[] z) {
        double m = columns[c].missingShare();
        if (m <= 0) {
            return false;
        }
        return m >= 1 || missingDim[c] < 0 || FastNormal.cdf(z[missingDim[c]]) < m;
    }

    private int category(int c, double[] z) {
        if (missing(c, z)) {
            return -1;
        }
        double[] cum = cumulative[c];
        if (valueDim[c] < 0) {
            return 0;
        }
        double v = scale.uniform(c, z[valueDim[c]]);
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

    private double number(int c, double[] z) {
        if (missing(c, z)) {
            return Double.NaN;
        }
        NumericColumn col = (NumericColumn) columns[c];
        NumericColumn.Spike spike = col.spike();
        if (spike != null && (valueDim[c] < 0 || FastNormal.cdf(z[spikeDim[c]]) < spike.share())) {
            return spike.value();
        }
        double x = col.marginal().quantile(scale.uniform(c, z[valueDim[c]]));
        double factor = rounding[c];
        return factor > 0 ? Math.rint(x * factor) / factor : x;
    }

    private void fillIdentifiers(Batch batch, int c, long first, int rows, UniformRandomProvider rng) {
        double m = columns[c].missingShare();
        String[] out = batch.strings(c);
        IdentifierSequence ids = identifiers[c];
        for (int r = 0; r < rows; r++) {
            out[r] = m > 0 && rng.nextDouble() < m ? null : ids.idFor(first + r, rng::nextLong);
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
