package dev.doppel.io;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.doppel.error.InputException;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delimited text file (CSV, TSV, semicolon, pipe) into a {@link RawTable} with FastCSV. Errors name the file,
 * the line and the column, never a cell's content.
 */
public final class CsvTableReader {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    /** FastCSV's limit on one field, in characters. */
    static final long MAX_FIELD_CHARS = 16L * 1024 * 1024;
    /** FastCSV's limit on the fields of one record. */
    static final int MAX_FIELDS = 16 * 1024;
    private static final Pattern TOO_MANY_FIELDS = Pattern.compile("maximum limit of \\d+ fields");

    private CsvTableReader() {}

    public static RawTable read(Path file, ReadOptions options) {
        String name = file.getFileName().toString();
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new InputException(name + ": the file is empty");
        }
        checkNotCompressed(name, head);
        checkNotBinary(name, head);
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        checkNotUtf16(name, head, options.encoding());
        int skip = bom ? 3 : 0;
        Head decoded = decodeHead(head, skip, options.encoding());
        FileDialect dialect = DialectSniffer.sniff(decoded.text(), options.delimiter(), bom);
        if (!decoded.valid()) {
            // the separator is sniffed from the lines before the bad byte, so the column is counted right
            throw new InputException(name + locateFailure(file, skip, options, dialect, -1));
        }

