package dev.doppel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The committed demo table is exactly what {@link DemoCustomers} generates. After an intended change to the generator,
 * rewrite the file with {@code mvn -o -B test -Dtest=DemoCustomersGoldenTest -Ddemo.update=true} and commit both.
 */
class DemoCustomersGoldenTest {
    static final Path FILE = Path.of("profiles", "data", "demo_customers.csv");

    @Test
    void committedDemoDataIsByteForByteWhatTheGeneratorWrites() throws IOException {
        byte[] generated = DemoCustomers.csvBytes();
        if (Boolean.getBoolean("demo.update")) {
            Files.write(FILE, generated);
        }

        byte[] committed = Files.readAllBytes(FILE);

        int mismatch = Arrays.mismatch(committed, generated);
        assertThat(mismatch)
                .as("first differing byte of %s (line %d); if the generator changed on purpose, regenerate with"
                        + " -Ddemo.update=true", FILE, mismatch < 0 ? 0 : lineAt(generated, mismatch))
                .isEqualTo(-1);
    }

    @Test
    void generatorGivesTheSameBytesEveryTime() {
        assertThat(Arrays.mismatch(DemoCustomers.csvBytes(), DemoCustomers.csvBytes())).isEqualTo(-1);
    }

    @Test
    void demoDataStaysSmall() throws IOException {
        assertThat(Files.size(FILE)).isBetween(100_000L, 1_000_000L);
    }

    private static long lineAt(byte[] bytes, int index) {
        return new String(bytes, 0, Math.min(index, bytes.length), StandardCharsets.UTF_8).lines().count();
    }
}
