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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    private CsvTableReader() {}

    public static RawTable read(Path file, ReadOptions options) {
        String name = file.getFileName().toString();
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new InputException(name + ": the file is empty");
        }
        checkNotBinary(name, head);
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        checkNotUtf16(name, head, options.encoding());
        String headText = decodeHead(name, head, bom ? 3 : 0, options.encoding());
        FileDialect dialect = DialectSniffer.sniff(headText, options.delimiter(), bom);

        Set<String> markers = options.markerSet();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (bom) {
                in.skipNBytes(3);
            }
            CharsetDecoder decoder = options.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new InputStreamReader(in, decoder);
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(dialect.delimiter())
                    .quoteCharacter('"')
                    .commentStrategy(CommentStrategy.NONE)
                    .skipEmptyLines(true)
                    .allowUnclosedQuote(false)
                    .trimWhitespacesAroundQuotes(dialect.spaceAfterDelimiter())
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(reader);
            return collect(name, csv, dialect, markers);
        } catch (CsvParseException e) {
            throw new InputException(name + describeParseError(e));
        } catch (UncheckedIOException e) {
            throw new InputException(name + describeIoError(e.getCause(), e.getMessage(), options.encoding()));
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static RawTable collect(String name, CsvReader<CsvRecord> csv, FileDialect dialect, Set<String> markers)
            throws IOException {
        try (csv) {
            var records = csv.iterator();
            if (!records.hasNext()) {
                throw new InputException(name + ": the file has no header line");
            }
            CsvRecord header = records.next();
            List<String> names = headerNames(name, header);
            int width = names.size();
            List<ColumnCollector> columns = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                columns.add(new ColumnCollector());
            }
            int[] lines = new int[1024];
            int rows = 0;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                int count = record.getFieldCount();
                if (count != width) {
                    if (count == 1 && record.getField(0).isBlank()) {
                        continue; // a whitespace-only line between records
                    }
                    throw new InputException(name + ": line " + record.getStartingLineNumber() + " has " + count
                            + " fields, the header has " + width);
                }
                if (rows == lines.length) {
                    lines = Arrays.copyOf(lines, rows * 2);
                }
                lines[rows++] = (int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber());
                for (int c = 0; c < width; c++) {
                    columns.get(c).add(record.getField(c), markers, dialect.spaceAfterDelimiter());
                }
            }
            if (columns.get(0).size == 0) {
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

    private static List<String> headerNames(String file, CsvRecord header) {
        List<String> names = new ArrayList<>(header.getFieldCount());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String n = header.getField(i).trim();
            if (n.isEmpty()) {
                throw new InputException(file + ": line " + header.getStartingLineNumber() + ", column " + (i + 1)
                        + ": the header name is blank");
            }
            if (!seen.add(n)) {
                throw new InputException(file + ": line " + header.getStartingLineNumber() + ", column " + (i + 1)
                        + ": the header name '" + n + "' is used twice");
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

    private static String decodeHead(String name, byte[] head, int offset, Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, offset, head.length - offset);
        CharBuffer chars = CharBuffer.allocate(head.length + 16);
        var result = decoder.decode(bytes, chars, false); // the last character may be cut: not final
        if (result.isError()) {
            int line = 1;
            for (int i = offset; i < bytes.position(); i++) {
                if (head[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(name + ": line " + line + ": not valid " + encoding.name()
                    + " text; pass --encoding (for example --encoding ISO-8859-1)");
        }
        chars.flip();
        return chars.toString();
    }

    private static String describeParseError(CsvParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String where = lineOf(message).map(l -> ": line " + l).orElse("");
        if (message.contains("Unclosed quoted field")) {
            return where + ": a quoted field is never closed (unterminated quote)";
        }
        if (message.contains("maximum") || message.contains("exceeds") || message.contains("surpassed")) {
            return where + ": a field or record is larger than the 16 MiB limit";
        }
        Throwable cause = e.getCause();
        if (cause instanceof CharacterCodingException) {
            return where + ": not valid text in the chosen encoding; pass --encoding";
        }
        if (cause instanceof CsvParseException inner) {
            return describeParseError(inner);
        }
        if (cause != null && cause.getMessage() != null) {
            String inner = cause.getMessage();
            if (inner.contains("maximum") || inner.contains("exceeds") || inner.contains("surpassed")) {
                return where + ": a field or record is larger than the 16 MiB limit";
            }
            if (inner.contains("Unclosed quoted field")) {
                return where + ": a quoted field is never closed (unterminated quote)";
            }
        }
        return where + ": malformed CSV (check quotes and separators)";
    }

    private static String describeIoError(Throwable cause, String message, Charset encoding) {
        String where = lineOf(message == null ? "" : message).map(l -> ": line " + l).orElse("");
        if (cause instanceof CharacterCodingException) {
            return where + ": not valid " + encoding.name() + " text; pass --encoding (for example ISO-8859-1)";
        }
        return where + ": cannot be read (" + (cause == null ? "I/O error" : cause.getClass().getSimpleName()) + ")";
    }

    private static Optional<String> lineOf(String message) {
        Matcher m = LINE.matcher(message);
        if (message.contains("first record")) {
            return Optional.of("1");
        }
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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
