package dev.doppel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fitting does not hold its input: a CSV of about 280 MB (bank_marketing.csv's rows 62 times, 2.8 million rows) is
 * fitted in a separate JVM with a 256 MB heap. Held whole, as fitting did before, its cells alone (48 million strings
 * of about 48 bytes) would take over 2 GB. The full-size check (2 GB of CSV, a 1 GB heap, the default sample) is
 * bench/bigfit.sh; this one keeps the test suite quick with a sample of 100,000 rows.
 */
class BigInputMemoryTest {
    private static final int COPIES = 62;

    @TempDir
    Path dir;

    @Test
    void aFileFarLargerThanTheHeapIsFittedInBoundedMemory() throws IOException, InterruptedException {
        Path bank = TestData.require("bank_marketing.csv");
        byte[] text = Files.readAllBytes(bank);
        int body = indexAfterFirstLine(text);
        Path big = dir.resolve("bank_big.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(text, 0, body);
            for (int i = 0; i < COPIES; i++) {
                out.write(text, body, text.length - body);
            }
        }
        assertThat(Files.size(big)).isGreaterThan(250L << 20);
        Path model = dir.resolve("model.json");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                "dev.doppel.cli.DoppelCli",
                "fit", big.toString(), "--sample-rows", "100000", "--threads", "2", "-q", "-o", model.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fit.log").toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("fit.log"), StandardCharsets.UTF_8);
        assertThat(finished).as("the fit did not finish: %s", log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        SynthModel fitted = ModelFile.read(model);
        assertThat(fitted.source().rows()).isEqualTo(100_000);
        assertThat(fitted.source().inputRows()).isEqualTo(45_211L * COPIES);
    }

    private static int indexAfterFirstLine(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                return i + 1;
            }
        }
        throw new AssertionError("the dataset has no line break");
    }
}
