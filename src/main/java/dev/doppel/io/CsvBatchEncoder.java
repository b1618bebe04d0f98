package dev.doppel.io;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.table.FileDialect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns batches into CSV bytes in a given dialect: each value in the input's own spelling (labels as they were,
 * decimals at their scale, dates in their layout, missing cells as the input's marker). Thread-safe, so workers can
 * encode batches in parallel while one thread writes them in order.
 *
 * <p>Bytes are appended straight into a byte array: labels, missing markers and dates (by epoch day) are escaped and
 * encoded once up front, numbers are written digit by digit, and text only goes through a String when it needs
 * quoting or is not ASCII.
 */
public final class CsvBatchEncoder {
    /** Dates are cached for at most this many days (about 550 years): more would waste memory, not time. */
    private static final int MAX_CACHED_DAYS = 200_000;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final List<ColumnModel> columns;
    private final FileDialect dialect;
    private final String separator;
    private final byte[] separatorBytes;
    private final byte[] eolBytes;
    private final byte[][][] labels; // per categorical column, escaped UTF-8
    private final byte[][] missing; // per column, escaped UTF-8
    private final TemporalLayout[] layouts;
    private final long[] firstCachedDay; // per date column
    private final byte[][][] dayCache; // per date column: escaped UTF-8 of each epoch day from firstCachedDay
    private final int[] scales;
    private final ColumnKind[] kinds;
    private final int[] typicalWidth; // per column, bytes a cell usually takes (for sizing buffers)

