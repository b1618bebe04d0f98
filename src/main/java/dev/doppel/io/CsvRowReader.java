package dev.doppel.io;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.doppel.error.InputException;
import dev.doppel.table.FileDialect;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a delimited text file (CSV, TSV, semicolon, pipe) row by row with FastCSV: the one parsing path behind
 * {@link CsvTableReader#read} and {@link TableReaders#open}. Checks the start of the file (empty, compressed, binary,
 * UTF-16), sniffs the dialect, reads the header and the first data row when opened; later problems are raised by
 * {@link #next()} when it reaches them. Errors name the file, the line and the column, never a cell's content.
 */
final class CsvRowReader implements RowReader {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    /** FastCSV's limit on one field, in characters. */
    static final long MAX_FIELD_CHARS = 16L * 1024 * 1024;
    /** FastCSV's limit on the fields of one record. */
    static final int MAX_FIELDS = 16 * 1024;
    private static final Pattern TOO_MANY_FIELDS = Pattern.compile("maximum limit of \\d+ fields");

    private final Path file;
    private final String name;
    private final int skip;
    private final Charset encoding;
    private final FileDialect dialect;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private List<String> names = List.of();
    private MissingCells missing = new MissingCells(Set.of(), 0);
    private String[] row = new String[0];
    /** Blank lines of a one-column file, not yet known to be rows: they are, unless only blank lines follow. */
    private final List<CsvRecord> blanks = new ArrayList<>();
    /** Records known to be rows, not yet returned. */
    private final ArrayDeque<CsvRecord> ready = new ArrayDeque<>();
    private int line;
    /** Lines before the text this reader parses: 0 for a file, more for a run of its records ({@link #ofRecords}). */
    private long lineOffset;
    /** True while the first row, read when opening, has not been returned yet. */
    private boolean primed;
    private boolean closed;

    private CsvRowReader(Path file, String name, int skip, Charset encoding, FileDialect dialect, CsvReader<CsvRecord> csv) {
        this.file = file;
        this.name = name;
        this.skip = skip;
        this.encoding = encoding;
        this.dialect = dialect;
        this.csv = csv;
        this.records = csv.iterator();
    }

    /** What a file that is not UTF-8 is read as when the user did not say (see {@link ReadOptions#encodingGiven}). */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Opens the file, sniffs its dialect (or takes the given separator), reads the header and the first data row.
     *
     * @throws InputException when the file is missing, unreadable, not a text table, has a bad header or no data row
     */
    static CsvRowReader open(Path file, ReadOptions options) {
        String name = file.getFileName().toString();
        Charset encoding = options.encoding();
        TextHead head = TextHead.read(file, encoding);
        if (!head.valid() && !head.bom() && !options.encodingGiven()
                && encoding.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            // not UTF-8: an older Western European export is windows-1252 (Latin-1 plus the euro sign and quotes)
            TextHead legacy = TextHead.read(file, WINDOWS_1252);
            if (legacy.valid()) {
                head = legacy;
                encoding = WINDOWS_1252;
            }
        }
        int skip = head.skip();
        FileDialect dialect = DialectSniffer.sniff(head.text(), options.delimiter(), head.bom());
        if (!head.valid()) {
            // the separator is sniffed from the lines before the bad byte, so the column is counted right
            throw new InputException(name + locateFailure(file, skip, encoding, dialect, -1));
        }
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            in.skipNBytes(skip);
            CsvReader<CsvRecord> csv = parser(in, encoding, dialect);
            in = null; // the parser owns the stream now
            CsvRowReader reader = new CsvRowReader(file, name, skip, encoding, dialect, csv);
            try {
                reader.start(options);
                return reader;
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException e) {
            throw Unreadable.error(name, e);
        } finally {
            Unreadable.closeQuietly(in);
        }
    }

    /** FastCSV over the text of {@code in}, as this reader parses a file. */
    private static CsvReader<CsvRecord> parser(InputStream in, Charset encoding, FileDialect dialect) {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return CsvReader.builder()
                .fieldSeparator(dialect.delimiter())
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .allowUnclosedQuote(false)
                .trimWhitespacesAroundQuotes(dialect.spaceAfterDelimiter())
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(new InputStreamReader(in, decoder));
    }

    /**
     * A reader of a run of whole data records of a file this class has {@link #open opened}, given as bytes: what
     * {@link #next()} returns and raises is what the file's own reader would for those records, line numbers
     * included; a problem is located in the file itself. No header is read.
     *
     * @param opened a reader of the file (for its name, encoding, dialect and columns)
     * @param bytes the records, from the start of one to the end of another
     * @param firstLine the file line the first record starts on
     */
    static CsvRowReader ofRecords(CsvRowReader opened, Set<String> markers, byte[] bytes, long firstLine) {
        CsvReader<CsvRecord> csv = parser(new java.io.ByteArrayInputStream(bytes), opened.encoding, opened.dialect);
        CsvRowReader reader = new CsvRowReader(opened.file, opened.name, opened.skip, opened.encoding, opened.dialect,
                csv);
        reader.names = opened.names;
        reader.missing = new MissingCells(markers, opened.names.size());
        reader.row = new String[opened.names.size()];
        reader.lineOffset = firstLine - 1;
        return reader;
    }

    /** The file read. */
    Path file() {
        return file;
    }

    /** Bytes before the text: the byte-order mark. */
    int skip() {
        return skip;
    }

    /** The file's encoding. */
    Charset encoding() {
        return encoding;
    }

    /** Reads the header and primes the first row. */
    private void start(ReadOptions options) {
        CsvRecord header = null;
        while (header == null && hasNextRecord()) {
            CsvRecord record = nextRecord();
            if (!isBlank(record)) {
                header = record; // blank lines before the header are skipped
            }
        }
        if (header == null) {
            throw new InputException(name + ": the file has no header line (it holds only blank lines)");
        }
        names = headerNames(name, header);
        missing = new MissingCells(options.markerSet(), names.size());
        row = new String[names.size()];
        if (advance() == null) {
            throw new InputException(name + ": the file has a header but no data rows");
        }
        primed = true;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public FileDialect dialect() {
        return dialect;
    }

    @Override
    public String[] next() {
        if (primed) {
            primed = false;
            return row;
        }
        return closed ? null : advance();
    }

    /** Reads the next row into {@link #row}; null at the end. */
    private String[] advance() {
        CsvRecord record = nextRow();
        if (record == null) {
            return null;
        }
        line = (int) Math.min(Integer.MAX_VALUE, lineOffset + record.getStartingLineNumber());
        boolean padded = dialect.spaceAfterDelimiter();
        for (int c = 0; c < row.length; c++) {
            row[c] = missing.text(c, record.getField(c), padded);
        }
        return row;
    }

    /** The next record that is a row: blank lines are rows of a one-column file only, and only before another row. */
    private CsvRecord nextRow() {
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        int width = names.size();
        while (hasNextRecord()) {
            CsvRecord record = nextRecord();
            if (isBlank(record)) {
                if (width == 1) {
                    blanks.add(record); // a missing value, unless only blank lines follow
                }
                continue; // with several columns, a blank line is not a record
            }
            int count = record.getFieldCount();
            if (count != width) {
                throw new InputException(name + ": line " + (lineOffset + record.getStartingLineNumber()) + ": " + count
                        + (count == 1 ? " field" : " fields") + ", but the header has " + width
                        + " (check the separator and quotes)");
            }
            if (blanks.isEmpty()) {
                return record;
            }
            ready.addAll(blanks);
            ready.add(record);
            blanks.clear();
            return ready.poll();
        }
        blanks.clear();
        return null;
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (CsvParseException | UncheckedIOException e) {
            throw located(e);
        }
    }

    private CsvRecord nextRecord() {
        try {
            return records.next();
        } catch (CsvParseException | UncheckedIOException e) {
            throw located(e);
        }
    }

    /** The one-line error for a failure of the parser. */
    private InputException located(RuntimeException e) {
        long line = lineOf(e);
        if (line > 0) {
            line += lineOffset;
        }
        if (mentions(e, TOO_MANY_FIELDS)) {
            return new InputException(name + ": line " + line + ": more than "
                    + String.format(Locale.ROOT, "%,d", MAX_FIELDS) + " fields in one record");
        }
        return new InputException(name + locateFailure(file, skip, encoding, dialect, line));
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public String source() {
        return name;
    }

    @Override
    public List<String> missingMarkers() {
        return missing.mostUsed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        primed = false;
        Unreadable.close(csv, name);
    }

    @Override
    public String toString() {
        return "CsvRowReader[" + name + "]"; // never cells
    }

    /**
     * Says where and why reading failed, from a second pass over the file (the parser's exception is never passed on:
     * FastCSV quotes characters of the data in some messages).
     *
     * @param parserLine the line the parser was at, or -1
     */
    private static String locateFailure(Path file, int skip, Charset encoding, FileDialect dialect, long parserLine) {
        CsvErrorLocator.Findings found;
        try {
            found = CsvErrorLocator.scan(file, skip, encoding, dialect.delimiter(), dialect.spaceAfterDelimiter(),
                    MAX_FIELD_CHARS);
        } catch (IOException e) {
            return Unreadable.reason(e);
        }
        // the parser stops at the first problem, so the earliest finding is the cause
        Map<CsvErrorLocator.Position, String> problems = new HashMap<>();
        found.undecodable().ifPresent(p -> problems.put(p, "not valid " + encoding.name()
                + " text; pass --encoding (for example --encoding ISO-8859-1)"));
        found.unclosedQuote().ifPresent(p -> problems.putIfAbsent(p, "a quoted field is never closed (unterminated quote)"));
        found.oversized().ifPresent(p -> problems.putIfAbsent(p, "the field is longer than the limit of "
                + String.format(Locale.ROOT, "%,d", MAX_FIELD_CHARS) + " characters"));
        found.textAfterQuote().ifPresent(p -> problems.putIfAbsent(p,
                "text after a closing quote (a stray quote inside a field?)"));
        return problems.entrySet().stream()
                .min(Map.Entry.comparingByKey(CsvErrorLocator.Position.ORDER))
                .map(e -> ": " + e.getKey().describe() + ": " + e.getValue())
                .orElse((parserLine > 0 ? ": line " + parserLine : "") + ": malformed CSV (check quotes and separators)");
    }

    /** A line with nothing but white space on it. */
    private static boolean isBlank(CsvRecord record) {
        return record.getFieldCount() == 1 && record.getField(0).isBlank();
    }

    /**
     * The header's names. A blank name (pandas' index column written by {@code to_csv}, or a trailing separator in a
     * spreadsheet export) becomes {@code Unnamed: i}, i counted from 0, as pandas names it, so a synthetic copy's
     * header lines up with what a notebook shows for the real file. A repeated name is an error: it is as likely a
     * file without a header line, whose first line is data (and is not echoed).
     */
    static List<String> headerNames(String file, CsvRecord header) {
        List<String> names = new ArrayList<>(header.getFieldCount());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String n = header.getField(i).trim();
            if (n.isEmpty()) {
                n = "Unnamed: " + i;
            }
            String where = file + ": line " + header.getStartingLineNumber() + ", column " + (i + 1);
            Integer first = seen.putIfAbsent(n, i + 1);
            if (first != null) {
                // the name is not repeated here: a file without a header line has data in its first line
                throw new InputException(where + ": the header name is the same as column " + first
                        + "'s (names must be unique)");
            }
            names.add(n);
        }
        return List.copyOf(names);
    }

    private static boolean mentions(Throwable e, Pattern pattern) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && pattern.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    private static long lineOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("first record")) {
                return 1;
            }
            Matcher m = LINE.matcher(message);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return -1;
    }
}
