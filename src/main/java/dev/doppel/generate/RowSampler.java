package dev.doppel.generate;

import dev.doppel.generate.condition.Interleave;

import dev.doppel.error.InputException;
import dev.doppel.generate.condition.Audience;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FakeColumn;
import dev.doppel.mask.fake.FakePerson;
import dev.doppel.mask.fake.Fakes;
import dev.doppel.privacy.PersonalData;
import dev.doppel.model.FastNormal;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.Seeds;
import dev.doppel.model.SynthModel;
import dev.doppel.model.TextColumn;
import dev.doppel.model.TextShape;
import dev.doppel.stats.StepThresholds;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleToIntFunction;
import java.util.function.LongSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws synthetic rows from a model: independent standard normals, correlated by the copula's Cholesky factor, then
 * per column: "missing or not" and "spike or not" from their dimensions, and the value from its dimension through the
 * column's marginal. Unconditioned and up to {@link #STRATIFIED_ROWS} rows, each latent dimension's normals are
 * stratified over the batch's rows in the order the copula drew them (see {@link #stratify}), so a batch's columns
 * match their marginals to about 1/rows. Each batch has its own random stream derived from (seed, batch index), so the
 * output does not depend on which thread drew which batch. Thread-safe: all state is per call.
 *
 * <p>Every decision that compares Φ(z) with a share is a step function of z, so it is precomputed as thresholds on z
 * (found by bisection on the definition itself, so with exactly its rounding): sampling compares doubles instead of
 * computing Φ per cell.
 */
public final class RowSampler {
    /** Rows drawn and correlated together before their values are looked up column by column. */
    private static final int CHUNK = 256;
    /**
     * The most latent dimensions a stratified copula batch's normals are made exactly uncorrelated over (Gram-Schmidt
     * costs d² per row: 64 dimensions about as much as drawing the row).
     */
    static final int ORTHONORMAL_MAX_DIMENSIONS = 64;

    private final SynthModel model;
    private final long seed;
    private final GaussianCopula copula;
    private final ColumnModel[] columns;
    private final int[] valueDim; // per column: its value dimension in the copula, or -1
    private final int[] missingDim; // per column: its "missing or not" dimension, or -1
    private final int[] spikeDim; // per column: its "spike or not" dimension, or -1
    private final double[] missingBelow; // per column: z of the missing dimension below which the row is missing
    private final double[] spikeBelow; // per column: z of the spike dimension below which the value is the spike
    private final double[][] cumulative; // per categorical column
    private final double[][] labelThresholds; // per categorical column with a value dimension
    private final IdentifierSequence[] identifiers;
    private final double[] rounding; // per numeric column: values are rounded to multiples of 1/rounding (0 = none)
    private final ConditionalScale scale;
    private final Fakes[] fakes; // per fake column: its locale's fakes
    private final int[] fakeColumns; // the fake columns, in order
    private final boolean fakePersons; // a made-up person is drawn per row
    private final Map<String, Set<String>> realIds;
    private final long totalRows;
    private final TreeSampler trees; // null for a copula model
    private final Audience audience; // null or empty: every row
    private final Interleave interleave; // which audience group each row belongs to; null without an audience
    private final ConditionedRows conditioned; // --where / --rebalance (see ConditionedRows); null: none
    private final boolean stratified; // see STRATIFIED_ROWS

    /**
     * Outputs of up to this many rows are drawn stratified within each batch (Latin hypercube: {@link #stratify}, and
     * the tree sampler's {@link StratifiedUniforms}); larger ones are drawn with independent uniforms. Stratifying
     * takes a column's sampling noise from about 1/√n to about 1/n, which lifts the quality scores of a sample the size
     * of a small table by 0.01 to 0.04; at 100,000 rows the noise is about 0.3% and the gain below 0.002, while a sort
     * and an inverse normal per cell cost 20 to 60% of sampling time (1,000,000 telco rows: copula 1.57 -> 2.47 s,
     * tree 2.06 -> 2.49 s).
     */
    public static final long STRATIFIED_ROWS = 100_000;

    /** A sampler for an output of unknown size, drawn as a small one (stratified; see {@link #STRATIFIED_ROWS}). */
    public RowSampler(SynthModel model, long seed) {
        this(model, seed, Map.of(), 0);
    }

