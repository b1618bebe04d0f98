package dev.doppel.db;

import dev.doppel.generate.Batch;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Turns batches into PostgreSQL's COPY text format: one line per row, cells separated by tabs, {@code \N} for NULL,
 * backslash, tab, line feed and carriage return escaped; numbers in plain digits, booleans {@code t}/{@code f},
 * dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (with {@code +00} for TIMESTAMPTZ).
 * Labels and the dates a column can take are encoded once up front. Thread-safe: workers encode batches in
 * parallel while one thread sends them.
 */
final class CopyTextEncoder {
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] TRUE = {'t'};
    private static final byte[] FALSE = {'f'};
    private static final int MAX_CACHED_DAYS = 200_000;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final CellPlan plan;
    private final byte[][][] labels; // per label or boolean column: the cell's bytes by code (NULL for none)
    private final long[] firstDay;
    private final byte[][][] days; // per date column: the cell's bytes by epoch day from firstDay
    /** Bytes a row's fixed-width cells (labels, whole numbers, fixed decimals, NULLs), tabs and line end can take. */
    private final int rowBound;

    CopyTextEncoder(List<ColumnModel> columns, CellPlan plan) {
        this.plan = plan;
        int n = plan.size();
        labels = new byte[n][][];
        firstDay = new long[n];
        days = new byte[n][][];
        for (int c = 0; c < n; c++) {
            switch (plan.how[c]) {
                case LABEL -> labels[c] = Arrays.stream(plan.labels[c]).map(CopyTextEncoder::escaped)
                        .toArray(byte[][]::new);
                case BOOLEAN -> labels[c] = Arrays.stream(plan.truth[c]).mapToObj(t -> t == 1 ? TRUE : t == 0 ? FALSE : NULL)
                        .toArray(byte[][]::new);
                case DAY -> {
                    if (columns.get(c) instanceof NumericColumn num) {
                        cacheDays(c, num);
                    }
                }
                default -> { }
            }
        }
        int bound = n + 1;
        for (int c = 0; c < n; c++) {
            int width = switch (plan.how[c]) {
                case LABEL, BOOLEAN -> Arrays.stream(labels[c]).mapToInt(b -> b.length).max().orElse(0);
                case WHOLE -> 20;
                case FIXED_DECIMAL -> 40;
                default -> 0; // variable width: written with a capacity check that keeps this reserve
            };
            bound += Math.max(width, NULL.length);
        }
        rowBound = bound;
    }

    private void cacheDays(int c, NumericColumn num) {
        double min = num.min();
        double max = num.max();
        if (!(Math.abs(min) < 1e7 && Math.abs(max) < 1e7) || max - min >= MAX_CACHED_DAYS) {
            return;
        }
        long from = (long) Math.floor(min) - 1;
        long to = (long) Math.ceil(max) + 1;
        byte[][] cache = new byte[(int) (to - from + 1)][];
        for (int i = 0; i < cache.length; i++) {
            cache[i] = day(from + i);
        }
        firstDay[c] = from;
        days[c] = cache;
    }

    /** Bytes a batch of this many rows usually takes. */
    int sizeHint(int rows) {
        return rows * (plan.size() * 10 + 1) + 64;
    }

    /** Appends the batch's rows to {@code out} (cleared first). */
    void encode(Batch batch, Buffer out) {
        out.size = 0;
        out.reserve = rowBound;
        int n = plan.size();
        int rows = batch.size();
        double[][] numbers = batch.numberColumns();
        int[][] codes = batch.codeColumns();
        String[][] strings = batch.stringColumns();
        for (int r = 0; r < rows; r++) {
            out.ensure(rowBound);
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    out.put((byte) '\t');
                }
                switch (plan.how[c]) {
                    case LABEL, BOOLEAN -> {
                        int code = codes[c][r];
                        out.put(code < 0 ? NULL : labels[c][code]);
                    }
                    case WHOLE -> {
                        double v = numbers[c][r];
                        if (Double.isNaN(v)) {
                            out.put(NULL);
                        } else {
                            out.putLong((long) v);
                        }
                    }
                    case FIXED_DECIMAL -> {
                        double v = numbers[c][r];
                        if (Double.isNaN(v)) {
                            out.put(NULL);
                        } else {
                            fixedDecimal(out, v, plan.scale[c]);
                        }
                    }
                    case DOUBLE -> {
                        double v = numbers[c][r];
                        out.putChecked(Double.isNaN(v) ? NULL : Double.toString(v).getBytes(StandardCharsets.ISO_8859_1));
                    }
                    case DAY -> {
                        double v = numbers[c][r];
                        if (Double.isNaN(v)) {
                            out.put(NULL);
                        } else {
                            byte[][] cache = days[c];
                            long i = cache == null ? -1 : Math.round(v) - firstDay[c];
                            out.putChecked(i >= 0 && i < cache.length ? cache[(int) i] : day(Math.round(v)));
                        }
                    }
                    case TIMESTAMP -> {
                        double v = numbers[c][r];
                        out.putChecked(Double.isNaN(v) ? NULL : timestamp(v, plan.zoned[c]));
                    }
                    case STRING -> {
                        String s = strings[c][r];
                        if (s == null) {
                            out.put(NULL);
                        } else {
                            out.putEscaped(s);
                        }
                    }
                    case NOTHING -> out.put(NULL);
                }
            }
            out.put((byte) '\n');
        }
    }

    /** v with exactly {@code scale} digits after the point (values beyond 1e15 in their shortest exact form). */
    private static void fixedDecimal(Buffer out, double v, int scale) {
        if (Math.abs(v) >= 1e15 || scale > 15) {
            out.putChecked(BigDecimal.valueOf(v).toPlainString().getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        long factor = POWERS_OF_TEN[scale];
        long scaled = Math.round(Math.abs(v) * factor);
        if (v < 0 && scaled != 0) {
            out.put((byte) '-');
        }
        long whole = scaled / factor;
        out.putLong(whole);
        if (scale > 0) {
            out.put((byte) '.');
            long frac = scaled - whole * factor;
            for (int i = scale - 1; i >= 0; i--) {
                out.buf[out.size + i] = (byte) ('0' + (int) (frac % 10));
                frac /= 10;
            }
            out.size += scale;
        }
    }

    static byte[] day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Epoch seconds as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, to the microsecond; {@code +00} appended when zoned. */
    static byte[] timestamp(double epochSeconds, boolean zoned) {
        long seconds = (long) Math.floor(epochSeconds);
        long micros = Math.round((epochSeconds - seconds) * 1e6);
        if (micros >= 1_000_000) {
            seconds++;
            micros -= 1_000_000;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, (int) micros * 1000, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        sb.append(t.toLocalDate()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        if (micros > 0) {
            String f = Long.toString(1_000_000 + micros).substring(1);
            sb.append('.').append(f.replaceAll("0+$", ""));
        }
        if (zoned) {
            sb.append("+00");
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** A label's cell: UTF-8 with COPY's escapes. */
    static byte[] escaped(String s) {
        Buffer b = new Buffer(s.length() * 2 + 8);
        b.putEscaped(s);
        return Arrays.copyOf(b.buf, b.size);
    }

    /** A growable byte buffer; reused across batches, one thread at a time. */
    static final class Buffer {
        byte[] buf;
        int size;
        /** Room kept free after a variable-width cell, for the rest of the row's fixed-width cells. */
        int reserve = 64;

        Buffer(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        /** Room for {@code extra} more bytes. */
        void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void put(byte b) {
            buf[size++] = b;
        }

        void put(byte[] bytes) {
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        /** Bytes of a width not covered by the row reserve. */
        void putChecked(byte[] bytes) {
            ensure(bytes.length + reserve);
            put(bytes);
        }

        void putLong(long v) {
            if (v == Long.MIN_VALUE) {
                putChecked(Long.toString(v).getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (v < 0) {
                buf[size++] = '-';
                v = -v;
            }
            int digits = 1;
            for (long p = 10; digits < 19 && v >= p; p *= 10) {
                digits++;
            }
            for (int i = size + digits - 1; i >= size; i--) {
                buf[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
            size += digits;
        }

        /** A string in UTF-8, with backslash, tab, line feed and carriage return escaped. */
        void putEscaped(String s) {
            int len = s.length();
            ensure(len * 3 + reserve);
            for (int i = 0; i < len; i++) {
                char ch = s.charAt(i);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> {
                            buf[size++] = '\\';
                            buf[size++] = '\\';
                        }
                        case '\t' -> {
                            buf[size++] = '\\';
                            buf[size++] = 't';
                        }
                        case '\n' -> {
                            buf[size++] = '\\';
                            buf[size++] = 'n';
                        }
                        case '\r' -> {
                            buf[size++] = '\\';
                            buf[size++] = 'r';
                        }
                        default -> buf[size++] = (byte) ch;
                    }
                } else {
                    int end = i + 1;
                    while (end < len && s.charAt(end) >= 0x80) {
                        end++;
                    }
                    byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                    ensure(utf8.length + (len - end) * 3 + reserve);
                    put(utf8);
                    i = end - 1;
                }
            }
        }
    }
}
