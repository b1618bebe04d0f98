package dev.doppel.mask;

import static dev.doppel.CliRunner.doppel;
import static dev.doppel.CliRunner.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.privacy.ValueChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masking inside synthesis: direct identifiers are never learned, quasi-identifiers are coarsened before fitting. */
class RunMaskingTest {
    @TempDir
    Path dir;

    private Path runFolder(String profile, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", profile, "--output-dir", dir.resolve("runs").toString(), "-q"));
        args.addAll(List.of(extra));
        CliRunner.Run run = doppel(args.toArray(new String[0]));
        assertThat(run.code()).as(run.err()).isZero();
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.findFirst().orElseThrow();
        }
    }

    private static List<String> column(List<List<String>> rows, String name) {
        int c = rows.get(0).indexOf(name);
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.add(r.get(c));
        }
        return out;
    }

    @Test
    void defaultRunNeverLearnsOrCopiesADirectIdentifier() throws IOException {
        Path input = TestData.require("customers_pii_10000.csv");
        // a profile with nothing but the input: detection's defaults decide
        Path profile = Files.writeString(dir.resolve("plain.yaml"),
                "input:\n  path: \"" + input.toString().replace("\\", "/") + "\"\n");
        Path folder = runFolder(profile.toString(), "-n", "10000");
        List<List<String>> real = readCsv(input, ",");
        List<List<String>> synthetic = readCsv(folder.resolve("synthetic.csv"), ",");
        for (String name : List.of("Index", "Customer Id", "First Name", "Last Name", "Company", "Phone 1", "Phone 2",
                "Email", "Website")) {
            Set<String> made = new HashSet<>(column(synthetic, name));
            for (String v : column(real, name)) {
                if (made.contains(v)) {
                    throw new AssertionError("a real value of column '" + name + "' in the synthetic output");
                }
            }
        }
        assertThat(column(synthetic, "Email")).allMatch(v -> v.isEmpty() || ValueChecks.isEmail(v));
        String model = Files.readString(folder.resolve("model.json"));
        assertThat(model).contains("\"model\" : \"fake\"");
        Set<String> learned = new HashSet<>(column(real, "Country")); // "Jordan" is a country as well as a name
        for (String v : column(real, "Last Name")) {
            if (!learned.contains(v)) {
                assertThat(model.contains("\"" + v + "\"")).as("a real last name in the model").isFalse();
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("privacy.json").toFile());
        assertThat(manifest.get("command").asText()).isEqualTo("run");
        assertThat(manifest.get("columns").get(3).get("action").asText()).isEqualTo("fake");
        assertThat(manifest.get("locale").get("tag").asText()).isEqualTo("en-US");
    }

    @Test
    void quasiIdentifiersAreMadeKAnonymousBeforeTheModelSeesThem() throws IOException {
        Path input = TestData.require("adult.csv");
        Path profile = Files.writeString(dir.resolve("adult.yaml"), "input:\n  path: \""
                + input.toString().replace("\\", "/") + "\"\ncolumns:\n  age: {action: generalise, level: \"10\"}\n"
                + "privacy:\n  k: 5\n  quasi_identifiers: [age, sex, race, native-country]\n");
        Path folder = runFolder(profile.toString(), "-n", "5000");
        List<List<String>> synthetic = readCsv(folder.resolve("synthetic.csv"), ",");
        List<String> header = synthetic.get(0).stream().map(String::strip).toList();
        int age = header.indexOf("age");
        for (List<String> r : synthetic.subList(1, synthetic.size())) {
            String v = r.get(age).strip();
            assertThat(v.isEmpty() || v.equals("?") || v.matches("\\d+-\\d+")).as("an age band, not an age").isTrue();
        }
        JsonNode k = new ObjectMapper().readTree(folder.resolve("privacy.json").toFile()).get("k_anonymity");
        assertThat(k.get("k_reached").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(k.get("levels").get("age").asText()).contains("bands");
        // no combination of the model's labels was learned from fewer than 5 rows: every label of the QIs is common
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> r : synthetic.subList(1, synthetic.size())) {
            counts.merge(r.get(age).strip(), 1, Integer::sum);
        }
        assertThat(counts.size()).isLessThanOrEqualTo(12);
    }
}
