package dev.doppel.cli;

import dev.doppel.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.error.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --delimiter, --missing and --encoding as inspect sees them. */
class ReadOptionsMixinTest {
    @TempDir
    Path dir;

    private static CliRunner.Run run(String... args) {
        return CliRunner.doppel(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** The inspect table line of one column, split on runs of spaces. */
    private static String[] row(String out, String column) {
        return out.lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow().trim().split(" {2,}");
    }

    @Test
    void delimiterOptionSplitsOnTheGivenSeparator() throws IOException {
        Path data = write("mixed.csv", "a;b;c,d\n1;2;3,4\n4;5;6,7\n7;8;9,1\n");
        CliRunner.Run detected = run("inspect", data.toString());
        assertThat(detected.out()).contains("3 rows, 3 columns, semicolon-separated");
        CliRunner.Run forced = run("inspect", data.toString(), "--delimiter", ",");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("3 rows, 2 columns, comma-separated");
        assertThat(row(forced.out(), "a;b;c")[1]).isEqualTo("identifier");
        CliRunner.Run tab = run("inspect", data.toString(), "--delimiter", "tab");
        assertThat(tab.out()).contains("3 rows, 1 column, tab-separated");
    }

    @Test
    void missingOptionReplacesTheDefaultMarkers() throws IOException {
        StringBuilder sb = new StringBuilder("id,job\n");
        for (int i = 1; i <= 40; i++) {
            sb.append(i).append(',').append(i % 4 == 0 ? "unknown" : i % 5 == 0 ? "NA" : "clerk").append('\n');
        }
        Path data = write("jobs.csv", sb.toString());
        assertThat(row(run("inspect", data.toString()).out(), "job")[2]).isEqualTo("15.0%");
        CliRunner.Run custom = run("inspect", data.toString(), "--missing", "unknown,-");
        assertThat(custom.code()).as(custom.err()).isZero();
        assertThat(row(custom.out(), "job")[2]).as("10 unknown of 40; NA is now a label").isEqualTo("25.0%");
    }

    @Test
    void describesPaddingQuotingLineEndsAndBom() throws IOException {
        Path padded = write("padded.csv", "a, b\n1, x\n2, y\n");
        assertThat(run("inspect", padded.toString()).out())
                .contains("padded.csv: 2 rows, 2 columns, comma-separated with a space after each separator\n");
        Path quoted = write("quoted.csv", "\uFEFF\"a\";\"b\"\r\n1;\"x\"\r\n2;\"y\"\r\n");
        assertThat(run("inspect", quoted.toString()).out())
                .contains("quoted.csv: 2 rows, 2 columns, semicolon-separated, text quoted, CRLF, UTF-8 BOM\n");
    }

    @Test
    void unknownEncodingIsAUsageError() throws IOException {
        Path data = write("ok.csv", "a,b\n1,2\n");
        CliRunner.Run result = run("inspect", data.toString(), "--encoding", "KLINGON-8");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("error: --encoding: unknown encoding (try UTF-8 or ISO-8859-1)\n");
    }
}
