package dev.doppel.io;

import dev.doppel.error.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The decoded start of a delimited file, for sniffing its dialect, after checking that the file is a text table at all
 * (not empty, compressed, binary or UTF-16 read as something else).
 *
 * @param text the first 64 KiB decoded without the byte-order mark: all of it when valid, else the text before the
 *     first bad byte
 * @param valid whether those bytes decoded without error
 * @param bom whether the file starts with a UTF-8 byte-order mark
 */
record TextHead(String text, boolean valid, boolean bom) {
    private static final int SNIFF_BYTES = 64 * 1024;

    /** Bytes to skip at the start of the file: the byte-order mark. */
    int skip() {
        return bom ? 3 : 0;
    }

    /**
     * Reads and checks the start of the file.
     *
     * @throws InputException when the file is missing, unreadable, empty, compressed, binary or unexpected UTF-16
     */
    static TextHead read(Path file, Charset encoding) {
        String name = file.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new InputException(name
                    + (Files.exists(file) ? ": cannot be read (no permission, or not a regular file)" : ": no such file"));
        }
        if (head.length == 0) {
            throw new InputException(name + ": the file is empty");
        }
        checkNotCompressed(name, head);
        checkNotBinary(name, head);
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        checkNotUtf16(name, head, encoding);
        int offset = bom ? 3 : 0;
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, offset, head.length - offset);
        CharBuffer chars = CharBuffer.allocate(head.length + 16);
        var result = decoder.decode(bytes, chars, false); // the last character may be cut: not final
        chars.flip();
        return new TextHead(chars.toString(), !result.isError(), bom);
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

    @Override
    public String toString() {
        return "TextHead[" + text.length() + " chars, valid=" + valid + ", bom=" + bom + "]"; // never the text
    }
}