        Set<String> markers = options.markerSet();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(skip);
            CharsetDecoder decoder = options.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new InputStreamReader(in, decoder);
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(dialect.delimiter())
                    .quoteCharacter('"')
                    .commentStrategy(CommentStrategy.NONE)
                    .skipEmptyLines(false)
                    .allowUnclosedQuote(false)
                    .trimWhitespacesAroundQuotes(dialect.spaceAfterDelimiter())
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(reader);
            return collect(name, csv, dialect, markers);
        } catch (CsvParseException | UncheckedIOException e) {
            if (mentions(e, TOO_MANY_FIELDS)) {
                throw new InputException(name + ": line " + lineOf(e) + ": more than "
                        + String.format(Locale.ROOT, "%,d", MAX_FIELDS) + " fields in one record");
            }
            throw new InputException(name + locateFailure(file, skip, options, dialect, lineOf(e)));
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Says where and why reading failed, from a second pass over the file (the parser's exception is never passed on:
     * FastCSV quotes characters of the data in some messages).
     *
     * @param parserLine the line the parser was at, or -1
     */
    private static String locateFailure(Path file, int skip, ReadOptions options, FileDialect dialect, long parserLine) {
        CsvErrorLocator.Findings found;
        try {
            found = CsvErrorLocator.scan(file, skip, options.encoding(), dialect.delimiter(),
                    dialect.spaceAfterDelimiter(), MAX_FIELD_CHARS);
        } catch (IOException e) {
            return ": cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        // the parser stops at the first problem, so the earliest finding is the cause
        Map<CsvErrorLocator.Position, String> problems = new HashMap<>();
        found.undecodable().ifPresent(p -> problems.put(p, "not valid " + options.encoding().name()
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

    private static RawTable collect(String name, CsvReader<CsvRecord> csv, FileDialect dialect, Set<String> markers)
            throws IOException {
        try (csv) {
            var records = csv.iterator();
            CsvRecord header = null;
            while (records.hasNext() && header == null) {
                CsvRecord record = records.next();
                if (!isBlank(record)) {
                    header = record; // blank lines before the header are skipped
                }
            }
            if (header == null) {
                throw new InputException(name + ": the file has no header line (it holds only blank lines)");
            }
            List<String> names = headerNames(name, header);
            int width = names.size();
            List<ColumnCollector> columns = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                columns.add(new ColumnCollector());
            }
            int[] lines = new int[1024];
            int rows = 0;
            List<CsvRecord> blanks = new ArrayList<>();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (isBlank(record)) {
                    if (width == 1) {
                        blanks.add(record); // a missing value, unless only blank lines follow
                    }
                    continue; // with several columns, a blank line is not a record
                }
                int count = record.getFieldCount();
                if (count != width) {
                    throw new InputException(name + ": line " + record.getStartingLineNumber() + ": " + count
                            + (count == 1 ? " field" : " fields") + ", but the header has " + width
                            + " (check the separator and quotes)");
                }
                blanks.add(record);
                for (CsvRecord r : blanks) {
                    if (rows == lines.length) {
                        lines = Arrays.copyOf(lines, rows * 2);
                    }
                    lines[rows++] = (int) Math.min(Integer.MAX_VALUE, r.getStartingLineNumber());
                    for (int c = 0; c < width; c++) {
                        columns.get(c).add(r.getField(c), markers, dialect.spaceAfterDelimiter());
                    }
                }
                blanks.clear();
            }
            if (rows == 0) {
                throw new InputException(name + ": the file has a header but no data rows");
            }
            List<String[]> cells = new ArrayList<>(width);
            List<String> missing = new ArrayList<>(width);
            for (ColumnCollector column : columns) {
                cells.add(column.values());
                missing.add(column.commonMarker());
            }
            return new RawTable(name, names, cells, missing, dialect, Arrays.copyOf(lines, rows));
        }
    }

    /** A line with nothing but white space on it. */
    private static boolean isBlank(CsvRecord record) {
        return record.getFieldCount() == 1 && record.getField(0).isBlank();
    }

    private static List<String> headerNames(String file, CsvRecord header) {
        List<String> names = new ArrayList<>(header.getFieldCount());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String n = header.getField(i).trim();
            String where = file + ": line " + header.getStartingLineNumber() + ", column " + (i + 1);
            if (n.isEmpty()) {
                throw new InputException(where + ": the header name is blank (every column needs a name)");
            }
            Integer first = seen.putIfAbsent(n, i + 1);
            if (first != null) {
                // the name is not repeated here: a file without a header line has data in its first line
                throw new InputException(where + ": the header name is the same as column " + first
                        + "'s (names must be unique)");
            }
            names.add(n);
        }
        return names;
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new InputException(file.getFileName()
                    + (Files.exists(file) ? ": cannot be read (no permission, or not a regular file)" : ": no such file"));
        }
    }

    private static void checkNotCompressed(String name, byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            throw new InputException(name + ": is gzip-compressed; decompress it first");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InputException(name + ": is a zip archive (or an Excel workbook); extract or export it as CSV first");
        }
    }

    private static void checkNotBinary(String name, byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                throw new InputException(name + ": looks binary (it contains NUL bytes), not a text table");
            }
            if (b >= 0 && b < 32 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        if (control > head.length / 20) {
            throw new InputException(name + ": looks binary (many control characters), not a text table");
        }
    }

    private static void checkNotUtf16(String name, byte[] head, Charset encoding) {
        boolean utf16Bom = head.length >= 2
                && (((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
                        || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE));
        if (utf16Bom && !encoding.name().startsWith("UTF-16")) {
            throw new InputException(name + ": is UTF-16 encoded; convert it to UTF-8 or pass --encoding UTF-16");
        }
    }

    /** The decoded start of a file: all of it when valid, else the text before the first bad byte. */
    private record Head(String text, boolean valid) {}

    private static Head decodeHead(byte[] head, int offset, Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, offset, head.length - offset);
        CharBuffer chars = CharBuffer.allocate(head.length + 16);
        var result = decoder.decode(bytes, chars, false); // the last character may be cut: not final
        chars.flip();
        return new Head(chars.toString(), !result.isError());
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

    /** Collects one column's trimmed cells, turning missing markers into null and remembering the raw marker. */
    private static final class ColumnCollector {
        private String[] values = new String[1024];
        private int size;
        private Map<String, Integer> rawMarkers;

        void add(String raw, Set<String> markers, boolean padded) {
            String value = raw.trim();
            if (value.isEmpty() || markers.contains(value.toLowerCase(Locale.ROOT))) {
                if (rawMarkers == null) {
                    rawMarkers = new HashMap<>();
                }
                if (rawMarkers.size() < 16) {
                    String marker = value.isEmpty() && !(padded && raw.length() == 1) ? raw : value;
                    rawMarkers.merge(marker, 1, Integer::sum);
                }
                value = null;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        String[] values() {
            return Arrays.copyOf(values, size);
        }

        String commonMarker() {
            if (rawMarkers == null) {
                return "";
            }
            return rawMarkers.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse("");
        }
    }
}
