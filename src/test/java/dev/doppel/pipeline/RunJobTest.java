package dev.doppel.pipeline;

import dev.doppel.CliRunner;
import static dev.doppel.CliRunner.doppel;
import static dev.doppel.CliRunner.list;
import static dev.doppel.CliRunner.readCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.TestData;
import dev.doppel.demo.DemoCustomers;
import dev.doppel.error.ExitCodes;
import dev.doppel.CliRunner.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code doppel run} end to end, in-process, on the shipped profiles and on broken ones. */
class RunJobTest {
    private static final String DEMO = "profiles/demo.yaml";
    private static final String DEMO_DATA = "profiles/data/demo_customers.csv";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @TempDir
    Path tmp;

    /** Every shipped profile, the shared dataset it reads (null: the demo data) and that file's separator. */
    static Stream<Arguments> shippedProfiles() {
        return Stream.of(
                Arguments.of("demo.yaml", null, ","),
                Arguments.of("telco.yaml", "telco_churn.csv", ","),
                Arguments.of("bank.yaml", "bank_marketing.csv", ";"),
                Arguments.of("marketing.yaml", "marketing_campaign.tsv", "\t"),
                Arguments.of("adult.yaml", "adult.csv", ", "),
                Arguments.of("mall.yaml", "mall_customers.csv", ","),
                Arguments.of("customers_pii.yaml", "customers_pii_10000.csv", ","),
                Arguments.of("people_pii.yaml", "people_pii_1000.csv", ","));
    }

    @Test
    void everyProfileInTheProfilesFolderIsRunByTheseTests() throws IOException {
        List<String> shipped = list(Path.of("profiles")).stream().filter(n -> n.endsWith(".yaml")).toList();
        List<String> tested = shippedProfiles().map(a -> (String) a.get()[0]).sorted().toList();
        assertThat(shipped).isEqualTo(tested);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedProfiles")
    void shippedProfileRunsIntoATimestampedFolderWithDataModelAndSummary(String profile, String dataset, String sep)
            throws IOException {
        Path input = dataset == null ? Path.of(DEMO_DATA) : TestData.require(dataset);
        Path out = tmp.resolve("runs");

        Run run = doppel("run", "profiles/" + profile, "-n", "2000", "--output-dir", out.toString(), "-q");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> entries = list(out);
        assertThat(entries).as("one run folder and nothing hidden beside it").hasSize(1);
        String name = entries.get(0);
        assertThat(name).matches("\\d{8}-\\d{6}");
        assertThat(LocalDateTime.parse(name, STAMP)).isNotNull();
        Path folder = out.resolve(name);
        assertThat(list(folder)).containsExactly("model.json", "privacy.json", "report.html", "report.json", "summary.txt",
                "synthetic.csv");
        reportHoldsNoDirectIdentifierAndOpensInChromium(folder, input);

        List<List<String>> rows = readCsv(folder.resolve("synthetic.csv"), sep);
        List<String> inputHeader = readCsv(input, sep).get(0).stream().map(String::strip).toList();
        assertThat(rows.get(0).stream().map(String::strip).toList()).isEqualTo(inputHeader);
        assertThat(rows).hasSize(1 + 2000);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(inputHeader.size()));

        JsonNode model = new ObjectMapper().readTree(folder.resolve("model.json").toFile());
        assertThat(model.isObject()).isTrue();
        assertThat(Files.readString(folder.resolve("summary.txt"))).startsWith("Fidelity: 2,000 synthetic rows");
        String kind = model.hasNonNull("trees") ? "tree" : "copula";
        String note = new ObjectMapper().readTree(folder.resolve("report.json").toFile()).at("/about/notes/0").asText();
        assertThat(note).as("the report says which model drew the rows").startsWith("Model: " + kind);
        if (Files.readString(Path.of("profiles", profile)).contains("type: auto")) {
            assertThat(note).contains("model auto: " + kind, "copula quality", "tree quality");
        }
    }

    @Test
    void demoDataTheProfileReadsIsTheGeneratedTable() throws IOException {
        List<List<String>> rows = readCsv(Path.of(DEMO_DATA), ",");
        assertThat(rows.get(0)).isEqualTo(DemoCustomers.HEADER);
        assertThat(rows).hasSize(1 + DemoCustomers.ROWS);
    }

