package dev.doppel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal-data detection in {@code inspect} shows roles, actions and evidence but never a cell: every cell of the
 * fixture holds a marker string, and the marker must not appear in anything printed.
 */
class InspectCanaryTest {
    @TempDir
    Path dir;

    @Test
    void inspectPrintsRolesAndEvidenceButNoCanaryCell() throws IOException {
        StringBuilder sb = new StringBuilder("id,Vorname,Email,Phone,Firma,Stadt,Website,notes,contact\n");
        for (int i = 1; i <= 60; i++) {
            String n = String.format("%03d", i);
            sb.append("CANARY-ID-").append(n)
                    .append(",CANARY-Anna").append(i % 7)
                    .append(",CANARY-").append(n).append("@example.com")
                    .append(",CANARY-PHONE-").append(n)
                    .append(",\"CANARY Firma ").append(n).append(", GmbH\"")
                    .append(",CANARY-Stadt").append(i % 5)
                    .append(",https://canary-").append(n).append(".example/")
                    .append(",CANARY note ").append(n)
                    .append(",canary-").append(n).append("@example.org\n");
        }
        Path data = Files.write(dir.resolve("fixture.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
        CliRunner.Run run = CliRunner.doppel("inspect", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("direct-identifier").contains("header says e-mail");
        assertThat(run.out() + run.err()).doesNotContainIgnoringCase("canary");
        assertThat(row(run.out(), "contact")).as("an e-mail column found by its values")
                .contains("100% of 60 values are e-mail addresses").endsWith("fake");
        assertThat(row(run.out(), "Phone")).contains("only 0.0% of 60 values are phone numbers");
    }

    private static String row(String out, String column) {
        return out.lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow().stripTrailing();
    }
}
