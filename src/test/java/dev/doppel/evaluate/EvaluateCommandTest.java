package dev.doppel.evaluate;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.error.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doppel evaluate} end to end, on files. */
class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    private Path table(String name, int rows, int shift) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("id,age,plan,spend");
        for (int i = 0; i < rows; i++) {
            lines.add("C" + (1000 + i) + "," + (20 + (i * 7 + shift) % 50) + "," + (i % 3 == 0 ? "basic" : "plus")
                    + "," + (10 + (i * 13 + shift) % 90) + ".5");
        }
        return csv(name, lines.toArray(String[]::new));
    }

    @Test
    void identicalTablesScoreOneWithTheStableKeys() throws Exception {
        Path real = table("real.csv", 300, 0);
        CliRunner.Run run = doppel("evaluate", real.toString(), real.toString(), "--json", "-");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/quality/overall").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/quality/column_shapes").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/quality/column_pair_trends").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/quality/columns/age/metric").asText()).isEqualTo("KSComplement");
        assertThat(report.at("/quality/columns/plan/metric").asText()).isEqualTo("TVComplement");
        // the id column is an identifier: never evaluated, never in the report
        assertThat(report.at("/quality/columns/id").isMissingNode()).isTrue();
        assertThat(run.out()).doesNotContain("C1000");
    }

    @Test
    void aFailedGateExitsFiveNamingTheThresholdAfterWritingTheReport() throws Exception {
        Path real = table("real.csv", 300, 0);
        Path synth = table("synth.csv", 300, 17);
        Path json = dir.resolve("report.json");
        CliRunner.Run run = doppel("evaluate", real.toString(), synth.toString(), "--json", json.toString(),
                "--fail-under", "quality=0.999");
        assertThat(run.code()).isEqualTo(ExitCodes.GATE);
        assertThat(run.errLines()).anySatisfy(l -> assertThat(l).startsWith("doppel: gate failed: quality.overall is"));
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.at("/gate/passed").asBoolean()).isFalse();
        assertThat(report.at("/gate/checks/0/metric").asText()).isEqualTo("quality.overall");
    }

    @Test
    void existingReportsAreKeptWithoutForce() throws Exception {
        Path real = table("real.csv", 100, 0);
        Path json = csv("report.json", "{}");
        CliRunner.Run run = doppel("evaluate", real.toString(), real.toString(), "--json", json.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(Files.readString(json)).isEqualTo("{}\n");
        assertThat(doppel("evaluate", real.toString(), real.toString(), "--json", json.toString(), "--force").code())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void badInputIsOneLineWithoutAValue() throws Exception {
        Path real = table("real.csv", 100, 0);
        Path other = csv("other.csv", "age,plan", "30,basic", "40,plus");
        CliRunner.Run missing = doppel("evaluate", real.toString(), other.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("other.csv").contains("no column 'spend'");
        assertThat(doppel("evaluate", real.toString(), dir.resolve("nope.csv").toString()).code())
                .isEqualTo(ExitCodes.INPUT);
        assertThat(doppel("evaluate", real.toString(), real.toString(), "--max", "nonsense=1").code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(doppel("evaluate", real.toString(), real.toString(), "--target", "id").code())
                .isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void sharedDatasetHalvesScoreLikeAFreshSample() throws Exception {
        Path telco = TestData.require("telco_churn.csv");
        List<String> lines = Files.readAllLines(telco);
        int half = lines.size() / 2;
        List<String> a = new ArrayList<>(lines.subList(0, half));
        List<String> b = new ArrayList<>();
        b.add(lines.get(0));
        b.addAll(lines.subList(half, lines.size()));
        Path pa = dir.resolve("a.csv");
        Path pb = dir.resolve("b.csv");
        Files.write(pa, a);
        Files.write(pb, b);
        CliRunner.Run run = doppel("evaluate", pa.toString(), pb.toString(), "--json", "-");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.out());
        // two halves of one table are what "as faithful as a fresh sample" means: SDMetrics gives 0.96-0.99
        assertThat(report.at("/quality/overall").asDouble()).isBetween(0.95, 1.0);
        assertThat(report.at("/about/skipped_columns/0").asText()).isEqualTo("customerID");
    }

    /** Rows of one known population: age ~ N(45, 12), income = 1000 + 40·age + N(0, 500), plan and region labels. */
    private Path population(String name, int rows, long seed) throws Exception {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add("age,income,plan,region");
        String[] plans = {"basic", "plus", "pro", "family"};
        String[] regions = {"north", "south", "east", "west", "centre", "islands"};
        for (int i = 0; i < rows; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            double e = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            int age = (int) Math.round(45 + 12 * z);
            lines.add(age + "," + String.format(java.util.Locale.ROOT, "%.2f", 1000 + 40 * age + 500 * e) + ","
                    + plans[r.nextInt(plans.length)] + "," + regions[r.nextInt(regions.length)]);
        }
        return csv(name, lines.toArray(String[]::new));
    }

    @Test
    void aCopyOfTheTrainingRowsFailsThePrivacyGate() throws Exception {
        Path train = population("train.csv", 2000, 1);
        Path holdout = population("holdout.csv", 2000, 2);
        CliRunner.Run run = doppel("evaluate", train.toString(), train.toString(), "--holdout", holdout.toString(),
                "--json", dir.resolve("copy.json").toString(), "--max", "dcr-share=0.55,attack-risk=0.05");
        assertThat(run.code()).isEqualTo(ExitCodes.GATE);
        assertThat(run.err()).contains("privacy.dcr_share").contains("privacy.attack_risk");
        JsonNode p = JSON.readTree(dir.resolve("copy.json").toFile()).get("privacy");
        assertThat(p.get("exact_copy_rate").asDouble()).isEqualTo(1.0);
        assertThat(p.get("dcr_share").asDouble()).isGreaterThan(0.95);
        assertThat(p.at("/singling_out/risk_low").asDouble()).as("singling out succeeds").isGreaterThan(0);
        assertThat(p.at("/dcr/synthetic/median").asDouble()).isEqualTo(0.0);
    }

    @Test
    void aFreshSampleOfThePopulationScoresAsPrivate() throws Exception {
        Path train = population("train.csv", 2000, 1);
        Path holdout = population("holdout.csv", 2000, 2);
        Path fresh = population("fresh.csv", 2000, 3);
        CliRunner.Run run = doppel("evaluate", train.toString(), fresh.toString(), "--holdout", holdout.toString(),
                "--target", "plan", "--json", "-", "--max", "dcr-share=0.55", "--fail-under", "quality=0.9");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.out());
        JsonNode p = report.get("privacy");
        // 2,000 sampled rows: the share's standard error is at most 0.5/sqrt(2000) = 0.011; allow 4 of them
        assertThat(p.get("dcr_share").asDouble()).isBetween(0.5 - 0.045, 0.5 + 0.045);
        assertThat(p.get("exact_copy_rate").asDouble()).isLessThan(0.01);
        // no evidence of a leak: no attack's 95% interval lies above 0 (one-sided, 2.5% false alarms per attack)
        for (String attack : List.of("/singling_out", "/linkability", "/inference/0")) {
            assertThat(p.at(attack + "/risk_low").asDouble()).as(attack).isLessThanOrEqualTo(0.0);
        }
        assertThat(report.at("/quality/ml_efficacy/target").asText()).isEqualTo("plan");
        assertThat(report.at("/gate/passed").asBoolean()).isTrue();
    }

    @Test
    void aParquetCopyOfACsvTableScoresOne() throws Exception {
        // Parquet holds booleans as true/false and dates in ISO form; the CSV spells them Yes/No and dd.MM.yyyy
        List<String> lines = new ArrayList<>();
        lines.add("signup,active,spend,plan");
        for (int i = 0; i < 400; i++) {
            lines.add(String.format(java.util.Locale.ROOT, "%02d.%02d.20%02d,%s,%d.25,%s", 1 + i % 28, 1 + i % 12,
                    10 + i % 9, i % 3 == 0 ? "Yes" : "No", 10 + i % 70, i % 4 == 0 ? "basic" : "plus"));
        }
        Path real = csv("real.csv", lines.toArray(String[]::new));
        Path model = dir.resolve("model.json");
        assertThat(doppel("fit", real.toString(), "-o", model.toString()).code()).isZero();
        Path asCsv = dir.resolve("s.csv");
        Path asParquet = dir.resolve("s.parquet");
        assertThat(doppel("sample", model.toString(), "-n", "500", "-o", asCsv.toString(), "-q").code()).isZero();
        assertThat(doppel("sample", model.toString(), "-n", "500", "-o", asParquet.toString(), "-q").code()).isZero();

        CliRunner.Run run = doppel("evaluate", asCsv.toString(), asParquet.toString(), "--json", "-");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/quality/columns/signup/metric").asText()).isEqualTo("KSComplement");
        assertThat(report.at("/quality/columns/active/metric").asText()).isEqualTo("TVComplement");
        assertThat(report.at("/quality/overall").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/quality/missing_values").asDouble()).isEqualTo(1.0);
    }
}
