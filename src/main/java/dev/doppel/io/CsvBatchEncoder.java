package dev.doppel.io;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.TextColumn;
import dev.doppel.model.TextShape;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.NumberLayout;
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
    private final String[][] labelTexts; // per categorical column, as they are (before escaping)
    private final byte[][] missing; // per column, escaped UTF-8
    private final TemporalLayout[] layouts;
    private final long[] firstCachedDay; // per date column
    private final byte[][][] dayCache; // per date column: escaped UTF-8 of each epoch day from firstCachedDay
    private final int[] scales;
    /** Per column: the decimal separator its numbers are written with ('.' unless its layout has a decimal comma). */
    private final byte[] decimalPoints;
    /** Per column written as {@link #SPELLED_NUMBER}: its layout; null otherwise. */
    private final NumberLayout[] spelled;
    private final ColumnKind[] kinds;
    private final int[] how; // per column, one of the cell writers below
    private final int[] typicalWidth; // per column, bytes a cell usually takes (for sizing buffers)
    /** Bytes a row can take in its fixed-width cells, separators and line end: reserved once per row. */
    private final int rowBound;
    private final int separatorByte; // the separator when it is one ASCII byte, else -1

    private static final int WHOLE = 0;
    private static final int FIXED_DECIMAL = 1;
    private static final int OTHER_DECIMAL = 2;
    private static final int DAY = 3;
    private static final int DATE_TIME = 4;
    private static final int LABEL = 5;
    private static final int PLAIN_STRING = 6;
    private static final int STRING = 7;
    private static final int NOTHING = 8;
    /**
     * A number written through its {@link NumberLayout} with a unit ($12.50, 12.5%), or whose decimal separator is the
     * field separator (a decimal comma in a comma file, quoted).
     */
    private static final int SPELLED_NUMBER = 9;

    public CsvBatchEncoder(List<ColumnModel> columns, FileDialect dialect) {
        this.columns = List.copyOf(columns);
        this.dialect = dialect;
        this.separator = dialect.delimiter() + (dialect.spaceAfterDelimiter() ? " " : "");
        this.separatorBytes = utf8(separator);
        this.eolBytes = utf8(dialect.lineSeparator());
        int n = columns.size();
        labels = new byte[n][][];
        labelTexts = new String[n][];
        missing = new byte[n][];
        layouts = new TemporalLayout[n];
        firstCachedDay = new long[n];
        dayCache = new byte[n][][];
        scales = new int[n];
        decimalPoints = new byte[n];
        spelled = new NumberLayout[n];
        kinds = new ColumnKind[n];
        how = new int[n];
        typicalWidth = new int[n];
        int bound = eolBytes.length + n * separatorBytes.length;
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            ColumnSpec spec = m.spec();
            kinds[c] = spec.kind();
            missing[c] = utf8(escape(spec.missing(), false));
            scales[c] = spec.scale();
            NumberLayout numberLayout = NumberLayout.of(spec).orElse(null);
            decimalPoints[c] = (byte) (numberLayout == null ? '.' : numberLayout.decimal());
            if (numberLayout != null && (numberLayout.hasUnit() || numberLayout.decimal() == dialect.delimiter())) {
                spelled[c] = numberLayout;
            }
            typicalWidth[c] = 12;
            int width = 0; // the most a cell of this column takes without a capacity check (0: checked)
            switch (kinds[c]) {
                case INTEGER -> {
                    how[c] = spelled[c] != null ? SPELLED_NUMBER : WHOLE;
                    width = spelled[c] != null ? 0 : 20;
                }
                case DECIMAL -> {
                    boolean fixed = scales[c] >= 0 && scales[c] <= 15;
                    how[c] = spelled[c] != null ? SPELLED_NUMBER : fixed ? FIXED_DECIMAL : OTHER_DECIMAL;
                    width = how[c] == FIXED_DECIMAL ? 40 : 0;
                }
                case DATE -> how[c] = DAY;
                case DATETIME -> how[c] = DATE_TIME;
                case BOOLEAN, CATEGORICAL -> how[c] = LABEL;
                case IDENTIFIER, TEXT -> how[c] = alwaysPlain(m) ? PLAIN_STRING : STRING;
                case EMPTY -> how[c] = NOTHING;
                default -> throw new AssertionError(kinds[c]);
            }
            if (m instanceof CategoricalColumn cat) {
                labelTexts[c] = cat.marginal().labels().toArray(String[]::new);
                labels[c] = Arrays.stream(labelTexts[c]).map(l -> utf8(escape(l, true))).toArray(byte[][]::new);
                typicalWidth[c] = Arrays.stream(labels[c]).mapToInt(b -> b.length).max().orElse(1);
                width = typicalWidth[c];
            } else if (kinds[c] == ColumnKind.DATE || kinds[c] == ColumnKind.DATETIME) {
                layouts[c] = TemporalLayout.of(spec.layout(), kinds[c] == ColumnKind.DATETIME);
                typicalWidth[c] = spec.layout().length() + 8;
                if (kinds[c] == ColumnKind.DATE && m instanceof NumericColumn num) { // a computed date has no range
                    cacheDays(c, num);
                    if (dayCache[c] != null) {
                        width = Arrays.stream(dayCache[c]).mapToInt(b -> b.length).max().orElse(0);
                    }
                }
            }
            bound += Math.max(width, missing[c].length);
        }
        rowBound = bound;
        separatorByte = separatorBytes.length == 1 && separatorBytes[0] >= 0 ? separatorBytes[0] : -1;
    }

    /**
     * True when every value the column's generator can produce is printable ASCII that never needs quoting here: no
     * delimiter, quote, line break or space, and the dialect does not quote all text. Such cells are copied without
     * looking at their characters.
     */
    private boolean alwaysPlain(ColumnModel m) {
        if (dialect.quoteText()) {
            return false;
        }
        TextShape shape;
        if (m instanceof IdentifierColumn id) {
            shape = id.shape();
            if (shape == null) {
                return true; // digits, zero-padded
            }
        } else if (m instanceof TextColumn text) {
            shape = text.shape();
            if (shape == null) {
                return false; // text of any shape (masked copies): every cell is checked
            }
        } else {
            return false;
        }
        for (String alphabet : shape.positions()) {
            for (int i = 0; i < alphabet.length(); i++) {
                char ch = alphabet.charAt(i);
                if (ch <= ' ' || ch >= 0x7F || ch == dialect.delimiter() || ch == '"') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Formats every day the column's marginal can produce once, so writing a date is a table lookup. */
    private void cacheDays(int c, NumericColumn num) {
        double min = num.min();
        double max = num.max();
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
        append(batch, out);
    }

    /**
     * Appends the batch's rows as CSV bytes after what {@code out} holds already: a large batch can be made and
     * encoded a slice at a time, while its strings are still in the processor's cache.
     */
    public void append(Batch batch, Sink out) {
        int rows = batch.size();
        int n = kinds.length;
        double[][] numbers = batch.numberColumns();
        int[][] codes = batch.codeColumns();
        String[][] strings = batch.stringColumns();
        for (int r = 0; r < rows; r++) {
            out.ensure(rowBound); // room for every fixed-width cell, separator and the line end
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    if (separatorByte >= 0) {
                        out.put((byte) separatorByte);
                    } else {
                        out.put(separatorBytes);
                    }
                }
                switch (how[c]) {
                    case LABEL -> {
                        int code = codes[c][r];
                        out.put(code < 0 ? missing[c] : labels[c][code]);
                    }
                    case WHOLE -> {
                        double v = numbers[c][r];
                        if (Double.isNaN(v)) {
                            out.put(missing[c]);
                        } else {
                            out.putLong((long) v);
                        }
                    }
                    case FIXED_DECIMAL -> {
                        double v = numbers[c][r];
                        if (Double.isNaN(v)) {
                            out.put(missing[c]);
                        } else {
                            putFixedDecimal(out, v, scales[c], decimalPoints[c]);
                        }
                    }
                    case PLAIN_STRING -> {
                        String s = strings[c][r];
                        if (s == null) {
                            out.put(missing[c]);
                        } else {
                            out.putAscii(s, rowBound);
                        }
                    }
                    default -> appendOther(out, c, r, numbers[c], strings[c]);
                }
            }
            out.put(eolBytes);
        }
    }

    /** The cells that are rare or variable in width: written with a capacity check that keeps the row's reserve. */
    private void appendOther(Sink out, int c, int r, double[] numbers, String[] strings) {
        byte[] bytes;
        switch (how[c]) {
            case OTHER_DECIMAL -> {
                double v = numbers[r];
                bytes = Double.isNaN(v) ? missing[c] : otherDecimal(c, v).getBytes(StandardCharsets.ISO_8859_1);
            }
            case SPELLED_NUMBER -> {
                double v = numbers[r];
                bytes = Double.isNaN(v) ? missing[c] : utf8(escape(spelledNumber(c, v), false));
            }
            case DAY -> {
                double v = numbers[r];
                if (Double.isNaN(v)) {
                    bytes = missing[c];
                } else {
                    byte[][] cache = dayCache[c];
                    long i = cache == null ? -1 : Math.round(v) - firstCachedDay[c];
                    bytes = i >= 0 && i < cache.length ? cache[(int) i] : utf8(escape(layouts[c].format(v), false));
                }
            }
            case DATE_TIME -> {
                double v = numbers[r];
                bytes = Double.isNaN(v) ? missing[c] : utf8(escape(layouts[c].format(v), false));
            }
            case STRING -> {
                String s = strings[r];
                if (s == null) {
                    bytes = missing[c];
                } else if (!dialect.quoteText()
                        && out.appendPlainAscii(s, dialect.delimiter(), dialect.spaceAfterDelimiter(), rowBound)) {
                    return;
                } else if (out.appendQuotedAscii(s, rowBound)) {
                    return; // ASCII text that is not plain is quoted: escape() would quote it the same way
                } else {
                    bytes = utf8(escape(s, true));
                }
            }
            case NOTHING -> bytes = missing[c];
            default -> throw new AssertionError(how[c]);
        }
        out.ensure(bytes.length + rowBound);
        out.put(bytes);
    }

    /** A decimal in its shortest exact form, with the column's decimal separator. */
    private String otherDecimal(int c, double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().replace('.', (char) decimalPoints[c]);
    }

    /** A number spelled through the column's layout (unit, decimal comma), before quoting. */
    private String spelledNumber(int c, double v) {
        String plain;
        if (kinds[c] == ColumnKind.INTEGER) {
            plain = Long.toString((long) v);
        } else {
            BigDecimal d = BigDecimal.valueOf(v);
            plain = scales[c] >= 0 && scales[c] <= ColumnSpec.MAX_SCALE
                    ? d.setScale(scales[c], java.math.RoundingMode.HALF_UP).toPlainString()
                    : d.stripTrailingZeros().toPlainString();
        }
        return spelled[c].spell(plain);
    }

    /**
     * v with exactly {@code scale} (0 to 15) digits after the point, into the row's reserved room (40 bytes); beyond
     * 1e15 in the shortest exact form instead, making room for it first.
     */
    private void putFixedDecimal(Sink out, double v, int scale, byte point) {
        if (Math.abs(v) >= 1e15) {
            byte[] text = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().replace('.', (char) point)
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.ensure(text.length + rowBound);
            out.put(text);
            return;
        }
        long factor = POWERS_OF_TEN[scale];
        long scaled = Math.round(Math.abs(v) * factor);
        if (v < 0 && scaled != 0) {
            out.put((byte) '-');
        }
        // constant divisors for the usual scales: the compiler turns them into multiplications
        long whole = switch (scale) {
            case 0 -> scaled;
            case 1 -> scaled / 10;
            case 2 -> scaled / 100;
            case 3 -> scaled / 1000;
            case 4 -> scaled / 10000;
            default -> scaled / factor;
        };
        out.putLong(whole);
        if (scale > 0) {
            out.put(point);
            out.putPadded(scaled - whole * factor, scale);
        }
    }

    /**
     * The number a cell of an integer or decimal column holds once written and parsed back: what
     * {@code Double.parseDouble} gives for the digits {@link #append} writes (for a column with a {@link NumberLayout},
     * for those digits in plain form), computed without writing them. Integers are cut to whole numbers, decimals of
     * a scale from 0 to 15 rounded to it (half up, as written); other numbers keep their value, {@code -0.0} reading as
     * {@code 0.0}. For a caller that needs the written values and not the bytes (model selection scores synthetic rows
     * this way); NaN for a missing cell.
     *
     * @throws IllegalArgumentException for a column that is not an integer or decimal one
     */
    public double readBack(int column, double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return switch (how[column]) {
            case WHOLE -> (double) (long) v;
            case FIXED_DECIMAL -> {
                if (Math.abs(v) >= 1e15) {
                    yield v; // written in its shortest exact form, which parses back to v (never -0.0 here)
                }
                int scale = scales[column];
                long scaled = Math.round(Math.abs(v) * POWERS_OF_TEN[scale]);
                // whole.fraction of exactly `scale` digits is scaled / 10^scale; both exact doubles below 2^53, their
                // quotient is correctly rounded, as Double.parseDouble rounds the decimal text
                double q = scaled < 1L << 52 ? scaled / (double) POWERS_OF_TEN[scale]
                        : BigDecimal.valueOf(scaled, scale).doubleValue();
                yield v < 0 && scaled != 0 ? -q : q;
            }
            case OTHER_DECIMAL -> v == 0 ? 0.0 : v; // BigDecimal.valueOf(v)'s digits parse back to v
            case SPELLED_NUMBER -> {
                if (kinds[column] == ColumnKind.INTEGER) {
                    yield (double) (long) v;
                }
                int scale = scales[column];
                yield scale >= 0 && scale <= ColumnSpec.MAX_SCALE
                        ? BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP).doubleValue()
                        : v == 0 ? 0.0 : v;
            }
            default -> throw new IllegalArgumentException("column " + column + " is not an integer or decimal column");
        };
    }

    /**
     * The text a cell is written as, before quoting, for any column; null for a missing cell (written as the column's
     * marker). See {@link #readBack}, the shortcut for numbers.
     */
    public String text(Batch batch, int column, int row) {
        return switch (how[column]) {
            case NOTHING -> null;
            case LABEL -> labelText(column, batch.codes(column)[row]);
            case PLAIN_STRING, STRING -> batch.strings(column)[row];
            case DAY, DATE_TIME -> temporalText(column, batch.numbers(column)[row]);
            default -> {
                double v = batch.numbers(column)[row];
                if (Double.isNaN(v)) {
                    yield null;
                }
                yield switch (how[column]) {
                    case WHOLE -> Long.toString((long) v);
                    case FIXED_DECIMAL -> {
                        Sink one = new Sink(64);
                        putFixedDecimal(one, v, scales[column], decimalPoints[column]);
                        yield new String(one.array(), 0, one.size(), StandardCharsets.ISO_8859_1);
                    }
                    case OTHER_DECIMAL -> otherDecimal(column, v);
                    case SPELLED_NUMBER -> spelledNumber(column, v);
                    default -> throw new AssertionError(how[column]);
                };
            }
        };
    }

    /**
     * The text a cell of a date or date-time column is written as (before quoting); null for a missing cell. See
     * {@link #readBack}.
     *
     * @throws IllegalArgumentException for a column that is not a date or date-time one
     */
    public String temporalText(int column, double v) {
        if (how[column] != DAY && how[column] != DATE_TIME) {
            throw new IllegalArgumentException("column " + column + " is not a date or date-time column");
        }
        return Double.isNaN(v) ? null : layouts[column].format(v);
    }

    /**
     * The text a label code of a categorical or boolean column is written as (before quoting); null for a missing
     * cell. See {@link #readBack}.
     *
     * @throws IllegalArgumentException for a column without labels
     */
    public String labelText(int column, int code) {
        if (labelTexts[column] == null) {
            throw new IllegalArgumentException("column " + column + " has no labels");
        }
        return code < 0 ? null : labelTexts[column][code];
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

        /** Makes room for {@code extra} more bytes; the put methods rely on it. */
        void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void append(byte[] bytes) {
            ensure(bytes.length);
            put(bytes);
        }

        void put(byte b) {
            buf[size++] = b;
        }

        void put(byte[] bytes) {
            int n = bytes.length;
            if (n <= 16) {
                for (int i = 0; i < n; i++) {
                    buf[size + i] = bytes[i];
                }
            } else {
                System.arraycopy(bytes, 0, buf, size, n);
            }
            size += n;
        }

        /** Decimal digits of v, as Long.toString would write them; needs 20 bytes of room. */
        void putLong(long v) {
            if (v == Long.MIN_VALUE) {
                put(Long.toString(v).getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (v < 0) {
                buf[size++] = '-';
                v = -v;
            }
            if (v < 10) {
                buf[size++] = (byte) ('0' + v);
                return;
            }
            int digits = digits(v);
            int end = size + digits;
            for (int i = end - 1; i >= size; i--) {
                buf[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
            size = end;
        }

        /** v (0 <= v < 10^width) in exactly {@code width} digits, zero-padded on the left; needs the room. */
        void putPadded(long v, int width) {
            for (int i = size + width - 1; i >= size; i--) {
                buf[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
            size += width;
        }

        private static int digits(long v) {
            int d = 2;
            while (d < 19 && v >= POWERS_OF_TEN[d]) {
                d++;
            }
            return d;
        }

        /** An ASCII string copied as is (the caller knows it needs no quoting), keeping {@code reserve} bytes free. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain copy of ASCII chars
        void putAscii(String s, int reserve) {
            int len = s.length();
            ensure(len + reserve);
            s.getBytes(0, len, buf, size);
            size += len;
        }

        /**
         * Appends s as is when it is ASCII and needs no quoting (no delimiter, quote or line break, and no edge space
         * unless the dialect puts a space after delimiters), keeping {@code reserve} bytes free; returns false,
         * appending nothing, otherwise.
         */
        boolean appendPlainAscii(String s, char delimiter, boolean spaceAfterDelimiter, int reserve) {
            int len = s.length();
            if (len > 0 && !spaceAfterDelimiter && (s.charAt(0) == ' ' || s.charAt(len - 1) == ' ')) {
                return false;
            }
            ensure(len + reserve);
            // the chars in bulk first (a vectorised copy for a Latin-1 string), then one tight loop over the array
            char[] chars = scratch;
            if (chars.length < len) {
                chars = scratch = new char[Math.max(len, 2 * chars.length)];
            }
            s.getChars(0, len, chars, 0);
            byte[] into = buf;
            int at = size;
            for (int i = 0; i < len; i++) {
                char ch = chars[i];
                if (ch >= 0x80 || ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') {
                    return false;
                }
                into[at + i] = (byte) ch;
            }
            size += len;
            return true;
        }

        /**
         * Appends s quoted, its quotes doubled, when it is ASCII, keeping {@code reserve} bytes free; returns false,
         * appending nothing, otherwise.
         */
        boolean appendQuotedAscii(String s, int reserve) {
            int len = s.length();
            ensure(2 * len + 2 + reserve);
            byte[] into = buf;
            int at = size;
            into[at++] = '"';
            for (int i = 0; i < len; i++) {
                char ch = s.charAt(i);
                if (ch >= 0x80) {
                    return false;
                }
                if (ch == '"') {
                    into[at++] = '"';
                }
                into[at++] = (byte) ch;
            }
            into[at++] = '"';
            size = at;
            return true;
        }

        /** Room to copy a value's chars into (grown as needed; a sink is used by one thread at a time). */
        private char[] scratch = new char[64];
    }
}
