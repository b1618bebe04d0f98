package dev.doppel.mask.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
    private static final byte[] KEY = randomBytes(32, 7);
    private static final String HEX = HexFormat.of().formatHex(KEY);

    @TempDir
    Path dir;

    @Test
    void hexKeyFromEnvironmentAndFileIsTheSameKey() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, HEX + "\n");
        PseudonymKey fromEnv = PseudonymKey.fromEnvironment("DOPPEL_KEY", Map.of("DOPPEL_KEY", HEX)::get);
        PseudonymKey fromFile = PseudonymKey.fromFile(file);
        assertThat(fromEnv.id()).isEqualTo(fromFile.id()).isEqualTo(PseudonymKey.ofBytes(KEY).id());
        assertThat(fromEnv.id()).matches("[0-9a-f]{8}");
    }

    @Test
    void upperCaseHexCrlfAndBase64DecodeToTheSameBytes() throws Exception {
        String id = PseudonymKey.ofBytes(KEY).id();
        Path crlf = dir.resolve("crlf");
        Files.writeString(crlf, HEX.toUpperCase(Locale.ROOT) + "\r\n");
        String base64 = "base64:" + Base64.getEncoder().encodeToString(KEY);
        assertThat(PseudonymKey.fromFile(crlf).id()).isEqualTo(id);
        assertThat(PseudonymKey.fromEnvironment("K", Map.of("K", base64)::get).id()).isEqualTo(id);
    }

    @Test
    void rawBinaryFileAndPassphraseAreTakenAsBytes() throws Exception {
        Path raw = dir.resolve("raw");
        byte[] binary = KEY.clone();
        binary[0] = (byte) 0xfe; // not hex text
        Files.write(raw, binary);
        assertThat(PseudonymKey.fromFile(raw).id()).isEqualTo(PseudonymKey.ofBytes(binary).id());
        String phrase = "correct horse battery staple";
        assertThat(PseudonymKey.fromEnvironment("K", Map.of("K", phrase)::get).id())
                .isEqualTo(PseudonymKey.ofBytes(phrase.getBytes(StandardCharsets.UTF_8)).id());
    }

    @Test
    void differentKeysHaveDifferentIds() {
        assertThat(PseudonymKey.ofBytes(randomBytes(32, 1)).id())
                .isNotEqualTo(PseudonymKey.ofBytes(randomBytes(32, 2)).id());
    }

    @Test
    void missingVariableTellsHowToSetIt() {
        assertThatThrownBy(() -> PseudonymKey.fromEnvironment("DOPPEL_KEY", name -> null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("environment variable DOPPEL_KEY is not set")
                .hasMessageContaining("openssl rand -hex 32");
    }

    @Test
    void missingFileTellsHowToCreateIt() {
        Path file = dir.resolve("nope.key");
        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("openssl rand -hex 32");
    }

    @Test
    void shortKeysAreRejectedWithoutShowingThem() throws Exception {
        String shortHex = "a1b2c3d4e5f60718293a4b5c6d7e8f"; // 15 bytes
        String shortPhrase = "hunter2-secret!"; // 15 bytes
        String shortBase64 = "base64:" + Base64.getEncoder().encodeToString(randomBytes(15, 3));
        for (String secret : new String[] {shortHex, shortPhrase, shortBase64, ""}) {
            assertThatThrownBy(() -> PseudonymKey.fromEnvironment("K", Map.of("K", secret)::get))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("environment variable K holds fewer than 16 key bytes")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.isEmpty() ? "\u0000" : secret));
        }
        Path file = dir.resolve("short");
        Files.writeString(file, shortPhrase);
        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("fewer than 16")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortPhrase));
    }

    @Test
    void oddHexAndBadBase64AreRejectedWithoutShowingThem() {
        String odd = HEX.substring(1);
        String bad = "base64:" + HEX.substring(0, 20) + "!!";
        assertThatThrownBy(() -> PseudonymKey.fromEnvironment("K", Map.of("K", odd)::get))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("odd number")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(odd));
        assertThatThrownBy(() -> PseudonymKey.fromEnvironment("K", Map.of("K", bad)::get))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not valid Base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HEX.substring(0, 20)));
    }

    @Test
    void toStringShowsOnlyTheFingerprint() {
        PseudonymKey key = PseudonymKey.ofBytes(KEY);
        assertThat(key.toString())
                .isEqualTo("PseudonymKey[id=" + key.id() + "]")
                .doesNotContain(HEX.substring(0, 8))
                .doesNotContain(Base64.getEncoder().encodeToString(KEY).substring(0, 8));
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }
}