    public CsvBatchEncoder(List<ColumnModel> columns, FileDialect dialect) {
        this.columns = List.copyOf(columns);
        this.dialect = dialect;
        this.separator = dialect.delimiter() + (dialect.spaceAfterDelimiter() ? " " : "");
        this.separatorBytes = utf8(separator);
        this.eolBytes = utf8(dialect.lineSeparator());
        int n = columns.size();
        labels = new byte[n][][];
        missing = new byte[n][];
        layouts = new TemporalLayout[n];
        firstCachedDay = new long[n];
        dayCache = new byte[n][][];
        scales = new int[n];
        kinds = new ColumnKind[n];
        typicalWidth = new int[n];
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            ColumnSpec spec = m.spec();
            kinds[c] = spec.kind();
            missing[c] = utf8(escape(spec.missing(), false));
            scales[c] = spec.scale();
            typicalWidth[c] = 12;
            if (m instanceof CategoricalColumn cat) {
                labels[c] = cat.marginal().labels().stream().map(l -> utf8(escape(l, true))).toArray(byte[][]::new);
                typicalWidth[c] = Arrays.stream(labels[c]).mapToInt(b -> b.length).max().orElse(1);
            } else if (m instanceof NumericColumn num && (kinds[c] == ColumnKind.DATE || kinds[c] == ColumnKind.DATETIME)) {
                layouts[c] = TemporalLayout.of(spec.layout(), kinds[c] == ColumnKind.DATETIME);
                typicalWidth[c] = spec.layout().length() + 8;
                if (kinds[c] == ColumnKind.DATE) {
                    cacheDays(c, num);
                }
            }
        }
    }

    /** Formats every day the column's marginal can produce once, so writing a date is a table lookup. */
    private void cacheDays(int c, NumericColumn num) {
        double min = num.marginal().min();
        double max = num.marginal().max();
        if (!(Math.abs(min) < 1e9 && Math.abs(max) < 1e9) || max - min >= MAX_CACHED_DAYS) {
            return;
        }
        long from = (long) Math.floor(min) - 1; // values are whole days near [min, max]; a day of slack each side
        long to = (long) Math.ceil(max) + 1;
        byte[][] cache = new byte[(int) (to - from + 1)][];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = utf8(escape(layouts[c].format(from + i), false));
        }
        firstCachedDay[c] = from;
        dayCache[c] = cache;
    }

    /** The header line, names quoted as the input quoted them. */
    public byte[] header() {
        StringBuilder sb = new StringBuilder();
        if (dialect.bom()) {
            sb.append('\uFEFF');
        }
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                sb.append(separator);
            }
            sb.append(escape(columns.get(c).name(), true));
        }
        sb.append(dialect.lineSeparator());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The batch's rows as CSV bytes. */
    public byte[] encode(Batch batch) {
        Sink sink = new Sink(sizeHint(batch.size()));
        encode(batch, sink);
        return sink.toByteArray();
    }

    /** Bytes a batch of {@code rows} rows usually takes: a good initial capacity for a {@link Sink}. */
    public int sizeHint(int rows) {
        long perRow = eolBytes.length;
        for (int c = 0; c < kinds.length; c++) {
            perRow += typicalWidth[c] + separatorBytes.length;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, perRow * rows + 64);
    }

    /** Appends the batch's rows as CSV bytes to {@code out} (cleared first). */
    public void encode(Batch batch, Sink out) {
        out.clear();
        int rows = batch.size();
        int n = kinds.length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    out.append(separatorBytes);
                }
                appendCell(out, batch, c, r);
            }
            out.append(eolBytes);
        }
    }

    private void appendCell(Sink out, Batch batch, int c, int r) {
        switch (kinds[c]) {
            case INTEGER -> {
                double v = batch.numbers(c)[r];
                if (Double.isNaN(v)) {
                    out.append(missing[c]);
                } else {
                    out.appendLong((long) v);
                }
            }
            case DECIMAL -> {
                double v = batch.numbers(c)[r];
                if (Double.isNaN(v)) {
                    out.append(missing[c]);
                } else {
                    appendDecimal(out, v, scales[c]);
                }
            }
            case DATE -> {
                double v = batch.numbers(c)[r];
                if (Double.isNaN(v)) {
                    out.append(missing[c]);
                } else {
                    byte[][] cache = dayCache[c];
                    long i = cache == null ? -1 : Math.round(v) - firstCachedDay[c];
                    out.append(i >= 0 && i < cache.length
                            ? cache[(int) i]
                            : utf8(escape(layouts[c].format(v), false)));
                }
            }
            case DATETIME -> {
                double v = batch.numbers(c)[r];
                out.append(Double.isNaN(v) ? missing[c] : utf8(escape(layouts[c].format(v), false)));
            }
            case BOOLEAN, CATEGORICAL -> {
                int code = batch.codes(c)[r];
                out.append(code < 0 ? missing[c] : labels[c][code]);
            }
            case IDENTIFIER, TEXT -> {
                String s = batch.strings(c)[r];
                if (s == null) {
                    out.append(missing[c]);
                } else if (!out.appendPlainAscii(s, dialect.delimiter(), dialect.quoteText(), dialect.spaceAfterDelimiter())) {
                    out.append(utf8(escape(s, true)));
                }
            }
            case EMPTY -> out.append(missing[c]);
            default -> throw new AssertionError(kinds[c]);
        }
    }

    /** Appends v with exactly {@code scale} digits after the point (scale < 0: shortest exact form). */
    static void appendDecimal(Sink out, double v, int scale) {
        if (scale < 0 || scale > 15 || Math.abs(v) >= 1e15) {
            out.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        long factor = POWERS_OF_TEN[scale];
        long scaled = Math.round(Math.abs(v) * factor);
        if (v < 0 && scaled != 0) {
            out.appendByte('-');
        }
        out.appendLong(scaled / factor);
        if (scale > 0) {
            out.appendByte('.');
            out.appendPadded(scaled % factor, scale);
        }
    }

    /** Quotes a value when it needs it (separator, quote, line break, edge spaces) or when the input quoted text. */
    private String escape(String value, boolean text) {
        boolean needs = value.indexOf(dialect.delimiter()) >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || (text && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')
                        && !dialect.spaceAfterDelimiter());
        if (!needs && !(text && dialect.quoteText())) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A growable byte buffer that CSV is appended to; reusable, not thread-safe. */
    public static final class Sink {
        private byte[] buf;
        private int size;

        public Sink(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        public byte[] array() {
            return buf;
        }

        public int size() {
            return size;
        }

        public void clear() {
            size = 0;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void append(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        void appendByte(char b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        /** Decimal digits of v, as Long.toString would write them. */
        void appendLong(long v) {
            if (v == Long.MIN_VALUE) {
                append(Long.toString(v).getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            ensure(20);
            if (v < 0) {
                buf[size++] = '-';
                v = -v;
            }
            int digits = digits(v);
            int end = size + digits;
            for (int i = end - 1; i >= size; i--) {
                buf[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
            size = end;
        }

        /** v (0 <= v < 10^width) in exactly {@code width} digits, zero-padded on the left. */
        void appendPadded(long v, int width) {
            ensure(width);
            for (int i = size + width - 1; i >= size; i--) {
                buf[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
            size += width;
        }

        private static int digits(long v) {
            int d = 1;
            while (d < 19 && v >= POWERS_OF_TEN[d]) {
                d++;
            }
            return d;
        }

        /**
         * Appends s as is when it is ASCII and needs no quoting (no delimiter, quote, line break, no edge space
         * unless the dialect puts a space after delimiters, and the dialect does not quote all text); returns false,
         * appending nothing, otherwise.
         */
        boolean appendPlainAscii(String s, char delimiter, boolean quoteText, boolean spaceAfterDelimiter) {
            int len = s.length();
            if (quoteText) {
                return false;
            }
            if (len > 0 && !spaceAfterDelimiter && (s.charAt(0) == ' ' || s.charAt(len - 1) == ' ')) {
                return false;
            }
            ensure(len);
            int at = size;
            for (int i = 0; i < len; i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80 || ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') {
                    return false;
                }
                buf[at + i] = (byte) ch;
            }
            size += len;
            return true;
        }
    }
}
