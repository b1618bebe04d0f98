package dev.doppel.pipeline;

import static dev.doppel.CliRunner.doppel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.io.ModelFile;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting learns a bounded random sample of a larger input, and says so; its margins match the whole input's. */
class BigInputFitTest {
    private static final int SAMPLE = 10_000;

    @TempDir
    Path dir;

    private SynthModel fit(Path data, String... more) {
        Path out = dir.resolve("m" + System.nanoTime() + ".json");
        String[] args = new String[3 + more.length + 2];
        args[0] = "fit";
        args[1] = data.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        args[2 + more.length] = "-o";
        args[3 + more.length] = out.toString();
        args[4 + more.length] = "-q";
        CliRunner.Run run = doppel(args);
        assertThat(run.code()).as(run.err()).isZero();
        return ModelFile.read(out);
    }

    /**
     * bank_marketing.csv has 45,211 rows; a sample of n = 10,000 is drawn without replacement, so a share p of the
     * sample has standard error sqrt(p (1 - p) / n * (1 - n / N)) around the whole input's share, and a mean
     * sd / sqrt(n) * sqrt(1 - n / N) around the whole input's mean. Four standard errors: a chance failure (the seed
     * is fixed) below 1 in 10,000 per check.
     */
    @Test
    void aSampledFitHasTheWholeInputsMargins() throws IOException {
        Path bank = TestData.require("bank_marketing.csv");
        SynthModel sampled = fit(bank, "--sample-rows", String.valueOf(SAMPLE));
        SynthModel whole = fit(bank);
        int total = 45_211;
        assertThat(sampled.source().rows()).isEqualTo(SAMPLE);
        assertThat(sampled.source().inputRows()).isEqualTo(total);
        assertThat(sampled.notes()).anyMatch(n -> n.startsWith(
                "fitted on a uniform random sample of 10,000 of the input's 45,211 rows (seed 42)"));
        assertThat(whole.source().rows()).isEqualTo(total);
        assertThat(whole.source().inputRows()).isNull();
        assertThat(ModelFile.toJson(whole)).doesNotContain("input_rows");
        assertThat(ModelFile.toJson(sampled)).contains("\"input_rows\" : 45211");

        double fpc = Math.sqrt(1 - (double) SAMPLE / total);
        RawTable real = TableReaders.read(bank, ReadOptions.DEFAULTS);
        for (String name : List.of("job", "marital", "education", "y", "month")) {
            Map<String, Double> shares = shares(real.column(real.indexOf(name)));
            CategoricalColumn column = (CategoricalColumn) sampled.column(name).orElseThrow();
            List<String> labels = column.marginal().labels();
            for (int i = 0; i < labels.size(); i++) {
                double p = shares.get(labels.get(i));
                assertThat(Math.abs(column.marginal().shares().get(i) - p)).as("%s = %s", name, labels.get(i))
                        .isLessThan(4 * Math.sqrt(p * (1 - p) / SAMPLE) * fpc);
            }
        }
        // numeric margins: the mean each model implies (its spike and its quantile curve) against the whole input's
        for (String name : List.of("age", "balance", "duration")) {
            double[] values = Arrays.stream(real.column(real.indexOf(name))).mapToDouble(Double::parseDouble).toArray();
            double mean = Arrays.stream(values).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
            double tolerance = 4 * sd / Math.sqrt(SAMPLE) * fpc;
            double wholeModel = impliedMean((NumericColumn) whole.column(name).orElseThrow());
            double sampledModel = impliedMean((NumericColumn) sampled.column(name).orElseThrow());
            // the quantile curve's own error is the same for both models; the sample adds the sampling error only
            assertThat(Math.abs(sampledModel - wholeModel)).as(name).isLessThan(tolerance);
        }
    }

    @Test
    void theSampleDependsOnTheSeedNotOnTheThreads() throws IOException {
        Path bank = TestData.require("bank_marketing.csv");
        String one = ModelFile.toJson(fit(bank, "--sample-rows", "5000", "--threads", "1", "--model", "tree"));
        String two = ModelFile.toJson(fit(bank, "--sample-rows", "5000", "--threads", "2", "--model", "tree"));
        String other = ModelFile.toJson(fit(bank, "--sample-rows", "5000", "--seed", "7", "--model", "tree"));
        assertThat(two).isEqualTo(one);
        assertThat(other).isNotEqualTo(one).contains("(seed 7)");
    }

    @Test
    void aFolderOfPartsFitsLikeTheFileTheyWereCutFrom() throws IOException {
        Path bank = TestData.require("bank_marketing.csv");
        List<String> lines = Files.readAllLines(bank);
        Path parts = Files.createDirectory(dir.resolve("bank_parts"));
        int per = 10_000;
        for (int first = 1, part = 0; first < lines.size(); first += per, part++) {
            List<String> chunk = new java.util.ArrayList<>();
            chunk.add(lines.get(0));
            chunk.addAll(lines.subList(first, Math.min(lines.size(), first + per)));
            Files.write(parts.resolve(String.format("part-%05d.csv", part)), chunk);
        }
        // a sampled fit of the parts draws the same rows as one of the file (the same rows in the same order, the same
        // reservoir), so the models are the same but for the source's name
        SynthModel fromFile = fit(bank, "--sample-rows", "3000");
        SynthModel fromParts = fit(parts, "--sample-rows", "3000");
        assertThat(fromParts.source().file()).isEqualTo("bank_parts");
        assertThat(fromParts.source().inputRows()).isEqualTo(45_211);
        assertThat(ModelFile.toJson(fromParts).replace("\"file\" : \"bank_parts\"", "\"file\" : \"bank_marketing.csv\""))
                .isEqualTo(ModelFile.toJson(fromFile));
    }