    @Test
    void twoRunsMakeTwoFoldersAndTheSameSeedGivesTheSameBytes() throws IOException {
        Path out = tmp.resolve("runs");
        // Different thread counts on purpose: the bytes must not depend on how the work was split.
        Run first = doppel("run", DEMO, "-n", "20000", "--seed", "7", "--threads", "1", "--output-dir", out.toString(), "-q");
        Run second = doppel("run", DEMO, "-n", "20000", "--seed", "7", "--threads", "3", "--output-dir", out.toString(), "-q");

        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.OK);
        List<String> folders = list(out);
        assertThat(folders).hasSize(2).allMatch(n -> n.matches("\\d{8}-\\d{6}(-\\d+)?"));
        byte[] a = Files.readAllBytes(out.resolve(folders.get(0)).resolve("synthetic.csv"));
        byte[] b = Files.readAllBytes(out.resolve(folders.get(1)).resolve("synthetic.csv"));
        assertThat(a.length).isGreaterThan(20000 * 50);
        assertThat(Arrays.mismatch(a, b)).as("first differing byte").isEqualTo(-1);
    }

    @Test
    void anotherSeedGivesOtherRows() throws IOException {
        Run first = doppel("run", DEMO, "-n", "1000", "--seed", "7", "--output-dir", tmp.resolve("a").toString(), "-q");
        Run second = doppel("run", DEMO, "-n", "1000", "--seed", "8", "--output-dir", tmp.resolve("b").toString(), "-q");

        assertThat(List.of(first.code(), second.code())).containsOnly(ExitCodes.OK);
        List<List<String>> a = readCsv(tmp.resolve("a").resolve(list(tmp.resolve("a")).get(0)).resolve("synthetic.csv"), ",");
        List<List<String>> b = readCsv(tmp.resolve("b").resolve(list(tmp.resolve("b")).get(0)).resolve("synthetic.csv"), ",");
        assertThat(a.get(0)).isEqualTo(b.get(0));
        assertThat(a.subList(1, a.size())).isNotEqualTo(b.subList(1, b.size()));
    }

    @Test
    void runFolderGetsTheSamePermissionsAsAnyNewFolder() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path out = tmp.resolve("runs");
        Run run = doppel("run", DEMO, "-n", "10", "--output-dir", out.toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path reference = Files.createDirectory(tmp.resolve("reference"));

        // Not owner-only like a temp directory: a scheduler's other users must be able to read the results.
        assertThat(Files.getPosixFilePermissions(out.resolve(list(out).get(0))))
                .isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void outputDirThatIsAFileFailsWithExitCodeFour() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");

        Run run = doppel("run", DEMO, "-n", "10", "--output-dir", file.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("not-a-folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void outputDirWinsOverTheProfilesDirAndPath() throws IOException {
        Path fromProfile = tmp.resolve("profile-dir");
        Path file = tmp.resolve("exact.csv");
        Path profile = profile("""
                version: 1
                input:
                  path: %s
                output:
                  dir: %s
                  path: %s
                """.formatted(DEMO_DATA, yaml(fromProfile), yaml(file)));
        Path out = tmp.resolve("cli-dir");

        Run run = doppel("run", profile.toString(), "-n", "100", "--output-dir", out.toString(), "-q");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(list(out)).hasSize(1);
        assertThat(fromProfile).doesNotExist();
        assertThat(file).doesNotExist();
    }

    @Test
    void runWithoutOutputDirUsesTheProfilesDir() {
        Path dir = tmp.resolve("from-profile");
        Path profile = profile("""
                input:
                  path: %s
                output:
                  dir: %s
                """.formatted(DEMO_DATA, yaml(dir)));

        Run run = doppel("run", profile.toString(), "-n", "10", "-q");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(list(dir)).singleElement().asString().matches("\\d{8}-\\d{6}");
    }

    @Test
    void misspeltKeyInsideAColumnFailsWithItsNameAndLine() {
        Path profile = profile("""
                version: 1
                input:
                  path: %s
                columns:
                  age: {kind: integer}
                  plan: {kindd: categorical}
                """.formatted(DEMO_DATA));

        Run run = doppel("run", profile.toString(), "--output-dir", tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: ")
                .contains(profile + ", line 6: unknown key 'kindd'")
                .contains("allowed here: ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void misspeltTopLevelKeyFailsWithItsNameAndLine() {
        Path profile = profile("""
                version: 1
                input:
                  path: %s
                ouput:
                  rows: 10
                """.formatted(DEMO_DATA));

        Run run = doppel("run", profile.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .contains(profile + ", line 4: unknown key 'ouput'")
                .contains("output");
    }

    @Test
    void columnThatIsNotInTheDataFailsWithItsNameAndLine() {
        Path profile = profile("""
                input:
                  path: %s
                columns:
                  age: {kind: integer}

                  tenure: {kind: integer}
                """.formatted(DEMO_DATA));

        Run run = doppel("run", profile.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .contains(profile + ", line 6: column 'tenure' is not in the data");
    }

    @Test
    void unknownKindFailsNamingTheColumnAndTheKinds() {
        Path profile = profile("""
                input:
                  path: %s
                columns:
                  age: {kind: number}
                """.formatted(DEMO_DATA));

        Run run = doppel("run", profile.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .contains("line 4: column 'age': unknown kind 'number'")
                .contains("integer, decimal");
    }

    @Test
    void dataThatDoesNotFitTheProfilesKindFailsWithoutQuotingAnyValue() throws IOException {
        Path profile = profile("""
                input:
                  path: %s
                columns:
                  region: {kind: integer}
                """.formatted(DEMO_DATA));

        Run run = doppel("run", profile.toString(), "--output-dir", tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("column 'region'").contains("line ");
        List<String> regions = readCsv(Path.of(DEMO_DATA), ",").stream().skip(1).map(r -> r.get(4)).distinct().toList();
        assertThat(regions).hasSizeGreaterThan(5).noneMatch(r -> run.err().contains(r));
    }

    @Test
    void existingOutputPathIsKeptWithoutForce() throws IOException {
        Path file = tmp.resolve("synthetic.csv");
        Files.writeString(file, "keep me\n");
        Path profile = profile("""
                input:
                  path: %s
                output:
                  path: %s
                """.formatted(DEMO_DATA, yaml(file)));

        Run run = doppel("run", profile.toString(), "-n", "50");

        assertThat(run.code()).isEqualTo(ExitCodes.OUTPUT);
        assertThat(run.errLines()).singleElement().asString().contains("already exists").contains("--force");
        assertThat(Files.readString(file)).isEqualTo("keep me\n");
        assertThat(list(tmp)).containsExactlyInAnyOrder("profile.yaml", "synthetic.csv");
    }

    @Test
    void existingOutputPathIsReplacedWithForce() throws IOException {
        Path file = tmp.resolve("synthetic.csv");
        Files.writeString(file, "keep me\n");
        Path profile = profile("""
                input:
                  path: %s
                output:
                  path: %s
                """.formatted(DEMO_DATA, yaml(file)));

        Run run = doppel("run", profile.toString(), "-n", "50", "--force", "-q");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<List<String>> rows = readCsv(file, ",");
        assertThat(rows.get(0)).isEqualTo(DemoCustomers.HEADER);
        assertThat(rows).hasSize(51);
        assertThat(list(tmp)).containsExactlyInAnyOrder("profile.yaml", "synthetic.csv", "synthetic.privacy.json",
                "synthetic.report.html", "synthetic.report.json");
    }

    @Test
    void profileWrittenByInspectRunsAsIs() {
        Path profile = tmp.resolve("inspected.yaml");
        Run inspect = doppel("inspect", DEMO_DATA, "--write-profile", profile.toString(), "-q");
        assertThat(inspect.code()).as(inspect.err()).isEqualTo(ExitCodes.OK);

        Run run = doppel("run", profile.toString(), "-n", "100", "--output-dir", tmp.resolve("out").toString(), "-q");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(list(tmp.resolve("out"))).hasSize(1);
    }

    @Test
    void negativeRowsIsAUsageError() {
        Run run = doppel("run", DEMO, "-n", "-1", "--output-dir", tmp.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(list(tmp)).isEmpty();
    }

    @Test
    void aFailedQualityGateStillWritesTheRunAndExitsFive() throws IOException {
        Path profile = profile("""
                input:
                  path: %s
                evaluate:
                  fail_under: {quality: 1.01}
                """.formatted(DEMO_DATA));
        Path out = tmp.resolve("out");

        Run run = doppel("run", profile.toString(), "-n", "300", "--output-dir", out.toString(), "-q");

        assertThat(run.code()).isEqualTo(ExitCodes.GATE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("doppel: gate failed: quality.overall is").endsWith("under the minimum 1.01");
        Path folder = out.resolve(list(out).get(0));
        com.fasterxml.jackson.databind.JsonNode report =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertThat(report.at("/gate/passed").asBoolean()).isFalse();
        assertThat(report.at("/about/holdout/rows").asInt()).isEqualTo(Math.round(0.2f * report.at("/about/real/rows")
                .asInt() / 0.8f));
        assertThat(report.at("/about/synthetic/rows").asInt()).isEqualTo(300);
    }

    @Test
    void aFailedPrivacyGateBeforeWriteWritesNothing() {
        Path profile = profile("""
                input:
                  path: %s
                """.formatted(DEMO_DATA));
        Path out = tmp.resolve("out");

        Run run = doppel("run", profile.toString(), "-n", "300", "--output-dir", out.toString(), "-q",
                "--gate-before-write", "--max", "dcr-share=0");

        assertThat(run.code()).isEqualTo(ExitCodes.GATE);
        assertThat(run.err()).contains("privacy.dcr_share").contains("nothing was written");
        assertThat(list(out)).isEmpty();
    }

    @Test
    void noEvaluationSkipsTheReports() {
        Path profile = profile("""
                input:
                  path: %s
                """.formatted(DEMO_DATA));
        Path out = tmp.resolve("out");

        Run run = doppel("run", profile.toString(), "-n", "100", "--output-dir", out.toString(), "-q",
                "--no-evaluation");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(list(out.resolve(list(out).get(0)))).doesNotContain("report.json", "report.html");
        assertThat(doppel("run", profile.toString(), "--no-evaluation", "--fail-under", "quality=0.5").code())
                .isEqualTo(ExitCodes.USAGE);
    }

    /**
     * The run's reports hold no value of a column the manifest calls a direct identifier (values of 4+ characters and
     * whole numbers of 6+ digits, since shorter ones occur in any page as counts or SVG coordinates) as a text node,
     * attribute, word or JSON string, and report.html opens in Chromium without a console message.
     */
    private void reportHoldsNoDirectIdentifierAndOpensInChromium(Path folder, Path input) throws IOException {
        com.fasterxml.jackson.databind.JsonNode manifest =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("privacy.json").toFile());
        String html = Files.readString(folder.resolve("report.html"));
        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("report.json").toFile());
        dev.doppel.table.RawTable real = dev.doppel.io.TableReaders.read(input, dev.doppel.io.ReadOptions.DEFAULTS);
        java.util.Set<String> secrets = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode column : manifest.get("columns")) {
            if (column.get("role").asText().equals("direct-identifier")) {
                for (String value : real.column(real.indexOf(column.get("name").asText()))) {
                    if (value != null && value.length() >= 4 && !value.matches("\\d{1,5}")) {
                        secrets.add(value);
                    }
                }
            }
        }
        // every text node and attribute value of the page, and every string of the JSON; texts the report's
        // own template uses ("Good", "Real", ...) are no evidence of a leak, so they are taken out first
        java.util.Set<String> shown = pieces(html);
        shown.removeAll(pieces(dev.doppel.evaluate.html.HtmlReport.render(
                dev.doppel.evaluate.html.ReportFixtures.small())));
        java.util.Deque<com.fasterxml.jackson.databind.JsonNode> todo = new java.util.ArrayDeque<>(List.of(json));
        while (!todo.isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode node = todo.pop();
            node.fieldNames().forEachRemaining(shown::add);
            node.elements().forEachRemaining(todo::push);
            if (node.isTextual()) {
                shown.add(node.asText());
            }
        }
        shown.retainAll(secrets);
        assertThat(shown).as("direct-identifier values in the reports").isEmpty();
        if (dev.doppel.evaluate.html.Chromium.available()) {
            Path work = Files.createDirectories(tmp.resolve("chromium"));
            dev.doppel.evaluate.html.Chromium.Run run;
            try {
                run = dev.doppel.evaluate.html.Chromium.screenshot(folder.resolve("report.html"),
                        work.resolve("report.png"), 1280, 3000, work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            assertThat(run.exitCode()).as("chromium exit code; log:%n%s", run.log()).isZero();
            assertThat(run.consoleLines()).as("console messages").isEmpty();
            assertThat(work.resolve("report.png")).isNotEmptyFile();
        }
    }

    /** Text nodes and attribute values, entities decoded (whole: a label is drawn as one text node). */
    private static java.util.Set<String> pieces(String html) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String piece : html.split("[<>\"]")) {
            String text = piece.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&").strip();
            out.add(text);
        }
        return out;
    }

    private Path profile(String text) {
        Path file = tmp.resolve("profile.yaml");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** A path as a YAML double-quoted scalar (Windows back-slashes escaped). */
    private static String yaml(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
