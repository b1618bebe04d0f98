package dev.doppel.pipeline;

import static dev.doppel.CliRunner.doppel;
import static dev.doppel.CliRunner.list;
import static dev.doppel.CliRunner.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner.Run;
import dev.doppel.error.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code output.where} and {@code output.rebalance} in a profile, through {@code doppel run} on the demo data. */
class RunAudienceTest {
    private static final String DEMO_DATA = "profiles/data/demo_customers.csv";

    @TempDir
    Path tmp;

    private Path profile(String output) throws IOException {
        return Files.writeString(tmp.resolve("profile.yaml"), """
                input:
                  path: %s
                output:
                %s
                """.formatted(DEMO_DATA, output.indent(2).stripTrailing()), StandardCharsets.UTF_8);
    }

    @Test
    void aProfilesWhereAndRebalanceShapeTheRunsRows() throws IOException {
        Path profile = profile("""
                where: "plan = 'Premium' and signup_date >= '01.01.2021' and age between 30 and 45"
                rebalance: churned=Yes:1,No:3
                """);
        Path out = tmp.resolve("out");
        Run run = doppel("run", profile.toString(), "-n", "2000", "--output-dir", out.toString(), "-q",
                "--no-evaluation");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<List<String>> rows = readCsv(out.resolve(list(out).get(0)).resolve("synthetic.csv"), ",");
        List<String> header = rows.get(0);
        int plan = header.indexOf("plan");
        int signup = header.indexOf("signup_date");
        int age = header.indexOf("age");
        int churned = header.indexOf("churned");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(2000);
        assertThat(data).allSatisfy(r -> {
            assertThat(r.get(plan)).isEqualTo("Premium");
            String d = r.get(signup); // dd.MM.yyyy
            assertThat(d.substring(6) + d.substring(3, 5) + d.substring(0, 2)).isGreaterThanOrEqualTo("20210101");
            assertThat(Integer.parseInt(r.get(age))).isBetween(30, 45);
        });
        assertThat(data.stream().filter(r -> r.get(churned).equals("Yes")).count()).isEqualTo(500);
    }

    @Test
    void aMalformedWhereFailsBeforeFittingAndAnUnknownColumnAfterItBothWritingNothing() throws IOException {
        Path out = tmp.resolve("out");
        Run syntax = doppel("run", profile("where: \"age >\"").toString(), "--output-dir", out.toString(), "-q");
        assertThat(syntax.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(syntax.errLines()).singleElement().asString()
                .startsWith("error: ").contains("profile.yaml: output.where: expected a value");
        Run column = doppel("run", profile("rebalance: plann").toString(), "--output-dir", out.toString(), "-q");
        assertThat(column.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(column.errLines()).singleElement().asString()
                .endsWith("profile.yaml: output.rebalance: no column 'plann' in the model");
        assertThat(Files.exists(out) ? list(out) : List.of()).isEmpty();
    }
}
