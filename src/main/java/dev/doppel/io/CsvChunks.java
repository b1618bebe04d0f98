package dev.doppel.io;

import dev.doppel.error.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link RowBatches} of a delimited file, parsed on the threads that ask for the rows. The reading thread only finds
 * where records end ({@link CsvRecordScanner}, on the raw bytes) and cuts the file after every batch's last row; a
 * worker then makes the batch's cells straight from its bytes, ASCII fields without decoding. A batch with anything
 * unusual in it (a field count that differs from the header's, a quote FastCSV rejects, bytes that do not decode, a
 * record longer than {@value #FAST_RECORD_BYTES} bytes) is parsed again by FastCSV through {@link CsvRowReader}
 * instead, which gives the file reader's own rows or error, line numbers included.
 *
 * <p>Used where the bytes can be cut without decoding and parsed as FastCSV's strict parser would: files of several
 * columns, in UTF-8 or a single-byte encoding that keeps ASCII, whose separator is one ASCII character and is not
 * padded with a space (see {@link #canSplit}); other files are read row by row ({@link RowBatches#of}).
 */
final class CsvChunks implements RowBatches {
    private static final int READ_BYTES = 1 << 20;
    /** Longer records are left to FastCSV, whose limits on fields and records they might reach. */
    static final int FAST_RECORD_BYTES = 1 << 22;
    /**
     * The reading thread stops at a record longer than this (a quote never closed, say): FastCSV then parses what
     * came before it and meets the problem itself, so the error is the file reader's.
     */
    static final int MAX_RECORD_BYTES = 1 << 26;

    private final CsvRowReader opened;
    private final Set<String> markers;
    private final int width;
    private final int batchRows;
    private final char delimiter;
    private final Charset encoding;
    private final InputStream in;
    private final CsvRecordScanner scanner;
    /** Bytes read at a time: {@value #READ_BYTES}, or less for a small file. */
    private final int readBytes;
    private byte[] buf;
    /** Where the batch being cut starts in {@link #buf}. */
    private int start;
    /** Where the next record starts in {@link #buf}. */
    private int pos;
    /** The end of the bytes read into {@link #buf}. */
    private int limit;
    private boolean endOfInput;
    /** The file line the record at {@link #pos} starts on. */
    private long line = 1;
    private boolean done;
    private boolean closed;

    private CsvChunks(CsvRowReader opened, Set<String> markers, int batchRows, InputStream in, long size) {
        this.readBytes = (int) Math.max(1 << 12, Math.min(READ_BYTES, size + 1));
        this.buf = new byte[4 * readBytes];
        this.opened = opened;
        this.markers = Set.copyOf(markers);
        this.width = opened.names().size();
        this.batchRows = batchRows;
        this.delimiter = opened.dialect().delimiter();
        this.encoding = opened.encoding();
        this.in = in;
        this.scanner = new CsvRecordScanner(delimiter, 1);
    }

    /**
     * Batches of the file that {@code opened} has opened (and checked: header, first row), parsed on the threads that
     * ask; {@code opened} is closed. Falls back to reading with {@code opened} where the file cannot be cut.
     */
    static RowBatches open(CsvRowReader opened, ReadOptions options, int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1");
        }
        if (!canSplit(opened)) {
            return RowBatches.of(opened, batchRows);
        }
        opened.close();
        Path file = opened.file();
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            in.skipNBytes(opened.skip());
            CsvChunks chunks = new CsvChunks(opened, options.markerSet(), batchRows, in, Files.size(file));
            in = null;
            chunks.skipHeader();
            return chunks;
        } catch (IOException e) {
            throw Unreadable.error(opened.source(), e);
        } finally {
            Unreadable.closeQuietly(in);
        }
    }

    /**
     * Whether the file can be cut at record boundaries without decoding and parsed here as FastCSV's strict parser
     * would: more than one column (a one-column file's blank lines are rows only before another row), no space after
     * the separator (FastCSV parses that leniently), an ASCII separator, and UTF-8 or a single-byte encoding that
     * keeps ASCII.
     */
    static boolean canSplit(CsvRowReader reader) {
        char d = reader.dialect().delimiter();
        return reader.names().size() > 1 && !reader.dialect().spaceAfterDelimiter()
                && d < 0x80 && d != '"' && d != '\r' && d != '\n' && keepsAscii(reader.encoding());
    }

    private static boolean keepsAscii(Charset encoding) {
        if (encoding.equals(StandardCharsets.UTF_8) || encoding.equals(StandardCharsets.US_ASCII)
                || encoding.equals(StandardCharsets.ISO_8859_1)) {
            return true;
        }
        if (!encoding.canEncode() || encoding.newEncoder().maxBytesPerChar() != 1) {
            return false;
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        String decoded = new String(ascii, encoding);
        for (int i = 0; i < ascii.length; i++) {
            if (decoded.length() != ascii.length || decoded.charAt(i) != i) {
                return false;
            }
        }
        return true;
    }

    /** Moves past blank lines and the header record (already read and checked by {@link #opened}). */
    private void skipHeader() throws IOException {
        while (true) {
            int end = scanner.scan(buf, pos, limit, endOfInput);
            if (end == CsvRecordScanner.INCOMPLETE) {
                fill();
                continue;
            }
            if (end == CsvRecordScanner.NO_RECORD) {
                done = true;
                return;
            }
            boolean blank = isBlank(scanner, buf);
            line += scanner.lines;
            pos = end;
            if (!blank) {
                start = pos;
                return;
            }
        }
    }

    @Override
    public Pending next() {
        if (done || closed) {
            return null;
        }
        start = pos;
        long firstLine = line;
        int rows = 0;
        try {
            while (rows < batchRows) {
                int end = scanner.skip(buf, pos, limit, endOfInput);
                if (end == CsvRecordScanner.INCOMPLETE) {
                    if (limit - pos > MAX_RECORD_BYTES) {
                        done = true; // FastCSV meets whatever is wrong with this record
                        return new Chunk(Arrays.copyOfRange(buf, start, limit), firstLine, rows, line);
                    }
                    fill();
                    continue;
                }
                if (end == CsvRecordScanner.NO_RECORD) {
                    done = true;
                    break;
                }
                if (!isBlank(scanner, buf)) {
                    rows++;
                }
                line += scanner.lines;
                pos = end;
            }
        } catch (IOException e) {
            throw Unreadable.error(opened.source(), e);
        }
        return rows == 0 ? null : new Chunk(Arrays.copyOfRange(buf, start, pos), firstLine, rows, -1);
    }

    /** Reads more of the file after {@link #limit}, keeping the batch being cut. */
    private void fill() throws IOException {
        if (endOfInput) {
            throw new IllegalStateException("read past the end");
        }
        int want = Math.max(readBytes, limit - pos); // a long record: read as much again, so rescans stay linear
        if (buf.length - limit < want && start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            pos -= start;
            limit -= start;
            start = 0;
        }
        if (buf.length - limit < want) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, limit + want));
        }
        int n = in.readNBytes(buf, limit, want);
        limit += n;
        endOfInput = n < want;
    }

    /** A record of one field that holds only white space: a blank line, which is not a row of a multi-column file. */
    private boolean isBlank(CsvRecordScanner record, byte[] bytes) {
        if (record.fields != 1 || record.textAfterQuote || record.unclosedQuote) {
            return false; // a record FastCSV rejects is no blank line: its batch's parse raises the error
        }
        String text = text(bytes, record.starts[0], record.ends[0], record.kinds[0], !record.nonAscii, encoding);
        return text != null && text.isBlank(); // text that does not decode is an error, raised by the batch's parse
    }

    /**
     * A field's text as FastCSV makes it (quotes removed, doubled quotes undoubled), or null when its bytes are not
     * valid in the encoding.
     */
    static String text(byte[] bytes, int from, int to, byte kind, boolean ascii, Charset encoding) {
        byte[] b = bytes;
        int start = from;
        int length = to - from;
        if (kind == CsvRecordScanner.ESCAPED) {
            b = new byte[length];
            length = undouble(bytes, from, to, b);
            start = 0;
        }
        if (ascii) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        String text = new String(b, start, length, encoding);
        if (text.indexOf('\uFFFD') < 0) {
            return text; // decoding replaces what it cannot decode with U+FFFD, so none came up
        }
        try { // U+FFFD may be in the text itself: decode strictly to tell
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** FastCSV's unescaping of a quoted field's content: each quote that follows an unskipped one is kept. */
    private static int undouble(byte[] from, int start, int end, byte[] into) {
        int n = 0;
        boolean escape = false;
        for (int i = start; i < end; i++) {
            byte c = from[i];
            if (c == '"') {
                escape = !escape;
                if (escape) {
                    continue;
                }
            }
            into[n++] = c;
        }
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Unreadable.close(in, opened.source());
    }

    @Override
    public String toString() {
        return "CsvChunks[" + opened.source() + "]"; // never cells
    }

    /** The bytes of one batch's records, from the start of one to the end of another. */
    final class Chunk implements Pending {
        private final byte[] bytes;
        private final long firstLine;
        private final int rows;
        /** The line of a record the reading thread gave up on (longer than {@link #MAX_RECORD_BYTES}), else -1. */
        private final long cutLine;

        Chunk(byte[] bytes, long firstLine, int rows, long cutLine) {
            this.bytes = bytes;
            this.firstLine = firstLine;
            this.rows = rows;
            this.cutLine = cutLine;
        }

        @Override
        public String[][] rows() {
            List<String[]> all = new ArrayList<>(rows);
            rows(rows, slice -> all.addAll(Arrays.asList(slice)));
            return all.toArray(new String[0][]);
        }

        @Override
        public void rows(int sliceRows, Consumer<String[][]> slice) {
            if (sliceRows < 1) {
                throw new IllegalArgumentException("sliceRows must be at least 1");
            }
            int given = cutLine < 0 ? parse(sliceRows, slice) : 0;
            if (given == rows) {
                return;
            }
            // something unusual at row `given`: FastCSV parses the batch, and the rows not given yet are taken from it
            String[][] all = parseWithFastCsv();
            for (int from = given; from < all.length; from += sliceRows) {
                slice.accept(Arrays.copyOfRange(all, from, Math.min(all.length, from + sliceRows)));
            }
        }

        /** The rows parsed here, or null when something is unusual (for tests: then FastCSV parses the batch). */
        String[][] fastRows() {
            List<String[]> all = new ArrayList<>(rows);
            return parse(rows, slice -> all.addAll(Arrays.asList(slice))) == rows ? all.toArray(new String[0][]) : null;
        }

        /**
         * Parses the batch here, giving slices of rows as they are made; stops at the first thing that is unusual.
         *
         * @return the rows given: all of them, or fewer where parsing stopped
         */
        private int parse(int sliceRows, Consumer<String[][]> slice) {
            CsvRecordScanner record = new CsvRecordScanner(delimiter, width + 1);
            MissingCells missing = new MissingCells(markers, width);
            String[][] out = new String[Math.min(sliceRows, rows)][];
            int given = 0;
            int n = 0;
            int at = 0;
            while (true) {
                int end = record.scan(bytes, at, bytes.length, true);
                if (end == CsvRecordScanner.NO_RECORD) {
                    break;
                }
                if (record.textAfterQuote || record.unclosedQuote || end - at > FAST_RECORD_BYTES) {
                    return given;
                }
                if (record.fields != width) {
                    if (isBlank(record, bytes)) {
                        at = end;
                        continue;
                    }
                    return given;
                }
                if (given + n == rows) {
                    return given; // more rows than the reading thread counted: FastCSV decides
                }
                boolean ascii = !record.nonAscii;
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    String raw = text(bytes, record.starts[c], record.ends[c], record.kinds[c], ascii, encoding);
                    if (raw == null) {
                        return given;
                    }
                    row[c] = missing.text(c, raw, false);
                }
                out[n++] = row;
                at = end;
                if (n == out.length) {
                    slice.accept(out);
                    given += n;
                    n = 0;
                    out = new String[Math.min(sliceRows, Math.max(1, rows - given))][];
                }
            }
            if (n > 0) {
                slice.accept(Arrays.copyOf(out, n));
                given += n;
            }
            return given;
        }

        private String[][] parseWithFastCsv() {
            List<String[]> parsed = new ArrayList<>(rows);
            try (CsvRowReader reader = CsvRowReader.ofRecords(opened, markers, bytes, firstLine)) {
                for (String[] row = reader.next(); row != null; row = reader.next()) {
                    parsed.add(row.clone());
                }
            }
            if (cutLine >= 0) {
                throw new InputException(opened.source() + ": line " + cutLine + ": a record longer than "
                        + (MAX_RECORD_BYTES >> 20) + " MB (check the quotes)");
            }
            if (parsed.size() != rows) {
                throw new IllegalStateException("a batch of " + rows + " rows parsed into " + parsed.size());
            }
            return parsed.toArray(new String[0][]);
        }

        @Override
        public String toString() {
            return "Chunk[" + rows + " rows from line " + firstLine + "]"; // never cells
        }
    }
}
