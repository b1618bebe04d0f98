package dev.doppel.mask.pseudo;

import dev.doppel.error.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The secret behind pseudonyms. It is read from an environment variable or a key file, never from the command line
 * (picocli echoes bad arguments), and it is never written anywhere: {@link #toString()} shows only {@link #id()}, and no
 * message of this class contains the key or any part of it.
 *
 * <p>Decoding rule, for the variable's value or the file's content, after removing one final line ending (LF or CRLF):
 *
 * <ol>
 *   <li>only hexadecimal digits ({@code 0-9a-fA-F}), an even number of them: the bytes they spell, as written by
 *       {@code openssl rand -hex 32}; an odd number is rejected as a likely typo;
 *   <li>the prefix {@code base64:} followed by standard Base64: the decoded bytes (e.g. {@code
 *       base64:$(openssl rand -base64 32)});
 *   <li>anything else: the bytes as they are (a file) or their UTF-8 encoding (a variable), e.g. a passphrase.
 * </ol>
 *
 * The result must hold at least {@value #MIN_BYTES} bytes (128 bits). A passphrase of 16 characters passes that check
 * but has far less entropy than 16 random bytes: prefer the openssl command.
 */
public final class PseudonymKey {
    /** Fewest key bytes accepted. */
    public static final int MIN_BYTES = 16;

    private static final String HINT = "export DOPPEL_KEY=$(openssl rand -hex 32)";
    private static final String BASE64_PREFIX = "base64:";

    private final byte[] bytes;
    private final String id;

    private PseudonymKey(byte[] bytes) {
        this.bytes = bytes.clone();
        byte[] mac = HmacSha256.of(this.bytes).mac("doppel key id".getBytes(StandardCharsets.US_ASCII));
        this.id = HexFormat.of().formatHex(mac, 0, 4);
    }

    /**
     * Reads the key from environment variable {@code variable}.
     *
     * @throws InputException when the variable is unset, empty, badly encoded or shorter than {@value #MIN_BYTES}
     *     bytes; the message names the variable and the rule, never its content
     */
    public static PseudonymKey fromEnvironment(String variable) {
        return fromEnvironment(variable, System::getenv);
    }

    /** As {@link #fromEnvironment(String)}, with {@code environment} in place of {@link System#getenv(String)}. */
    static PseudonymKey fromEnvironment(String variable, UnaryOperator<String> environment) {
        String source = "environment variable " + variable;
        String value = environment.apply(variable);
        if (value == null) {
            throw new InputException(source + " is not set; set it to a secret key, e.g. " + HINT);
        }
        String text = trimLineEnd(value);
        return decode(source, text, () -> text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the key from {@code file}.
     *
     * @throws InputException when the file is missing, unreadable, badly encoded or shorter than {@value #MIN_BYTES}
     *     bytes; the message names the file and the rule, never its content
     */
    public static PseudonymKey fromFile(Path file) {
        String source = "key file " + file;
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source + " does not exist; create it with e.g. openssl rand -hex 32 > " + file);
        } catch (IOException e) {
            throw new InputException(source + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int end = content.length;
        if (end > 0 && content[end - 1] == '\n') {
            end--;
            if (end > 0 && content[end - 1] == '\r') {
                end--;
            }
        }
        byte[] raw = Arrays.copyOf(content, end);
        Arrays.fill(content, (byte) 0);
        String text = new String(raw, StandardCharsets.ISO_8859_1); // one char per byte, so raw bytes survive
        return decode(source, text, () -> raw);
    }

    /** A key from raw bytes, for tests and callers that manage secrets themselves (at least 16 bytes). */
    /**
     * A key for when the user set none, derived from the seed and a SHA-256 digest of the input's own values (those
     * being pseudonymised): the same input and seed give the same pseudonyms, while mapping one back needs every real
     * value of the input in order, which whoever holds only the output does not have. Pseudonyms under such a key are
     * consistent within one output, not across files; set a key for that.
     */
    public static PseudonymKey derived(long seed, byte[] inputDigest) {
        byte[] label = ("doppel derived key " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ofBytes(HmacSha256.of(inputDigest).mac(label));
    }

    static PseudonymKey ofBytes(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_BYTES + " bytes");
        }
        return new PseudonymKey(bytes);
    }

    private static PseudonymKey decode(String source, String text, Supplier<byte[]> raw) {
        byte[] key;
        if (!text.isEmpty() && isHex(text)) {
            if (text.length() % 2 != 0) {
                throw new InputException(source + " looks hexadecimal but has an odd number of digits; " + rule());
            }
            key = HexFormat.of().parseHex(text);
        } else if (text.startsWith(BASE64_PREFIX)) {
            try {
                key = Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new InputException(source + " starts with 'base64:' but is not valid Base64; " + rule());
            }
        } else {
            key = raw.get();
        }
        if (key.length < MIN_BYTES) {
            throw new InputException(source + " holds fewer than " + MIN_BYTES + " key bytes; " + rule());
        }
        PseudonymKey result = new PseudonymKey(key);
        Arrays.fill(key, (byte) 0);
        return result;
    }

    private static String rule() {
        return "a key is at least " + MIN_BYTES + " bytes: 32+ hex digits, 'base64:' and Base64, or raw bytes; e.g. "
                + HINT;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static String trimLineEnd(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    /**
     * A short fingerprint that is safe to print and store (for instance in a manifest, to say which key made a file):
     * the first 8 hex digits of HMAC-SHA256(key, "doppel key id"). It reveals nothing usable about the key.
     */
    public String id() {
        return id;
    }

    /** The key bytes, for this package's HMACs only. */
    byte[] bytes() {
        return bytes;
    }

    /** Shows the fingerprint only. */
    @Override
    public String toString() {
        return "PseudonymKey[id=" + id + "]";
    }
}