    @Test
    void anErrorInAPartNamesThatPartAndLine() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("parts"));
        StringBuilder a = new StringBuilder("id,amount\n");
        StringBuilder b = new StringBuilder("id,amount\n");
        for (int i = 0; i < 200; i++) {
            a.append(i).append(',').append(i * 3 % 17).append('\n');
            b.append(200 + i).append(',').append(i == 150 ? "SECRETVALUE" : String.valueOf(i % 13)).append('\n');
        }
        Files.writeString(parts.resolve("a.csv"), a);
        Files.writeString(parts.resolve("b.csv"), b);
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "columns:\n  amount: {kind: integer}\n");
        CliRunner.Run run = doppel("fit", parts.toString(), "--profile", profile.toString(), "-o",
                dir.resolve("m.json").toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: b.csv: line 152, column 'amount': expected a whole number")
                .doesNotContain("SECRETVALUE");
    }

    @Test
    void runReadsTheSameBoundedSampleForFittingAndEvaluation() throws IOException {
        Path bank = TestData.require("bank_marketing.csv");
        Path profile = dir.resolve("bank.yaml");
        Files.writeString(profile, "input:\n  path: " + bank.toString().replace("\\", "/") + "\n  sample_rows: 5000\n"
                + "output:\n  rows: 2000\n  dir: " + dir.resolve("out").toString().replace("\\", "/") + "\n");
        RunJob.Result result = RunJob.run(profile, new RunJob.Overrides(null, null, 2, false), "test", Progress.NONE);
        // 20% of the 5,000 sampled rows held out, the rest learnt
        assertThat(result.model().source().rows()).isEqualTo(4000);
        assertThat(result.model().source().inputRows()).isEqualTo(45_211);
        assertThat(result.report().about().real().rows()).isEqualTo(4000);
        assertThat(result.report().about().holdout().rows()).isEqualTo(1000);
        // without output.rows, a run writes as many rows as the whole input has
        RunJob.Result unbounded = RunJob.run(profile, new RunJob.Overrides(null, null, 2, false, null,
                dev.doppel.evaluate.Gate.none(), false, false, null, 3000), "test", Progress.NONE);
        assertThat(unbounded.model().source().rows()).isEqualTo(3000);
    }

    @Test
    void evaluateSamplesALargeRealTableToTheSameBound() throws IOException {
        Path bank = TestData.require("bank_marketing.csv");
        Path profile = dir.resolve("eval.yaml");
        Files.writeString(profile, "input:\n  sample_rows: 4000\n");
        CliRunner.Run run = doppel("evaluate", bank.toString(), bank.toString(), "--profile", profile.toString(),
                "--json", "-", "--threads", "2");
        assertThat(run.code()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertThat(report.at("/about/real/rows").asLong()).isEqualTo(4000);
        assertThat(report.at("/about/notes").toString()).contains(
                "bank_marketing.csv was evaluated on a uniform random sample of 4,000 of its 45,211 rows");
    }

    @Test
    void aBoundBelowOneIsRejected() throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "a,b\n1,x\n2,y\n");
        CliRunner.Run flag = doppel("fit", data.toString(), "--sample-rows", "0", "-o", dir.resolve("m.json").toString());
        assertThat(flag.code()).isEqualTo(dev.doppel.error.ExitCodes.USAGE);
        assertThat(flag.errLines()).containsExactly("error: --sample-rows must be at least 1");
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "input:\n  sample_rows: 0\n");
        CliRunner.Run key = doppel("fit", data.toString(), "--profile", profile.toString(), "-o",
                dir.resolve("m.json").toString());
        assertThat(key.code()).isEqualTo(3);
        assertThat(key.errLines()).containsExactly("error: " + profile + ": input.sample_rows must be at least 1");
        assertThat(Files.exists(dir.resolve("m.json"))).isFalse();
    }

    /** The mean of a numeric column's distribution as the model stores it (missing values left out). */
    private static double impliedMean(NumericColumn column) {
        double spikeShare = column.spike() == null ? 0 : column.spike().share();
        double spikeValue = column.spike() == null ? 0 : column.spike().value();
        double curve = 0;
        if (column.marginal() != null) {
            int steps = 100_000;
            for (int i = 0; i < steps; i++) {
                curve += column.marginal().quantile((i + 0.5) / steps);
            }
            curve /= steps;
        }
        return spikeShare * spikeValue + (1 - spikeShare) * curve;
    }

    private static Map<String, Double> shares(String[] cells) {
        Map<String, Double> shares = new HashMap<>();
        for (String c : cells) {
            shares.merge(c, 1.0 / cells.length, Double::sum);
        }
        return shares;
    }
}
