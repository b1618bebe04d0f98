package dev.doppel.constraint;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.CliRunner.Run;
import dev.doppel.error.ExitCodes;
import dev.doppel.error.InputException;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.model.SynthModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files with and without constraints, the evaluation's violation counts, and the CLI's errors. */
class ConstraintModelAndReportTest {
    private static final Path DEMO = Path.of("profiles/data/demo_customers.csv");
    private static final String RULES = """
              - {type: order, columns: [signup_date, last_login]}
              - {type: formula, column: total_spend, expression: "monthly_fee * tenure_months"}
              - {type: allowed, columns: [plan, contract]}
            """;

    @TempDir
    Path dir;

    @Test
    void aModelWrittenBeforeConstraintsExistedStillReadsAndSamplesTheSame() throws Exception {
        SynthModel model = ConstraintGenerationTest.fit(DEMO, Files.readString(Path.of("profiles/demo.yaml")));
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(ModelFile.toJson(model));
        assertThat(tree.has("constraints")).isTrue();
        tree.remove("constraints"); // as version 1 files were written before this change
        SynthModel old = ModelFile.fromJson(tree.toString(), "old.json");
        assertThat(old.constraints()).isEmpty();
        Path a = ConstraintGenerationTest.sample(model, dir.resolve("a.csv"), 20_000, 2, OutputFormat.CSV);
        Path b = ConstraintGenerationTest.sample(old, dir.resolve("b.csv"), 20_000, 2, OutputFormat.CSV);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }

    @Test
    void aModelWithConstraintsRoundTripsThroughItsFileAndHoldsNoValue() throws Exception {
        SynthModel model = ConstraintGenerationTest.fit(DEMO, ConstraintGenerationTest.demoProfile(RULES));
        String json = ModelFile.toJson(model);
        SynthModel read = ModelFile.fromJson(json, "m.json");
        assertThat(read.constraints()).isEqualTo(model.constraints());
        assertThat(ModelFile.toJson(read)).isEqualTo(json);
        assertThat(json).contains("\"model\" : \"derived\"");
        // no real value: the joint labels are label pairs seen >= k times, never a date, fee or total of a row
        String firstRow = Files.readAllLines(DEMO).get(1);
        for (String cell : firstRow.split(",")) {
            if (cell.matches(".*\\d.*")) {
                assertThat(json).as("a value of the first row").doesNotContain("\"" + cell + "\"");
            }
        }
        Path a = ConstraintGenerationTest.sample(model, dir.resolve("a.csv"), 20_000, 2, OutputFormat.CSV);
        Path b = ConstraintGenerationTest.sample(read, dir.resolve("b.csv"), 20_000, 2, OutputFormat.CSV);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }

    @Test
    void aConstraintNamingAColumnTheModelLacksIsACorruptModel() throws Exception {
        SynthModel model = ConstraintGenerationTest.fit(DEMO, ConstraintGenerationTest.demoProfile(RULES));
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(ModelFile.toJson(model));
        ((ArrayNode) tree.get("constraints").get(1).get("inputs")).set(0, "nope");
        ((ObjectNode) tree.get("constraints").get(1)).put("expression", "nope * tenure_months");
        assertThatThrownBy(() -> ModelFile.fromJson(tree.toString(), "m.json"))
                .isInstanceOf(InputException.class)
                .hasMessage("m.json: corrupt model (its constraints do not fit its columns)");
    }

    @Test
    void evaluateCountsViolationsInJsonAndHtmlAndGatesOnThem() throws Exception {
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, ConstraintGenerationTest.demoProfile(RULES));
        Path model = dir.resolve("m.json");
        assertThat(doppel("fit", DEMO.toString(), "--profile", profile.toString(), "-o", model.toString(), "-q").code())
                .isZero();
        Path synth = dir.resolve("s.csv");
        assertThat(doppel("sample", model.toString(), "-n", "20000", "-o", synth.toString(), "-q").code()).isZero();

        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        Run ok = doppel("evaluate", DEMO.toString(), synth.toString(), "--profile", profile.toString(),
                "--json", json.toString(), "--html", html.toString(), "--max", "constraint-violations=0",
                "--privacy-rows", "500");
        assertThat(ok.code()).as(ok.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(json.toFile()).get("constraints");
        assertThat(c.get("violations").asDouble()).isZero();
        assertThat(c.get("checks")).hasSize(3);
        assertThat(c.get("checks").get(0).get("rule").asText()).isEqualTo("signup_date <= last_login");
        assertThat(c.get("checks").get(0).get("synthetic_rows").asLong()).isGreaterThan(19_000);
        // the real data breaks the declared formula in most rows (the fees changed over time): shown for reference
        assertThat(c.get("checks").get(1).get("real_violations").asLong()).isGreaterThan(2000);
        assertThat(c.get("checks").get(1).get("synthetic_violations").asLong()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("id=\"constraints\"").contains("total_spend = monthly_fee * tenure_months");

        // the real file as "synthetic": it breaks the formula, so the gate fails with its exit code
        Run fail = doppel("evaluate", DEMO.toString(), DEMO.toString(), "--profile", profile.toString(),
                "--json", dir.resolve("f.json").toString(), "--max", "constraint-violations=0",
                "--privacy-rows", "500");
        assertThat(fail.code()).isEqualTo(ExitCodes.GATE);
        assertThat(fail.out() + fail.err()).contains("constraints.violations is");
    }

    @Test
    void aBadConstraintIsAOneLineInputErrorAndWritesNoModel() throws Exception {
        Path profile = dir.resolve("bad.yaml");
        Files.writeString(profile, ConstraintGenerationTest.demoProfile(
                "  - {type: order, columns: [signup_date, last_login]}\n  - {type: sum, parts: [age, region], total: total_spend}\n"));
        Path model = dir.resolve("m.json");
        Run run = doppel("fit", DEMO.toString(), "--profile", profile.toString(), "-o", model.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("bad.yaml, line ")
                .endsWith(": constraint 2 (sum): column 'region' is categorical; sums and formulas take integer or"
                        + " decimal columns");
        assertThat(model).doesNotExist();
    }
}
