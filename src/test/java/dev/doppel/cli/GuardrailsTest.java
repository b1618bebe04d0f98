package dev.doppel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that would break privacy or produce unusable output are refused up front, with one line and exit 3. */
class GuardrailsTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        StringBuilder csv = new StringBuilder("code,amount,day\n");
        for (int i = 0; i < 200; i++) {
            csv.append((char) ('A' + i / 10 % 26)).append(i % 10).append(',').append(i % 17).append(".25,2024-01-")
                    .append(String.format(java.util.Locale.ROOT, "%02d", 1 + i % 28)).append('\n');
        }
        return Files.writeString(dir.resolve("codes.csv"), csv);
    }

    private Path profile(String columns, String model) throws Exception {
        return Files.writeString(dir.resolve("p.yaml"), "job: codes\ninput:\n  path: \""
                + data().toString().replace("\\", "/") + "\"\ncolumns:\n" + columns + model
                + "output:\n  rows: 20\n");
    }

    private static void assertOneLineError(CliRunner.Run run, String expected) {
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(expected);
    }

    @Test
    void refusesAMinimumGroupBelowThree() throws Exception {
        Path p = profile("  amount: {kind: decimal}\n", "model:\n  min_group: 2\n");
        assertOneLineError(CliRunner.doppel("run", p.toString(), "--output-dir", dir.resolve("o").toString()),
                "min_group must be at least 3");
    }

    @Test
    void refusesADateLayoutWithHours() throws Exception {
        Path p = profile("  day: {kind: date, layout: \"yyyy-MM-dd HH\"}\n", "");
        assertOneLineError(CliRunner.doppel("run", p.toString(), "--output-dir", dir.resolve("o").toString()),
                "layout is not a usable date pattern");
    }

    @Test
    void refusesADateTimeLayoutWithoutTime() throws Exception {
        Path p = profile("  day: {kind: datetime, layout: \"yyyy-MM-dd\"}\n", "");
        assertOneLineError(CliRunner.doppel("run", p.toString(), "--output-dir", dir.resolve("o").toString()),
                "layout is not a usable date-time pattern");
    }

    @Test
    void refusesAScaleOutOfRange() throws Exception {
        Path p = profile("  amount: {kind: decimal, scale: 30}\n", "");
        assertOneLineError(CliRunner.doppel("run", p.toString(), "--output-dir", dir.resolve("o").toString()),
                "scale must be between 0 and 15");
    }

    @Test
    void refusesMoreRowsThanTheIdFormatHasFreeIds() throws Exception {
        Path p = profile("  code: {kind: identifier}\n", "");
        // 260 ids of the shape letter+digit, 200 of them real: 60 free
        assertOneLineError(CliRunner.doppel("run", p.toString(), "-n", "100", "--output-dir",
                dir.resolve("o").toString()), "allows only 60 fresh ids");
    }

    @Test
    void debugTracesNameTypesAndFramesButNoMessage() {
        StringWriter out = new StringWriter();
        CliErrors.printTrace(new IllegalStateException("CANARY-secret", new NumberFormatException("For input: CANARY")),
                new PrintWriter(out));
        assertThat(out.toString()).contains("IllegalStateException", "caused by: java.lang.NumberFormatException", "\tat ")
                .doesNotContain("CANARY");
    }

    @Test
    void writtenProfileKeepsTheEncodingAndMissingMarkersItWasInspectedWith() throws Exception {
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "name,n\nJos\u00e9,1\nRen\u00e9e,-\nZo\u00eb,3\nAnna,4\nBea,5\nCleo,6\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path written = dir.resolve("latin.yaml");
        CliRunner.Run inspect = CliRunner.doppel("inspect", latin.toString(), "--encoding", "ISO-8859-1",
                "--missing=-,NA", "--write-profile", written.toString());
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertThat(Files.readString(written)).contains("encoding: \"ISO-8859-1\"").contains("missing: [\"-\", \"NA\"]");
        CliRunner.Run run = CliRunner.doppel("run", written.toString(), "--output-dir", dir.resolve("o").toString(), "-q");
        assertThat(run.code()).as(run.err()).isZero();
    }
}