    /**
     * @param realIds per identifier column, real ids that synthetic ids must avoid (empty when unknown)
     * @param totalRows the rows the whole output will have (where replacement ids start; up to
     *     {@link #STRATIFIED_ROWS}, batches are drawn stratified), 0 when unknown
     */
    public RowSampler(SynthModel model, long seed, Map<String, Set<String>> realIds, long totalRows) {
        this(model, seed, realIds, totalRows, Audience.none());
    }

    /**
     * @param audience the rows wanted ({@code --where}, {@code --rebalance}), compiled against {@code model};
     *     throws {@link dev.doppel.generate.condition.ConditionException} when the copula cannot produce them
     */
    public RowSampler(SynthModel model, long seed, Map<String, Set<String>> realIds, long totalRows,
            Audience audience) {
        this.model = model;
        this.realIds = realIds;
        this.totalRows = totalRows;
        this.stratified = totalRows <= STRATIFIED_ROWS;
        this.seed = seed;
        this.copula = model.copula();
        List<ColumnModel> list = model.columns();
        int n = list.size();
        columns = list.toArray(new ColumnModel[0]);
        valueDim = new int[n];
        missingDim = new int[n];
        spikeDim = new int[n];
        missingBelow = new double[n];
        spikeBelow = new double[n];
        cumulative = new double[n][];
        labelThresholds = new double[n][];
        identifiers = new IdentifierSequence[n];
        rounding = new double[n];
        List<String> dims = copula.columns();
        int[][] gates = new int[n][];
        double[][] gateThresholds = new double[n][];
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
            double missingShare = m.missingShare();
            missingBelow[c] = threshold(z -> FastNormal.cdf(z) < missingShare ? 0 : 1);
            double spikeShare = m instanceof NumericColumn num ? num.spikeShare() : 0;
            spikeBelow[c] = threshold(z -> FastNormal.cdf(z) < spikeShare ? 0 : 1);
            gates[c] = new int[0];
            gateThresholds[c] = new double[0];
            if (missingDim[c] >= 0) {
                gates[c] = append(gates[c], missingDim[c]);
                gateThresholds[c] = append(gateThresholds[c], missingBelow[c]);
            }
            if (spikeDim[c] >= 0) {
                gates[c] = append(gates[c], spikeDim[c]);
                gateThresholds[c] = append(gateThresholds[c], spikeBelow[c]);
            }
            if (m instanceof CategoricalColumn cat) {
                cumulative[c] = cat.marginal().cumulative();
            } else if (m instanceof IdentifierColumn id) {
                identifiers[c] = new IdentifierSequence(id, seed);
                identifiers[c].avoid(realIds.getOrDefault(id.name(), Set.of()));
                if (totalRows > identifiers[c].capacity()) {
                    throw new InputException("column '" + id.name() + "': the identifier's format allows only "
                            + identifiers[c].capacity() + " fresh ids, fewer than the " + totalRows
                            + " rows asked for; ask for fewer rows or mark the column as text in the profile");
                }
            } else if (m instanceof NumericColumn num) {
                rounding[c] = num.roundingFactor();
            }
        }
        scale = new ConditionalScale(copula, valueDim, gates, gateThresholds);
        fakes = new Fakes[n];
        int[] fakeList = new int[0];
        boolean persons = false;
        for (int c = 0; c < n; c++) {
            if (columns[c] instanceof FakeColumn fake) {
                fakes[c] = Fakes.of(Locale.forLanguageTag(fake.locale()));
                fakeList = append(fakeList, c);
                persons |= Fakes.personBound(fake.what());
            }
        }
        fakeColumns = fakeList;
        fakePersons = persons;
        trees = model.trees() == null ? null : new TreeSampler(model, rounding);
        for (int c = 0; c < n; c++) {
            if (cumulative[c] != null && valueDim[c] >= 0) {
                int column = c;
                labelThresholds[c] = thresholds(cumulative[c].length, z -> labelOf(column, z));
            }
        }
        this.audience = audience;
        this.interleave = audience == null || audience.isEmpty() ? null : audience.interleave(totalRows);
        conditioned = trees != null ? null : ConditionedRows.of(audience, copula, this::latent, totalRows);
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private static double[] append(double[] a, double v) {
        double[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    public SynthModel model() {
        return model;
    }

    /** True when a stratified copula batch of {@code rows} rows has its normals made exactly uncorrelated. */
    private boolean orthonormal(int rows) {
        int d = copula.dimension();
        return d <= ORTHONORMAL_MAX_DIMENSIONS && rows >= 4 * d;
    }

    /**
     * Heap a worker holds per row of a batch while it draws: for a stratified copula batch, the latent normals (8 bytes
     * per dimension and row) and, when they are made exactly uncorrelated, the independent ones too; nothing extra
     * otherwise.
     */
    public long scratchBytesPerRow() {
        if (!stratified) {
            return 0;
        }
        return 8L * (copula.dimension() + 1) * (copula.dimension() <= ORTHONORMAL_MAX_DIMENSIONS ? 2 : 1);
    }

    /** True when batches are drawn stratified: an output of at most {@link #STRATIFIED_ROWS} rows. */
    public boolean stratified() {
        return stratified;
    }

    public Batch newBatch(int capacity) {
        return new Batch(model.columns(), capacity);
    }

    /** Fills {@code batch} with rows [first, first + rows); the batch index seeds the random stream. */
    public void fill(Batch batch, long batchIndex, long first, int rows) {
        batch.reset(first, rows);
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(Seeds.derive(seed, "batch", batchIndex));
        if (trees != null) {
            trees.fill(batch, first, rows, RandomSource.L64_X128_MIX.create(Seeds.derive(seed, "trees", batchIndex)),
                    audience, interleave, stratified);
        } else {
            fillCopula(batch, first, rows, rng);
        }
        fillOthers(batch, batchIndex, first, rows, rng);
    }

    /**
     * The numeric and categorical columns of a copula model. Unconditioned, the batch's correlated normals are drawn
     * first and then stratified ({@link #stratify}); conditioned rows (see {@link ConditionedRows}) are looked up
     * chunk by chunk as drawn.
     */
    private void fillCopula(Batch batch, long first, int rows, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = copula.dimension();
        if (conditioned == null && stratified && rows >= StratifiedUniforms.RANK_MAP_MIN_ROWS) {
            fillCopulaStratified(batch, rows, gauss, rng);
            return;
        }
        double[][] eps = new double[d][CHUNK]; // independent normals of up to CHUNK rows, one array per dimension
        double[][] chunk = new double[d][CHUNK]; // the same rows' correlated normals
        // Rows are drawn in order (all normals of a row, then the next row), so the random stream is consumed
        // exactly as a row-by-row loop would; correlation and lookups then run column by column, which keeps them
        // tight (and lets the compiler vectorise the Cholesky product).
        for (int from = 0; from < rows; from += CHUNK) {
            int count = Math.min(CHUNK, rows - from);
            if (conditioned != null) {
                conditioned.draw(rng, gauss, first + from, count, chunk); // conditioned rows: see ConditionedRows
            } else {
                draw(gauss, eps, d, count);
                copula.correlate(eps, chunk, count);
            }
            lookUp(batch, chunk, count, from);
        }
    }

    /**
     * An unconditioned batch of at least {@link StratifiedUniforms#RANK_MAP_MIN_ROWS} rows, stratified: the batch's
     * independent normals are drawn row by row (the same stream as unstratified rows), made exactly uncorrelated over
     * the batch ({@link Orthonormal}, when there are at most {@link #ORTHONORMAL_MAX_DIMENSIONS} dimensions and at
     * least 4 rows per dimension), correlated by the copula (so the batch's latent correlation is the model's, not
     * the model's ± (1 − ρ²)/√rows) and then stratified dimension by dimension in that rank order ({@link #stratify}).
     */
    private void fillCopulaStratified(Batch batch, int rows, ZigguratSampler.NormalizedGaussian gauss,
            UniformRandomProvider rng) {
        int d = copula.dimension();
        double[][] all = new double[d][rows];
        if (orthonormal(rows)) {
            double[][] eps = new double[d][rows];
            draw(gauss, eps, d, rows);
            Orthonormal.columns(eps, d, rows);
            copula.correlate(eps, all, rows);
        } else { // a wide copula: chunk by chunk, as unstratified rows, so no second d × rows array is held
            double[][] eps = new double[d][CHUNK];
            double[][] chunk = new double[d][CHUNK];
            for (int from = 0; from < rows; from += CHUNK) {
                int count = Math.min(CHUNK, rows - from);
                draw(gauss, eps, d, count);
                copula.correlate(eps, chunk, count);
                for (int j = 0; j < d; j++) {
                    System.arraycopy(chunk[j], 0, all[j], from, count);
                }
            }
        }
        long[] keys = new long[rows];
        for (int j = 0; j < d; j++) {
            stratify(all[j], rows, keys, rng);
        }
        lookUp(batch, all, rows, 0);
    }

    /** Looks up rows [0, count) of {@code latent} column by column into the batch's rows from {@code offset}. */
    private void lookUp(Batch batch, double[][] latent, int count, int offset) {
        for (int c = 0; c < columns.length; c++) {
            if (cumulative[c] != null) {
                categories(c, latent, count, batch.codes(c), offset);
            } else if (columns[c] instanceof NumericColumn) {
                numbers(c, latent, count, batch.numbers(c), offset);
            }
        }
    }

    /**
     * Replaces a dimension's m normals by stratified ones in the same rank order: the row of rank k gets
     * Φ⁻¹((k + v) / m), v uniform ({@link StratifiedUniforms#rankMap}, then Φ⁻¹). The dependence between dimensions is
     * the rank order the copula drew; each dimension's normals fall one in each of m equal-probability strata, so each
     * column's shares and quantiles miss the marginal's by about 1/m instead of 1/√m. Only for batches of at least
     * {@link StratifiedUniforms#RANK_MAP_MIN_ROWS} rows, where the coarser rank order costs a correlation about 1/m of
     * itself.
     */
    private static void stratify(double[] z, int m, long[] keys, UniformRandomProvider rng) {
        StratifiedUniforms.rankMap(z, m, keys, rng);
        for (int r = 0; r < m; r++) {
            z[r] = FastNormal.inverse(z[r]);
        }
    }

    /** Identifiers, free text and made-up columns: the same for both kinds of model. */
    private void fillOthers(Batch batch, long batchIndex, long first, int rows, UniformRandomProvider rng) {
        for (int c = 0; c < columns.length; c++) {
            ColumnModel m = columns[c];
            if (m instanceof IdentifierColumn) {
                fillIdentifiers(batch, c, first, rows, rng);
            } else if (m instanceof TextColumn text) {
                fillText(batch, c, text, rows, rng);
            }
        }
        if (fakeColumns.length > 0) {
            fillFakes(batch, batchIndex, rows);
        }
    }

    /**
     * Fake columns, row by row: one made-up person per row, then each column's value from it (redrawn while it equals
     * a real value of the column). A stream of its own, derived from (seed, batch index), so adding a fake column
     * changes no other column.
     */
    private void fillFakes(Batch batch, long batchIndex, int rows) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, "fake", batchIndex));
        for (int r = 0; r < rows; r++) {
            FakePerson person = fakePersons ? fakes[fakeColumns[0]].person(rnd) : null;
            for (int c : fakeColumns) {
                FakeColumn fake = (FakeColumn) columns[c];
                String[] out = batch.strings(c);
                if (fake.missingShare() > 0 && rnd.nextDouble() < fake.missingShare()) {
                    out[r] = null;
                    continue;
                }
                String layout = layout(fake, rnd.nextDouble());
                Set<String> avoid = realIds.getOrDefault(fake.name(), Set.of());
                Fakes.Drawn drawn = fakes[c].fakeAvoiding(fake.what(), person, layout, rnd, avoid::contains, fake.name());
                person = drawn.person();
                out[r] = drawn.value();
            }
        }
    }

    /** The layout whose cumulative share first exceeds u; null (the locale's usual format) when none was learned. */
    private static String layout(FakeColumn fake, double u) {
        List<String> layouts = fake.layouts();
        if (layouts.isEmpty()) {
            return null;
        }
        List<Double> shares = fake.layoutShares();
        double acc = 0;
        for (int i = 0; i < layouts.size() - 1; i++) {
            acc += shares.get(i);
            if (u < acc) {
                return layouts.get(i);
            }
        }
        return layouts.get(layouts.size() - 1);
    }

    /** {@code count} rows of {@code d} independent normals, row by row (the order the stream is consumed in). */
    private static void draw(ZigguratSampler.NormalizedGaussian gauss, double[][] eps, int d, int count) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < d; j++) {
                eps[j][r] = gauss.sample();
            }
        }
    }

    /** True when row r of the chunk is missing in column c. */
    private boolean missing(int c, double[][] chunk, int r) {
        double m = columns[c].missingShare();
        if (m <= 0) {
            return false;
        }
        return m >= 1 || missingDim[c] < 0 || chunk[missingDim[c]][r] < missingBelow[c];
    }

    /** The label of a value-dimension score z: the label whose interval holds its uniform. The definition. */
    private int labelOf(int c, double z) {
        double v = scale.uniform(c, z);
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
     * Thresholds of a non-decreasing step function f of z with values 0..levels-1 ({@link StepThresholds}) over the
     * normal scores FastNormal tells apart: Φ is flat (0) below -9 and (1) above 9 there.
     */
    private static double[] thresholds(int levels, DoubleToIntFunction f) {
        return StepThresholds.of(levels, f, -10.0, 10.0);
    }

    /** The threshold of a two-level step function: z at or above it gives 1. */
    static double threshold(DoubleToIntFunction f) {
        return thresholds(2, f)[1];
    }

    /** Labels of a chunk: -1 when missing, else -1 plus the number of label thresholds at or below the score. */
    private void categories(int c, double[][] chunk, int count, int[] out, int offset) {
        double[] t = labelThresholds[c];
        double[] z = valueDim[c] >= 0 ? chunk[valueDim[c]] : null;
        int labels = t == null ? 1 : t.length;
        for (int r = 0; r < count; r++) {
            if (missing(c, chunk, r)) {
                out[offset + r] = -1;
                continue;
            }
            if (t == null) {
                out[offset + r] = 0;
                continue;
            }
            double x = z[r];
            int k;
            if (labels <= 16) {
                k = -1;
                for (int i = 0; i < labels; i++) {
                    k += x >= t[i] ? 1 : 0;
                }
            } else {
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
                k = lo - 1;
            }
            out[offset + r] = k;
        }
    }

    /** Numbers of a chunk: missing, else the spike, else the value through the quantile function. */
    private void numbers(int c, double[][] chunk, int count, double[] out, int offset) {
        NumericColumn col = (NumericColumn) columns[c];
        NumericColumn.Spike spike = col.spike();
        double[] z = valueDim[c] >= 0 ? chunk[valueDim[c]] : null;
        double[] s = spikeDim[c] >= 0 ? chunk[spikeDim[c]] : null;
        for (int r = 0; r < count; r++) {
            if (missing(c, chunk, r)) {
                out[offset + r] = Double.NaN;
            } else if (spike != null && (z == null || s[r] < spikeBelow[c])) {
                out[offset + r] = spike.value();
            } else {
                out[offset + r] = valueOf(c, z[r]);
            }
        }
    }

    /** The value of a present, non-spike cell of numeric column c for value-dimension score z. The definition. */
    private double valueOf(int c, double z) {
        double x = ((NumericColumn) columns[c]).marginal().quantile(scale.uniform(c, z));
        double factor = rounding[c];
        return factor > 0 ? Math.rint(x * factor) / factor : x;
    }

    private void fillIdentifiers(Batch batch, int c, long first, int rows, UniformRandomProvider rng) {
        double m = columns[c].missingShare();
        String[] out = batch.strings(c);
        IdentifierSequence ids = identifiers[c];
        LongSupplier random = rng::nextLong;
        Set<String> avoid = realIds.getOrDefault(columns[c].name(), Set.of());
        for (int r = 0; r < rows; r++) {
            out[r] = m > 0 && rng.nextDouble() < m ? null : ids.idAvoiding(first + r, random, avoid, totalRows);
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

    // ---- Conditioning (--where, --rebalance): what ConditionedRows reads of this sampler's latent maps ----

    /** How column c's latent scores become its cells. */
    private LatentColumn latent(int c) {
        return new LatentColumn(columns[c], valueDim[c], missingDim[c], spikeDim[c], missingBelow[c], spikeBelow[c],
                labelThresholds[c], columns[c] instanceof NumericColumn num && num.marginal() != null
                        ? z -> valueOf(c, z) : null);
    }
}
