package dev.doppel.io;

import com.github.luben.zstd.Zstd;
import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.xerial.snappy.Snappy;

/**
 * Writes batches to a Parquet file with proper logical types: integers as INT64, decimals as DECIMAL(18, scale),
 * booleans as BOOLEAN, labels and ids as UTF-8 strings, dates as DATE, date-times as TIMESTAMP (microseconds; UTC-
 * adjusted when the input carried offsets). Every column is optional (nullable).
 *
 * <p>The file is a sequence of row groups of {@link #ROW_GROUP_ROWS} rows (the last one shorter), each batch one data
 * page (format v1) per column. {@link #encode} turns a batch into compressed pages and may run on any number of
 * threads at once; {@link #append} takes encoded batches in row order on one thread, only gathering pages and writing
 * each row group once it is full. {@link #write} is the one-thread shortcut and gives the same bytes.
 *
 * <p>Pages are encoded here rather than by Parquet's generic column writers, because the model says up front which
 * values a column can take: labels are dictionary-encoded with the model's labels as the dictionary (the index is the
 * sampled label code), and whole numbers, fixed-scale decimals and dates whose range spans few enough steps are
 * dictionary-encoded with every step of that range as the dictionary (the index is arithmetic). Nothing is hashed, and
 * the dictionaries are the same in every row group. Everything else (ids, text, date-times, wide ranges) is plain.
 * Parquet's own file writer still writes the page headers, statistics, column and offset indexes, and footer.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    /**
     * Rows per row group: whole row groups are written once full, so they never depend on the thread count or on how
     * batches are cut; large enough for good compression and few footer entries (DuckDB's own writer uses 122,880).
     */
    public static final int ROW_GROUP_ROWS = 16 * 8192;
    /** Most entries in a numeric dictionary (64k entries, at most 512 KB of dictionary page). */
    private static final int MAX_DICTIONARY = 1 << 16;
    /** Bit-packed runs hold at most this many groups of 8 values, as Parquet's own encoder writes them. */
    private static final int MAX_GROUPS_PER_RUN = 63;
    /**
     * Format v1 pages use the encodings Parquet's own v1 writer uses, which every reader knows: PLAIN_DICTIONARY for
     * dictionary pages and dictionary-encoded data, BIT_PACKED for the repetition levels (none: the schema is flat).
     * They are deprecated only for format v2 files.
     */
    @SuppressWarnings("deprecation")
    private static final Encoding DICTIONARY = Encoding.PLAIN_DICTIONARY;

    @SuppressWarnings("deprecation")
    private static final Encoding NO_LEVELS = Encoding.BIT_PACKED;

    /** Parquet compression codecs offered on the command line. */
    public enum Compression {
        SNAPPY(CompressionCodecName.SNAPPY),
        ZSTD(CompressionCodecName.ZSTD),
        GZIP(CompressionCodecName.GZIP),
        NONE(CompressionCodecName.UNCOMPRESSED);

        final CompressionCodecName codec;

        Compression(CompressionCodecName codec) {
            this.codec = codec;
        }

        public static Compression fromKey(String key) {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final MessageType schema;
    private final CompressionCodecName codec;
    private final ParquetFileWriter file;
    private final ColumnDescriptor[] descriptors;
    private final ColumnPlan[] plans;
    /** Page buffers and compressors are reused, and not thread-safe: each encoding borrows a set. */
    private final ConcurrentLinkedQueue<Scratch> idle = new ConcurrentLinkedQueue<>();
    private final List<List<EncodedPage>> group = new ArrayList<>(); // the open row group's pages, per column
    private long groupRows;
    private boolean closed;

    /** A writer sized for large outputs (dictionaries of up to 64k entries). */
    public ParquetBatchWriter(Path file, List<ColumnModel> columns, Compression compression) throws IOException {
        this(file, columns, compression, Long.MAX_VALUE);
    }

    /**
     * @param expectedRows the rows that will be written: small outputs get small dictionaries (a dictionary only pays
     *     when it is well below the row count)
     */
    public ParquetBatchWriter(Path file, List<ColumnModel> columns, Compression compression, long expectedRows)
            throws IOException {
        this.schema = schemaOf(columns);
        this.codec = compression.codec;
        this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
        long groupRows = Math.max(1, Math.min(expectedRows, ROW_GROUP_ROWS));
        int maxDictionary = (int) Math.max(256, Math.min(MAX_DICTIONARY, groupRows / 4));
        Scratch scratch = new Scratch(codec);
        this.plans = new ColumnPlan[columns.size()];
        for (int c = 0; c < plans.length; c++) {
            plans[c] = ColumnPlan.of(columns.get(c), descriptors[c], maxDictionary, scratch);
        }
        idle.add(scratch);
        ParquetProperties props = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .build();
        this.file = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.OVERWRITE,
                ROW_GROUP_ROWS * 64L, 0, null, props);
        this.file.start();
        for (int c = 0; c < plans.length; c++) {
            group.add(new ArrayList<>());
        }
        preloadFooterClasses();
    }

    /** Encodes and compresses a batch: one page per column. Thread-safe; the batch may be reused afterwards. */
    public EncodedBatch encode(Batch batch) throws IOException {
        EncodedPage[] pages = new EncodedPage[plans.length];
        if (batch.size() > 0) {
            Scratch scratch = idle.poll();
            if (scratch == null) {
                scratch = new Scratch(codec);
            }
            try {
                for (int c = 0; c < plans.length; c++) {
                    pages[c] = plans[c].encode(batch, c, scratch);
                }
            } finally {
                idle.add(scratch);
            }
        }
        return new EncodedBatch(pages, batch.size());
    }

    /**
     * Adds an encoded batch to the open row group, writing the row group once it holds {@link #ROW_GROUP_ROWS} rows.
     * Call from one thread, in row order.
     */
    public void append(EncodedBatch batch) throws IOException {
        if (batch.rows == 0) {
            return;
        }
        for (int c = 0; c < plans.length; c++) {
            group.get(c).add(batch.pages[c]);
        }
        groupRows += batch.rows;
        if (groupRows >= ROW_GROUP_ROWS) {
            flushRowGroup();
        }
    }

    /** Encodes and appends a batch on the calling thread. */
    public void write(Batch batch) throws IOException {
        append(encode(batch));
    }

    private void flushRowGroup() throws IOException {
        if (groupRows == 0) {
            return;
        }
        file.startBlock(groupRows);
        for (int c = 0; c < plans.length; c++) {
            ColumnPlan plan = plans[c];
            file.startColumn(descriptors[c], groupRows, codec);
            List<EncodedPage> pages = group.get(c);
            if (pages.stream().anyMatch(p -> p.encoding == DICTIONARY)) {
                file.writeDictionaryPage(new DictionaryPage(BytesInput.from(plan.dictionaryPage),
                        plan.dictionaryPageSize, plan.dictionarySize, DICTIONARY));
            }
            for (EncodedPage p : pages) {
                file.writeDataPage(p.values, p.uncompressedSize, BytesInput.from(p.bytes), p.statistics, p.values,
                        NO_LEVELS, Encoding.RLE, p.encoding);
            }
            file.endColumn();
            pages.clear();
        }
        file.endBlock();
        groupRows = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushRowGroup();
            file.end(Map.of("writer", "doppel"));
        } finally {
            idle.clear();
        }
    }

    /**
     * True when a decimal column's values fit DECIMAL(18, scale): a scale of 0 to 15 and every value the model can
     * produce below 10^18 once scaled. Otherwise the column is written as DOUBLE rather than overflow. Public because
     * the Spark output (the optional {@code spark} profile) maps decimals the same way.
     */
    public static boolean fitsDecimal18(ColumnModel m) {
        int scale = m.spec().scale();
        if (scale < 0 || scale > 15) {
            return false;
        }
        if (!(m instanceof NumericColumn num)) {
            return true;
        }
        double largest = Math.max(Math.abs(num.min()), Math.abs(num.max()));
        return largest * Math.pow(10, scale) < 9e17;
    }

    static MessageType schemaOf(List<ColumnModel> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnModel m : columns) {
            ColumnSpec spec = m.spec();
            String name = spec.name();
            switch (spec.kind()) {
                case INTEGER -> b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.intType(64, true)).named(name);
                case DECIMAL -> {
                    if (fitsDecimal18(m)) {
                        b.optional(PrimitiveTypeName.INT64)
                                .as(LogicalTypeAnnotation.decimalType(spec.scale(), 18)).named(name);
                    } else {
                        b.optional(PrimitiveTypeName.DOUBLE).named(name);
                    }
                }
                case BOOLEAN -> b.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case DATE -> b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
                case DATETIME -> b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(
                                TemporalLayout.of(spec.layout(), true).zoned(), LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(name);
                case CATEGORICAL, IDENTIFIER, TEXT, EMPTY -> b.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
                default -> throw new AssertionError(spec.kind());
            }
        }
        return b.named("synthetic");
    }

    private static final AtomicBoolean FOOTER_CLASSES_LOADING = new AtomicBoolean();

    /**
     * Initialises, on a background thread, the classes the footer needs ({@code ParquetMetadata} sets up a JSON
     * mapper of a few hundred classes when first touched), so that happens while rows are drawn rather than after.
     */
    private static void preloadFooterClasses() {
        if (FOOTER_CLASSES_LOADING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    Class.forName("org.apache.parquet.hadoop.metadata.ParquetMetadata", true,
                            ParquetBatchWriter.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // only a head start: end() loads it anyway
                }
            }, "doppel-parquet-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    /** A batch's compressed pages, one per column, ready to be appended. */
    public static final class EncodedBatch {
        private final EncodedPage[] pages;
        private final int rows;

        private EncodedBatch(EncodedPage[] pages, int rows) {
            this.pages = pages;
            this.rows = rows;
        }

        public int rows() {
            return rows;
        }
    }

    /** One compressed data page. */
    private record EncodedPage(byte[] bytes, int uncompressedSize, int values, Statistics<?> statistics,
            Encoding encoding) {}

    /** How one column is encoded; immutable, shared by all threads. */
    private static final class ColumnPlan {
        enum Mode { LABELS, BOOLEANS, GRID, LONGS, DOUBLES, STRINGS, NULLS }

        final Mode mode;
        final ColumnKind kind;
        final PrimitiveType type;
        final long decimalFactor; // DECIMAL: 10^scale
        final int[] labelRank; // LABELS: each label's place in Parquet's (unsigned byte) string order
        final Binary[] labels; // LABELS
        final long gridFrom; // GRID: the value of dictionary entry 0 (as written, e.g. scaled decimals)
        final int dictionarySize; // LABELS, GRID
        final int bitWidth; // LABELS, GRID
        final byte[] dictionaryPage; // compressed PLAIN dictionary
        final int dictionaryPageSize; // uncompressed size

        private ColumnPlan(Mode mode, ColumnKind kind, PrimitiveType type, long decimalFactor, Binary[] labels,
                int[] labelRank, long gridFrom, int dictionarySize, byte[] dictionaryPage, int dictionaryPageSize) {
            this.mode = mode;
            this.kind = kind;
            this.type = type;
            this.decimalFactor = decimalFactor;
            this.labels = labels;
            this.labelRank = labelRank;
            this.gridFrom = gridFrom;
            this.dictionarySize = dictionarySize;
            this.bitWidth = dictionarySize <= 1 ? 1 : 32 - Integer.numberOfLeadingZeros(dictionarySize - 1);
            this.dictionaryPage = dictionaryPage;
            this.dictionaryPageSize = dictionaryPageSize;
        }

        static ColumnPlan of(ColumnModel m, ColumnDescriptor descriptor, int maxDictionary, Scratch scratch)
                throws IOException {
            ColumnKind kind = m.spec().kind();
            PrimitiveType type = descriptor.getPrimitiveType();
            int scale = m.spec().scale();
            long factor = kind == ColumnKind.DECIMAL && fitsDecimal18(m) ? (long) Math.pow(10, scale) : 0;
            switch (kind) {
                case CATEGORICAL: {
                    CategoricalColumn cat = (CategoricalColumn) m;
                    Binary[] labels = cat.marginal().labels().stream()
                            .map(l -> Binary.fromConstantByteArray(l.getBytes(StandardCharsets.UTF_8)))
                            .toArray(Binary[]::new);
                    Integer[] order = new Integer[labels.length];
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    Comparator<Binary> cmp = type.comparator();
                    Arrays.sort(order, (a, b) -> cmp.compare(labels[a], labels[b]));
                    int[] rank = new int[labels.length];
                    for (int i = 0; i < order.length; i++) {
                        rank[order[i]] = i;
                    }
                    Sink page = scratch.sink;
                    page.clear();
                    for (Binary l : labels) {
                        page.writeIntLe(l.length());
                        page.write(l.getBytesUnsafe());
                    }
                    return new ColumnPlan(Mode.LABELS, kind, type, 0, labels, rank, 0, labels.length,
                            scratch.compressor.compress(page.array(), page.size()), page.size());
                }
                case BOOLEAN:
                    return new ColumnPlan(Mode.BOOLEANS, kind, type, 0, null, null, 0, 0, null, 0);
                case INTEGER, DATE, DECIMAL: {
                    if (kind == ColumnKind.DECIMAL && factor == 0) {
                        return new ColumnPlan(Mode.DOUBLES, kind, type, 0, null, null, 0, 0, null, 0);
                    }
                    long f = kind == ColumnKind.DECIMAL ? factor : 1;
                    if (!(m instanceof NumericColumn num)) { // a column computed by a constraint: no known range
                        return new ColumnPlan(Mode.LONGS, kind, type, f, null, null, 0, 0, null, 0);
                    }
                    double min = num.min() * f;
                    double max = num.max() * f;
                    // values are whole steps near [min, max]: a step of slack each side
                    if (Math.abs(min) < 1e15 && Math.abs(max) < 1e15 && max - min < maxDictionary - 3) {
                        long from = (long) Math.floor(min) - 1;
                        int size = (int) ((long) Math.ceil(max) + 1 - from + 1);
                        Sink page = scratch.sink;
                        page.clear();
                        for (int i = 0; i < size; i++) {
                            if (kind == ColumnKind.DATE) {
                                page.writeIntLe((int) (from + i));
                            } else {
                                page.writeLongLe(from + i);
                            }
                        }
                        return new ColumnPlan(Mode.GRID, kind, type, f, null, null, from, size,
                                scratch.compressor.compress(page.array(), page.size()), page.size());
                    }
                    return new ColumnPlan(Mode.LONGS, kind, type, f, null, null, 0, 0, null, 0);
                }
                case DATETIME:
                    return new ColumnPlan(Mode.LONGS, kind, type, 0, null, null, 0, 0, null, 0);
                case IDENTIFIER, TEXT:
                    return new ColumnPlan(Mode.STRINGS, kind, type, 0, null, null, 0, 0, null, 0);
                case EMPTY:
                    return new ColumnPlan(Mode.NULLS, kind, type, 0, null, null, 0, 0, null, 0);
                default:
                    throw new AssertionError(kind);
            }
        }

        /** The value as written (scaled decimal, day, microsecond, whole number) of a present numeric cell. */
        long written(double v) {
            return switch (kind) {
                case INTEGER -> (long) v;
                case DECIMAL -> Math.round(v * decimalFactor);
                case DATE -> (int) Math.round(v);
                case DATETIME -> Math.round(v * 1e6);
                default -> throw new AssertionError(kind);
            };
        }

        /** One data page with this batch's values of column {@code c}. */
        EncodedPage encode(Batch batch, int c, Scratch s) throws IOException {
            int n = batch.size();
            Sink page = s.sink;
            page.clear();
            page.writeIntLe(0); // the definition levels' length, filled in below
            Statistics<?> stats = Statistics.createStats(type);
            int nulls = switch (mode) {
                case LABELS, BOOLEANS -> definitionLevels(page, batch.codes(c), n);
                case GRID, LONGS, DOUBLES -> definitionLevels(page, batch.numbers(c), n);
                case STRINGS -> definitionLevels(page, batch.strings(c), n);
                case NULLS -> {
                    rleRun(page, n, 0);
                    yield n;
                }
            };
            page.putIntLe(0, page.size() - 4);
            stats.incrementNumNulls(nulls);
            Encoding encoding = Encoding.PLAIN;
            switch (mode) {
                case LABELS -> {
                    labels(page, batch.codes(c), n, stats);
                    encoding = DICTIONARY;
                }
                case BOOLEANS -> booleans(page, batch.codes(c), n, stats);
                case GRID -> {
                    int at = page.size();
                    if (gridIndices(page, batch.numbers(c), n, stats)) {
                        encoding = DICTIONARY;
                    } else {
                        page.truncate(at); // a value outside the grid (cannot happen for a fitted marginal)
                        stats = Statistics.createStats(type);
                        stats.incrementNumNulls(nulls);
                        longs(page, batch.numbers(c), n, stats);
                    }
                }
                case LONGS -> longs(page, batch.numbers(c), n, stats);
                case DOUBLES -> doubles(page, batch.numbers(c), n, stats);
                case STRINGS -> strings(page, batch.strings(c), n, stats);
                case NULLS -> {
                    // no values
                }
                default -> throw new AssertionError(mode);
            }
            return new EncodedPage(s.compressor.compress(page.array(), page.size()), page.size(), n, stats, encoding);
        }

        private void labels(Sink page, int[] codes, int n, Statistics<?> stats) {
            page.writeByte(bitWidth);
            int minRank = Integer.MAX_VALUE;
            int maxRank = -1;
            BitPacker packer = new BitPacker(page, bitWidth);
            for (int r = 0; r < n; r++) {
                int code = codes[r];
                if (code >= 0) {
                    packer.add(code);
                    int rank = labelRank[code];
                    minRank = Math.min(minRank, rank);
                    maxRank = Math.max(maxRank, rank);
                }
            }
            packer.finish();
            if (maxRank >= 0) {
                for (int i = 0; i < labels.length; i++) {
                    if (labelRank[i] == minRank || labelRank[i] == maxRank) {
                        stats.updateStats(labels[i]);
                    }
                }
            }
        }

        private static void booleans(Sink page, int[] codes, int n, Statistics<?> stats) {
            int bits = 0;
            int count = 0;
            boolean seenFalse = false;
            boolean seenTrue = false;
            for (int r = 0; r < n; r++) {
                int code = codes[r];
                if (code >= 0) {
                    boolean v = code == 1; // labels are [false, true]
                    seenTrue |= v;
                    seenFalse |= !v;
                    bits |= (v ? 1 : 0) << count;
                    if (++count == 8) {
                        page.writeByte(bits);
                        bits = 0;
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                page.writeByte(bits);
            }
            if (seenFalse) {
                stats.updateStats(false);
            }
            if (seenTrue) {
                stats.updateStats(true);
            }
        }

        /** Dictionary indices into the grid; false (writing garbage to be discarded) if a value lies outside it. */
        private boolean gridIndices(Sink page, double[] v, int n, Statistics<?> stats) {
            page.writeByte(bitWidth);
            BitPacker packer = new BitPacker(page, bitWidth);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int r = 0; r < n; r++) {
                if (!Double.isNaN(v[r])) {
                    long w = written(v[r]);
                    long index = w - gridFrom;
                    if (index < 0 || index >= dictionarySize) {
                        return false;
                    }
                    packer.add((int) index);
                    min = Math.min(min, w);
                    max = Math.max(max, w);
                }
            }
            packer.finish();
            rangeStats(stats, min, max);
            return true;
        }

        private void longs(Sink page, double[] v, int n, Statistics<?> stats) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            boolean int32 = type.getPrimitiveTypeName() == PrimitiveTypeName.INT32;
            for (int r = 0; r < n; r++) {
                if (!Double.isNaN(v[r])) {
                    long w = written(v[r]);
                    if (int32) {
                        page.writeIntLe((int) w);
                    } else {
                        page.writeLongLe(w);
                    }
                    min = Math.min(min, w);
                    max = Math.max(max, w);
                }
            }
            rangeStats(stats, min, max);
        }

        private void rangeStats(Statistics<?> stats, long min, long max) {
            if (min > max) {
                return; // no values
            }
            if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
                stats.updateStats((int) min);
                stats.updateStats((int) max);
            } else {
                stats.updateStats(min);
                stats.updateStats(max);
            }
        }

        private static void doubles(Sink page, double[] v, int n, Statistics<?> stats) {
            for (int r = 0; r < n; r++) {
                if (!Double.isNaN(v[r])) {
                    page.writeLongLe(Double.doubleToRawLongBits(v[r]));
                    stats.updateStats(v[r]);
                }
            }
        }

        private static void strings(Sink page, String[] v, int n, Statistics<?> stats) {
            for (int r = 0; r < n; r++) {
                if (v[r] != null) {
                    byte[] bytes = v[r].getBytes(StandardCharsets.UTF_8);
                    page.writeIntLe(bytes.length);
                    page.write(bytes);
                    stats.updateStats(Binary.fromConstantByteArray(bytes));
                }
            }
        }

        /** Definition levels (1 = present, 0 = missing) as an RLE/bit-packed hybrid of width 1; returns the nulls. */
        private static int definitionLevels(Sink page, java.util.function.IntPredicate missing, int n) {
            int nulls = 0;
            for (int r = 0; r < n; r++) {
                if (missing.test(r)) {
                    nulls++;
                }
            }
            if (nulls == 0 || nulls == n) {
                rleRun(page, n, nulls == 0 ? 1 : 0);
            } else {
                BitPacker levels = new BitPacker(page, 1);
                for (int r = 0; r < n; r++) {
                    levels.add(missing.test(r) ? 0 : 1);
                }
                levels.finish();
            }
            return nulls;
        }

        private static int definitionLevels(Sink page, double[] v, int n) {
            return definitionLevels(page, r -> Double.isNaN(v[r]), n);
        }

        private static int definitionLevels(Sink page, int[] codes, int n) {
            return definitionLevels(page, r -> codes[r] < 0, n);
        }

        private static int definitionLevels(Sink page, String[] v, int n) {
            return definitionLevels(page, r -> v[r] == null, n);
        }

        /** An RLE run of a 1-bit value: the count, then the value in one byte. */
        private static void rleRun(Sink page, int count, int value) {
            page.writeUnsignedVarInt(count << 1);
            page.writeByte(value);
        }
    }

    /**
     * Writes values as bit-packed runs of the RLE/bit-packing hybrid encoding: each run a varint header (groups << 1
     * | 1), then groups of 8 values of {@code width} bits, least significant bit first; the last group is padded
     * with zeros (readers know the value count).
     */
    private static final class BitPacker {
        private final Sink out;
        private final int width;
        private final int[] run = new int[MAX_GROUPS_PER_RUN * 8];
        private int count;

        BitPacker(Sink out, int width) {
            this.out = out;
            this.width = width;
        }

        void add(int value) {
            run[count++] = value;
            if (count == run.length) {
                flush();
            }
        }

        void finish() {
            if (count > 0) {
                flush();
            }
        }

        private void flush() {
            int groups = (count + 7) / 8;
            for (int i = count; i < groups * 8; i++) {
                run[i] = 0;
            }
            out.writeUnsignedVarInt(groups << 1 | 1);
            long buffer = 0;
            int bits = 0;
            for (int i = 0; i < groups * 8; i++) {
                buffer |= (long) run[i] << bits;
                bits += width;
                while (bits >= 8) {
                    out.writeByte((int) buffer);
                    buffer >>>= 8;
                    bits -= 8;
                }
            }
            count = 0;
        }
    }

    /** A page buffer and a compressor for one encoding thread. */
    private static final class Scratch {
        final Sink sink = new Sink();
        final PageCompressor compressor;

        Scratch(CompressionCodecName codec) {
            this.compressor = new PageCompressor(codec);
        }
    }

    /** A growable little-endian byte buffer. */
    private static final class Sink {
        private byte[] buf = new byte[1 << 16];
        private int size;

        byte[] array() {
            return buf;
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        void writeIntLe(int v) {
            ensure(4);
            putIntLe(size, v);
            size += 4;
        }

        void putIntLe(int at, int v) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
            buf[at + 2] = (byte) (v >>> 16);
            buf[at + 3] = (byte) (v >>> 24);
        }

        void writeLongLe(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[size + i] = (byte) (v >>> (8 * i));
            }
            size += 8;
        }

        void writeUnsignedVarInt(int v) {
            while ((v & ~0x7F) != 0) {
                writeByte((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            writeByte(v);
        }
    }

    /**
     * Compresses pages with the codec libraries directly (snappy-java, zstd-jni, java.util.zip), in the formats
     * Parquet specifies: raw Snappy blocks, Zstandard frames (level 3, Parquet's default), GZIP members. Going through
     * Parquet's Hadoop codec factory instead would build a Hadoop configuration (parsing its XML defaults) for
     * every writer. Not thread-safe (it reuses its buffers).
     */
    static final class PageCompressor {
        private static final int ZSTD_LEVEL = 3;
        private final CompressionCodecName codec;
        private byte[] out = new byte[0];
        private ByteArrayOutputStream gzipBuffer;

        PageCompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        /** The first {@code length} bytes of {@code in}, compressed, in a new array. */
        byte[] compress(byte[] in, int length) throws IOException {
            switch (codec) {
                case UNCOMPRESSED:
                    return Arrays.copyOf(in, length);
                case SNAPPY: {
                    ensure(Snappy.maxCompressedLength(length));
                    int n = Snappy.compress(in, 0, length, out, 0);
                    return Arrays.copyOf(out, n);
                }
                case ZSTD: {
                    ensure((int) Zstd.compressBound(length));
                    long n = Zstd.compressByteArray(out, 0, out.length, in, 0, length, ZSTD_LEVEL);
                    if (Zstd.isError(n)) {
                        throw new IOException("zstd compression failed: " + Zstd.getErrorName(n));
                    }
                    return Arrays.copyOf(out, (int) n);
                }
                case GZIP: {
                    if (gzipBuffer == null) {
                        gzipBuffer = new ByteArrayOutputStream(1 << 16);
                    }
                    gzipBuffer.reset();
                    try (GZIPOutputStream gz = new GZIPOutputStream(gzipBuffer, 1 << 16)) {
                        gz.write(in, 0, length);
                    }
                    return gzipBuffer.toByteArray();
                }
                default:
                    throw new IOException("unsupported codec " + codec);
            }
        }

        private void ensure(int size) {
            if (out.length < size) {
                out = new byte[Math.max(size, out.length * 2)];
            }
        }
    }
}
