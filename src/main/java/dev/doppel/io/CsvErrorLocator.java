package dev.doppel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds where a delimited file went wrong, by a second pass over its bytes that runs only after the parser failed.
 * A streaming decoder reads ahead, so the parser's own idea of the line is not where the bad byte is; this pass decodes
 * in order and follows the quoting rules to report the physical line and the field (1-based) of the first undecodable
 * byte, of a quote that is never closed, of text after a closing quote, and of the first field longer than a limit. It
 * reports positions only, never content.
 */
final class CsvErrorLocator {
    /** A place in the file: physical line (1-based) and field of the record (1-based). */
    record Position(long line, int column) {
        static final Comparator<Position> ORDER =
                Comparator.comparingLong(Position::line).thenComparingInt(Position::column);

        String describe() {
            return "line " + line + ", column " + column;
        }
    }

    /**
     * What the pass found.
     *
     * @param undecodable where the first byte that is not valid in the encoding is, if any
     * @param unclosedQuote where a quoted field opens that is still open at the end of the file, if any
     * @param oversized where the first field longer than the limit starts, if any
     * @param textAfterQuote where the first field has text after its closing quote, if any
     */
    record Findings(
            Optional<Position> undecodable,
            Optional<Position> unclosedQuote,
            Optional<Position> oversized,
            Optional<Position> textAfterQuote) {}

    private CsvErrorLocator() {}

    /**
     * @param file the file
     * @param skipBytes bytes to skip at the start (a byte-order mark)
     * @param encoding the encoding to decode with
     * @param delimiter the field separator
     * @param padded whether a space after a separator may precede an opening quote
     * @param maxFieldChars the field length counted as oversized
     */
    static Findings scan(Path file, int skipBytes, Charset encoding, char delimiter, boolean padded, long maxFieldChars)
            throws IOException {
        Scanner scanner = new Scanner(delimiter, padded, maxFieldChars);
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[1 << 16];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 16);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 16);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skipBytes);
            boolean end = false;
            while (!end) {
                int n = in.read(chunk);
                end = n < 0;
                if (n > 0) {
                    bytes.put(chunk, 0, n);
                }
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    chars.flip();
                    scanner.accept(chars);
                    chars.clear();
                } while (result.isOverflow());
                if (result.isError()) {
                    return new Findings(Optional.of(scanner.position()), Optional.empty(), scanner.oversized,
                            scanner.textAfterQuote);
                }
                bytes.compact();
            }
            decoder.flush(chars);
            chars.flip();
            scanner.accept(chars);
        }
        return new Findings(Optional.empty(), scanner.openQuote(), scanner.oversized, scanner.textAfterQuote);
    }

    /** Follows records, fields and quotes one character at a time. */
    private static final class Scanner {
        private final char delimiter;
        private final boolean padded;
        private final long maxFieldChars;
        private long line = 1;
        private int field = 1;
        private long fieldLength;
        private long fieldLine = 1;
        private boolean fieldStart = true;
        private boolean quoted;
        private boolean quotePending; // a quote inside a quoted field: closes it unless another quote follows
        private boolean afterCr;
        private Position quoteOpened;
        private Optional<Position> oversized = Optional.empty();
        private Optional<Position> textAfterQuote = Optional.empty();
        private boolean closed; // the field's closing quote was seen

        Scanner(char delimiter, boolean padded, long maxFieldChars) {
            this.delimiter = delimiter;
            this.padded = padded;
            this.maxFieldChars = maxFieldChars;
        }

        Position position() {
            return new Position(line, field);
        }

        Optional<Position> openQuote() {
            return quoted && !quotePending ? Optional.of(quoteOpened) : Optional.empty();
        }

        void accept(CharBuffer chars) {
            while (chars.hasRemaining()) {
                step(chars.get());
            }
        }

        private void step(char c) {
            boolean lf = c == '\n' && afterCr; // the LF of a CRLF: the line was counted at the CR
            afterCr = c == '\r';
            if (lf) {
                return;
            }
            if (quoted) {
                if (quotePending) {
                    quotePending = false;
                    if (c == '"') {
                        countChar();
                        return; // an escaped quote
                    }
                    quoted = false; // the quote closed the field; c is read as outside quotes
                    closed = true;
                } else if (c == '"') {
                    quotePending = true;
                    return;
                } else {
                    if (c == '\n' || c == '\r') {
                        line++;
                    }
                    countChar();
                    return;
                }
            }
            if (c == delimiter) {
                field++;
                nextField();
            } else if (c == '\n' || c == '\r') {
                line++;
                field = 1;
                nextField();
            } else if (c == '"' && fieldStart) {
                quoted = true;
                quoteOpened = position();
                fieldStart = false;
            } else {
                if (closed && !(padded && c == ' ') && textAfterQuote.isEmpty()) {
                    textAfterQuote = Optional.of(position());
                }
                if (!(padded && fieldStart && c == ' ')) {
                    fieldStart = false;
                }
                countChar();
            }
        }

        private void nextField() {
            fieldStart = true;
            fieldLength = 0;
            fieldLine = line;
            closed = false;
        }

        private void countChar() {
            fieldLength++;
            if (fieldLength > maxFieldChars && oversized.isEmpty()) {
                oversized = Optional.of(new Position(fieldLine, field));
            }
        }
    }
}
