package dev.doppel.mask;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PII canary: a fixture whose names, e-mails, phones and customer numbers are marker values goes through every
 * command (inspect, fit, sample, run, mask, and a failing run), and no marker may appear in anything written or
 * printed: logs, errors, profile, model, summary, manifest or data.
 */
class CanaryTest {
    @TempDir
    Path dir;

    private final List<String> phones = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    private Path fixture() throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("customer_id,first_name,last_name,email,phone,age,plan,spend\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < 300; i++) {
            String id = Integer.toString(7_304_511 + 37 * i);
            String phone = String.format(Locale.ROOT, "+1 (555) 9%02d-%04d", i % 100, 1000 + i * 7);
            ids.add(id);
            phones.add(phone);
            sb.append(id).append(",Canaryfirst").append((char) ('a' + i % 26)).append((char) ('a' + i / 26))
                    .append(",Canarylast").append((char) ('a' + i % 13)).append((char) ('a' + i / 13 % 26))
                    .append(",canary").append(i).append("@canarymail.com,").append(phone)
                    .append(',').append(18 + rnd.nextInt(60))
                    .append(',').append(plans[rnd.nextInt(3)])
                    .append(',').append(String.format(Locale.ROOT, "%.2f", 20 + rnd.nextDouble() * 200)).append('\n');
        }
        return Files.writeString(dir.resolve("fixture.csv"), sb.toString(), StandardCharsets.UTF_8);
    }

    private void assertClean(String what, String text) {
        assertThat(text).as(what).doesNotContainIgnoringCase("canary");
        for (String p : phones) {
            assertThat(text.contains(p)).as(what + " holds a real phone").isFalse();
        }
        for (String id : ids) {
            assertThat(text.contains(id)).as(what + " holds a real customer id").isFalse();
        }
    }

    private void assertClean(String what, CliRunner.Run run) {
        assertClean(what + " output", run.out() + run.err());
    }

    private void assertFolderClean(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("fixture.csv")) {
                    assertClean(f.getFileName().toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void noMarkerReachesAnythingWritten() throws IOException {
        Path data = fixture();
        Path profile = dir.resolve("fixture.yaml");
        CliRunner.Run inspect = doppel("inspect", data.toString(), "--write-profile", profile.toString());
        assertThat(inspect.code()).as(inspect.err()).isZero();
        assertClean("inspect", inspect);
        String text = Files.readString(profile);
        assertThat(text).contains("role: direct-identifier, action: fake, as: email");
        Files.writeString(profile, text.replace("dir: \"output/fixture\"",
                "dir: \"" + dir.resolve("runs").toString().replace("\\", "/") + "\""));

        CliRunner.Run fit = doppel("fit", data.toString(), "-o", dir.resolve("model.json").toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertClean("fit", fit);
        CliRunner.Run sample = doppel("sample", dir.resolve("model.json").toString(), "-n", "2000", "-o",
                dir.resolve("sample.csv").toString());
        assertThat(sample.code()).as(sample.err()).isZero();
        assertClean("sample", sample);

        CliRunner.Run run = doppel("run", profile.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertClean("run", run);
        Path folder;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            folder = runs.findFirst().orElseThrow();
        }
        assertThat(CliRunner.list(folder)).containsExactly("model.json", "privacy.json", "report.html", "report.json",
                "summary.txt", "synthetic.csv");
        CliRunner.Run evaluate = doppel("evaluate", data.toString(), folder.resolve("synthetic.csv").toString(),
                "--json", dir.resolve("evaluation.json").toString(), "--html", dir.resolve("evaluation.html").toString());
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        assertClean("evaluate", evaluate);

        CliRunner.Run mask = doppel("mask", data.toString(), "-o", dir.resolve("masked.csv").toString());
        assertThat(mask.code()).as(mask.err()).isZero();
        assertClean("mask", mask);
        CliRunner.Run maskParquet = doppel("mask", data.toString(), "-o", dir.resolve("masked-copy.parquet").toString());
        assertThat(maskParquet.code()).as(maskParquet.err()).isZero();

        // an error about a column full of markers names the column and line, never a value
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "input:\n  path: \"" + data.toString().replace("\\", "/") + "\"\ncolumns:\n"
                + "  email: {action: keep, kind: integer}\noutput:\n  dir: \"" + dir.resolve("bad-runs").toString()
                .replace("\\", "/") + "\"\n");
        CliRunner.Run failed = doppel("run", bad.toString());
        assertThat(failed.code()).isEqualTo(3);
        assertThat(failed.err()).contains("email");
        assertClean("failed run", failed);

        assertFolderClean(dir);
        String model = Files.readString(dir.resolve("model.json"));
        assertThat(model).contains("\"model\" : \"fake\"");
    }
}
