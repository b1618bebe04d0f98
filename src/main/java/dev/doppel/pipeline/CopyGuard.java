package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.evaluate.EvalColumn;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.generate.Batch;
import dev.doppel.generate.RowSampler;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.mask.PrivacyManifest;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.table.RawTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps synthetic rows from copying a rare training row, where the training rows are at hand ({@code run}): a
 * synthetic row that equals, on every evaluated column, a combination fewer than k training rows share is redrawn.
 * Inspired by synthpop's {@code sdc(rm.replicated.uniques = TRUE)}, which removes rows copying a unique row after the
 * fact.
 *
 * <p>A model cannot do this by itself: it holds aggregates, not rows, so on a small table with whole numbers (200
 * customers' age, income and score) it lands on some real row by chance, about once in 2,000 rows. A combination at
 * least k rows share singles no one out and is left alone, as the rare-label rule leaves labels seen k times.
 *
 * <p>Where rare combinations are the table's texture rather than chance hits (few columns of few values: 200 rows of
 * two columns where most pairs occur once or twice), a fresh sample of the same population lands on them as often as
 * the model does, and redrawing those rows would push the output onto combinations the data never had (quality 0.96 →
 * 0.76 on such a table). So before the first batch the guard draws a pilot of {@value #PILOT_ROWS} rows with a seed of
 * its own; when more than {@value #MAX_PILOT_SHARE} of them fall on a rare combination it stands down for the whole
 * output, and the privacy manifest says so ({@link #check()}).
 *
 * <p>Rows are compared as the evaluation compares them ({@link TableEncoder}: numbers as their written digits parse,
 * dates through their written text, labels by their text), by a 64-bit hash of the row; a hash match that is not an
 * equal row (odds about n / 2⁶⁴) only redraws a row that did not need it. A copying row is replaced by a row drawn
 * alone at the same position of the output, with its own seed from (batch, row, attempt), up to {@link #ATTEMPTS}
 * times; the row's identifiers stay. So the output is the same whatever the thread count, and a condition
 * ({@code --where}, or {@code --rebalance}'s mix, which goes by position) still holds row by row. Holds hashes of
 * rows, in memory only, never written anywhere.
 */
public final class CopyGuard {
    /** Redraws of one row at most; a row still copying after them is kept (and counted). */
    public static final int ATTEMPTS = 8;
    /** No guard: {@code fit} then {@code sample}, where no training row is at hand. */
    public static final CopyGuard NONE = none(0);
    /** Days either side of the training rows' dates checked to read back as themselves. */
    private static final int DAY_MARGIN = 366;
    /** Rows of the pilot draw that decides whether the guard acts. */
    static final int PILOT_ROWS = 2048;
    /** The pilot share of rows on a rare combination above which the guard stands down. */
    static final double MAX_PILOT_SHARE = 0.01;
    /**
     * The pilot's first batch index (slices count up from it): never one of the output's batches nor a redrawn row's
     * (see {@link #spareIndex}).
     */
    private static final long PILOT_INDEX = Long.MIN_VALUE;

    private final CsvBatchEncoder text;
    private final TableEncoder encoder;
    private final int[] source; // per evaluated column, its position among the written columns
    private final long[][] labelHashes; // per evaluated label column drawn as codes, each model code's hash
    private final long[][] days; // per evaluated date column: days [lo, hi] that read back as themselves, or null
    private final long[] rare; // sorted hashes of the combinations fewer than k training rows share
    private final boolean[] identifier; // per written column: an id, kept as drawn when a row is replaced
    private final int k;
    private final LongAdder redrawn = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private double pilotShare = Double.NaN; // set once by prepare, before any worker reads it
    private boolean active;

    private CopyGuard(CsvBatchEncoder text, TableEncoder encoder, int[] source, long[][] labelHashes, long[][] days,
            long[] rare, boolean[] identifier, int k) {
        this.text = text;
        this.encoder = encoder;
        this.source = source;
        this.labelHashes = labelHashes;
        this.days = days;
        this.rare = rare;
        this.identifier = identifier;
        this.k = k;
    }

    private static CopyGuard none(int k) {
        return new CopyGuard(null, null, null, null, null, new long[0], null, k);
    }

    /**
     * The guard for {@code model}'s rows against {@code training}, the rows it was fitted on (as fitted: masked),
     * compared on {@code schema}'s columns.
     *
     * @param k combinations shared by fewer training rows are the ones no synthetic row may copy
     */
    public static CopyGuard over(SynthModel model, RawTable training, EvalSchema schema, int k) {
        TableEncoder encoder = new TableEncoder(schema);
        List<EvalColumn> columns = encoder.columns();
        if (columns.isEmpty() || training.rows() == 0) {
            return none(k);
        }
        List<ColumnModel> written = ConstraintLayer.of(model).columns();
        CsvBatchEncoder text = new CsvBatchEncoder(written, model.dialect());
        int[] source = encoder.positionsIn(written.stream().map(ColumnModel::name).toList(), "synthetic rows");
        int[] real = encoder.positionsIn(training.names(), training.source());
        long[][] labelHashes = new long[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            ColumnModel m = written.get(source[j]);
            if (!columns.get(j).numeric() && m instanceof CategoricalColumn cat) {
                int labels = cat.marginal().labels().size();
                labelHashes[j] = new long[labels];
                for (int code = 0; code < labels; code++) {
                    labelHashes[j][code] = labelHash(encoder.label(j, text.labelText(source[j], code)));
                }
            }
        }
        long[] hashes = new long[training.rows()];
        double[] min = new double[columns.size()];
        double[] max = new double[columns.size()];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < hashes.length; r++) {
            long h = START;
            for (int j = 0; j < columns.size(); j++) {
                String cell = training.column(real[j])[r];
                if (columns.get(j).numeric()) {
                    double x = encoder.number(j, cell);
                    if (x == x) { // a missing cell widens nothing
                        min[j] = Math.min(min[j], x);
                        max[j] = Math.max(max[j], x);
                    }
                    h = fold(h, numberHash(x));
                } else {
                    h = fold(h, labelHash(encoder.label(j, cell)));
                }
            }
            hashes[r] = mix(h);
        }
        long[][] days = new long[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).kind() == ColumnKind.DATE && min[j] <= max[j]
                    && written.get(source[j]) instanceof NumericColumn drawn
                    && drawn.spec().kind() == ColumnKind.DATE) { // drawn (not written as missing, EmptyColumn)
                days[j] = identityDays(encoder, j, text, source[j], (long) min[j] - DAY_MARGIN,
                        (long) max[j] + DAY_MARGIN);
            }
        }
        Arrays.sort(hashes);
        long[] rare = new long[hashes.length];
        int count = 0;
        for (int from = 0, to; from < hashes.length; from = to) {
            to = from + 1;
            while (to < hashes.length && hashes[to] == hashes[from]) {
                to++;
            }
            if (to - from < k) {
                rare[count++] = hashes[from];
            }
        }
        if (count == 0) {
            return none(k);
        }
        boolean[] identifier = new boolean[written.size()];
        for (int c = 0; c < written.size(); c++) {
            identifier[c] = written.get(c) instanceof IdentifierColumn;
        }
        return new CopyGuard(text, encoder, source, labelHashes, days, Arrays.copyOf(rare, count), identifier, k);
    }

    /**
     * {lo, hi} when every epoch day from lo to hi, written as the column writes it and read back as the evaluation
     * reads it, is that day again (so a drawn day need not go through its text); null when one is not (a layout
     * without the day of the month, say) or the span is implausibly long.
     */
    private static long[] identityDays(TableEncoder encoder, int j, CsvBatchEncoder text, int c, long lo, long hi) {
        if (hi - lo > 100_000) {
            return null;
        }
        for (long d = lo; d <= hi; d++) {
            if (encoder.number(j, text.temporalText(c, d)) != d) {
                return null;
            }
        }
        return new long[] {lo, hi};
    }

    /** True when this guard redraws nothing. */
    public boolean isNone() {
        return rare.length == 0;
    }

    /** What the guard protects and has done so far, for the privacy manifest (counts only). */
    public PrivacyManifest.CopyCheck check() {
        return new PrivacyManifest.CopyCheck(k, rare.length, Double.isNaN(pilotShare) ? null : pilotShare,
                active, redrawn(), kept());
    }

    /**
     * Decides, once, whether this guard acts on {@code sampler}'s output: it draws a pilot of {@link #PILOT_ROWS}
     * rows (its own seeds, so the output's rows are untouched; for a smaller output in slices of its size) and
     * stands down when more than {@link #MAX_PILOT_SHARE} of them fall on a rare combination. The same seed gives the same decision, so a
     * database load after the file redraws the same rows. Called before the workers start.
     */
    synchronized void prepare(RowSampler sampler, ConstraintLayer layer, long outputRows) {
        if (isNone() || !Double.isNaN(pilotShare) || outputRows == 0) {
            return;
        }
        // slices of at most the output's size, at its first positions (a mix by position holds only there), each
        // with its own index, so a small output gets as sure a decision as a large one
        int slice = (int) Math.min(PILOT_ROWS, outputRows);
        Batch pilot = layer.newBatch(slice);
        long[] hashes = new long[slice];
        int hits = 0;
        for (int drawn = 0, s = 0; drawn < PILOT_ROWS; drawn += slice, s++) {
            sampler.fill(pilot, PILOT_INDEX + s, 0, slice);
            layer.complete(pilot);
            hashes(pilot, hashes);
            for (long h : hashes) {
                hits += Arrays.binarySearch(rare, h) >= 0 ? 1 : 0;
            }
        }
        int slices = (PILOT_ROWS + slice - 1) / slice;
        pilotShare = (double) hits / ((long) slices * slice);
        active = pilotShare <= MAX_PILOT_SHARE;
    }

    /** True once {@link #prepare} has found the guard worth acting on. */
    public boolean active() {
        return active;
    }

    /** Rows replaced so far because they copied a rare training row. */
    public long redrawn() {
        return redrawn.sum();
    }

    /** Rows kept although they still copied one after {@link #ATTEMPTS} redraws. */
    public long kept() {
        return kept.sum();
    }

    /**
     * Replaces, in a drawn and completed batch, every row that copies a rare training row by a row drawn alone at its
     * position that does not; nothing when the guard stood down ({@link #prepare} comes first); thread-safe.
     *
     * @param batchIndex the batch's index in the output (seeds a redrawn row, with the row and the attempt)
     */
    void mend(Batch batch, long batchIndex, RowSampler sampler, ConstraintLayer layer) {
        if (isNone() || !active) {
            return;
        }
        int n = batch.size();
        long[] hashes = new long[n];
        hashes(batch, hashes);
        boolean[] copying = new boolean[n];
        int left = 0;
        for (int r = 0; r < n; r++) {
            if (Arrays.binarySearch(rare, hashes[r]) >= 0) {
                copying[r] = true;
                left++;
            }
        }
        if (left == 0) {
            return;
        }
        Batch spare = layer.newBatch(1);
        long[] one = new long[1];
        for (int r = 0; r < n; r++) {
            if (!copying[r]) {
                continue;
            }
            boolean replaced = false;
            for (int attempt = 0; attempt < ATTEMPTS && !replaced; attempt++) {
                sampler.fill(spare, spareIndex(batchIndex, r, attempt), batch.firstRow() + r, 1);
                layer.complete(spare);
                hashes(spare, one);
                if (Arrays.binarySearch(rare, one[0]) < 0) {
                    copyRow(spare, 0, batch, r);
                    replaced = true;
                }
            }
            if (replaced) {
                redrawn.increment();
            } else {
                kept.increment();
            }
        }
    }

    /**
     * The index that seeds a spare row: negative, so never the index of one of the output's own batches, and one per
     * (batch, row, attempt).
     */
    static long spareIndex(long batchIndex, int row, int attempt) {
        return -1 - ((batchIndex * SampleRequest.BATCH_ROWS + row) * ATTEMPTS + attempt);
    }

    /** Each row's hash, column by column: the same fold, in the same column order, as the training rows'. */
    private void hashes(Batch batch, long[] into) {
        int n = batch.size();
        Arrays.fill(into, 0, n, START);
        for (int j = 0; j < source.length; j++) {
            int c = source[j];
            if (labelHashes[j] != null) {
                int[] codes = batch.codes(c);
                long[] of = labelHashes[j];
                for (int r = 0; r < n; r++) {
                    into[r] = fold(into[r], codes[r] < 0 ? MISSING : of[codes[r]]);
                }
            } else if (!encoder.columns().get(j).numeric()) {
                for (int r = 0; r < n; r++) {
                    into[r] = fold(into[r], labelHash(encoder.label(j, text.text(batch, c, r))));
                }
            } else {
                double[] x = batch.numbers(c);
                ColumnKind kind = encoder.columns().get(j).kind();
                if (x != null && (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL)) {
                    for (int r = 0; r < n; r++) {
                        into[r] = fold(into[r], numberHash(text.readBack(c, x[r])));
                    }
                } else if (x != null && days[j] != null) {
                    long lo = days[j][0];
                    long hi = days[j][1];
                    for (int r = 0; r < n; r++) {
                        double v = x[r];
                        boolean plain = v >= lo && v <= hi && v == Math.rint(v); // a day known to read back as itself
                        into[r] = fold(into[r], numberHash(plain ? v : encoder.number(j, text.text(batch, c, r))));
                    }
                } else {
                    for (int r = 0; r < n; r++) {
                        into[r] = fold(into[r], numberHash(encoder.number(j, text.text(batch, c, r))));
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            into[r] = mix(into[r]);
        }
    }

    /** Copies row {@code i} of {@code from} into row {@code r} of {@code to}, every column but the identifiers. */
    private void copyRow(Batch from, int i, Batch to, int r) {
        for (int c = 0; c < identifier.length; c++) {
            if (identifier[c]) {
                continue;
            }
            if (from.numbers(c) != null) {
                to.numbers(c)[r] = from.numbers(c)[i];
            }
            if (from.codes(c) != null) {
                to.codes(c)[r] = from.codes(c)[i];
            }
            if (from.strings(c) != null) {
                to.strings(c)[r] = from.strings(c)[i];
            }
        }
    }

    private static final long START = 0x9E3779B97F4A7C15L;
    private static final long MISSING = 0x5bd1e9955bd1e995L;

    /** One cell into a row's hash: a multiply and a rotation; {@link #mix} spreads the whole row's at the end. */
    private static long fold(long h, long cell) {
        return Long.rotateLeft((h ^ cell) * 0x9E3779B97F4A7C15L, 29);
    }

    /** Equal numbers hash alike: one pattern for NaN (missing), and -0.0 as 0.0. */
    private static long numberHash(double x) {
        return Double.isNaN(x) ? MISSING : x == 0 ? 0L : Double.doubleToRawLongBits(x);
    }

    private static long labelHash(String label) {
        if (label == null) {
            return MISSING;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units, then mixed
        for (int i = 0; i < label.length(); i++) {
            h ^= label.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The murmur3 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93e6a4bf353L;
        return z ^ (z >>> 33);
    }

    @Override
    public String toString() {
        return "CopyGuard[" + rare.length + " rare combinations]"; // never a value
    }
}
