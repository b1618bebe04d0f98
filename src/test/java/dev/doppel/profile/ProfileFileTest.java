package dev.doppel.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.TestData;
import dev.doppel.error.InputException;
import dev.doppel.io.TableReaders;
import dev.doppel.pipeline.Profiles;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileFileTest {

    static Stream<Path> shippedProfiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("profiles"))) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertThat(list).as("profiles/*.yaml").hasSizeGreaterThanOrEqualTo(8);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedProfiles")
    void shippedProfileParsesStrictlyAndIsComplete(Path file) {
        Profile profile = ProfileFile.read(file);

        String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        assertThat(profile.version()).isEqualTo(Profile.VERSION);
        assertThat(profile.job()).isEqualTo(stem);
        assertThat(profile.input().path()).isNotBlank().doesNotStartWith("/").doesNotContain("\\");
        assertThat(profile.output().dir()).isEqualTo("output/" + stem);
        assertThat(profile.output().path()).as("a shipped profile writes run folders").isNull();
        assertThat(profile.output().seed()).isNotNull();
        assertThat(profile.columns()).isNotEmpty();
        profile.columns().forEach((name, column) -> {
            assertThat(column).as(name).isNotNull();
            if (column.kind() == null) { // a masked column: what it is matters, not how it is spelled
                assertThat(column.action()).as(name + ": a kind or a masking action").isNotNull();
                assertThat(dev.doppel.privacy.MaskAction.fromKey(column.action())).as(name).isPresent();
            } else {
                assertThat(ColumnKind.fromKey(column.kind())).as(name).isNotNull();
            }
        });
        Profiles.readOptions(profile.input(), file.toString());
        Profiles.fitSettings(profile.model(), file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedProfiles")
    void shippedProfileNamesEveryColumnOfItsDataInOrder(Path file) {
        Profile profile = ProfileFile.read(file);
        String path = profile.input().path();
        Path data = path.startsWith("../shared/data/")
                ? TestData.require(path.substring("../shared/data/".length()))
                : Path.of(path);

        List<String> names = TableReaders.read(data, Profiles.readOptions(profile.input(), file.toString())).names();

        assertThat(new ArrayList<>(profile.columns().keySet())).isEqualTo(names);
    }

    @Test
    void unknownTopLevelKeyIsNamedWithItsLine() {
        String text = """
                version: 1
                job: x

                ouput:
                  rows: 5
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.yaml, line 4: unknown key 'ouput' (allowed here: ")
                .hasMessageContaining("output");
    }

    @Test
    void unknownKeyInABlockColumnIsNamedWithItsLine() {
        String text = """
                columns:
                  age:
                    kind: integer
                    scal: 2
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .hasMessageStartingWith("p.yaml, line 4: unknown key 'scal'")
                .hasMessageContaining("scale");
    }

    @Test
    void unknownKeyInAFlowColumnIsNamedWithItsLine() {
        String text = """
                columns:
                  age: {kind: integer}
                  plan: {kindd: categorical}
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .hasMessageStartingWith("p.yaml, line 3: unknown key 'kindd'");
    }

    @Test
    void keyGivenTwiceIsAnError() {
        String text = """
                columns:
                  age: {kind: integer}
                  age: {kind: decimal}
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.yaml, line 3: key 'age' is given twice");
    }

    @Test
    void fractionWhereAWholeNumberBelongsIsAnError() {
        String text = """
                model:
                  min_group: 2.5
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .hasMessageStartingWith("p.yaml, line 2: 'model.min_group'")
                .hasMessageContaining("whole number");
    }

    @Test
    void wordWhereANumberBelongsIsAnError() {
        String text = """
                output:
                  rows: lots
                """;
        assertThatThrownBy(() -> ProfileFile.parse(text, "p.yaml"))
                .hasMessageStartingWith("p.yaml, line 2: 'output.rows' must be a whole number");
    }

    @Test
    void emptyOrCommentOnlyProfileIsAnError() {
        assertThatThrownBy(() -> ProfileFile.parse("", "p.yaml")).hasMessage("p.yaml: the profile is empty");
        assertThatThrownBy(() -> ProfileFile.parse("# nothing\n\n", "p.yaml")).hasMessage("p.yaml: the profile is empty");
    }

    @Test
    void profileThatIsNotAMappingSaysWhatAProfileIs() {
        assertThatThrownBy(() -> ProfileFile.parse("- a\n- b\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml: a profile is a set of sections");
    }

    @Test
    void unsupportedVersionIsAnError() {
        assertThatThrownBy(() -> ProfileFile.parse("version: 2\n", "p.yaml"))
                .hasMessageContaining("profile version 2 is not supported");
    }

    @Test
    void brokenYamlIsAnErrorWithALine() {
        assertThatThrownBy(() -> ProfileFile.parse("job: x\ninput: {path: x\n", "p.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("p\\.yaml, line \\d+: not valid YAML");
    }

    @Test
    void columnLineIsSearchedOnlyUnderColumns() {
        // A column may share its name with a key of another section; its line must be the one under columns:.
        String text = """
                input:
                  path: data.csv
                columns:
                  "job": {kind: categorical}
                  path: {kind: text}
                """;
        assertThat(ProfileFile.lineOf(text, "path")).isEqualTo(5);
        assertThat(ProfileFile.lineOf(text, "job")).isEqualTo(4);
        assertThat(ProfileFile.lineOf(text, "input")).isZero();
    }

    @Test
    void columnNotInTheDataIsNamedWithItsLine() {
        String text = """
                columns:
                  age: {kind: integer}
                  agee: {kind: integer}
                """;
        Profile profile = ProfileFile.parse(text, "p.yaml");
        List<ColumnProfile> inferred =
                List.of(new ColumnProfile(ColumnSpec.of("age", ColumnKind.INTEGER), 10, 0, 5, List.of()));

        assertThatThrownBy(() -> ProfileColumns.apply(inferred, profile.columns(), "p.yaml", text))
                .isInstanceOf(InputException.class)
                .hasMessage("p.yaml, line 3: column 'agee' is not in the data (names are case-sensitive)");
    }

    @Test
    void profileColumnSettingsOverrideInference() {
        String text = """
                columns:
                  signup: {kind: date, layout: dd.MM.yyyy}
                  code: {skip: true}
                """;
        Profile profile = ProfileFile.parse(text, "p.yaml");
        List<ColumnProfile> inferred = List.of(
                new ColumnProfile(ColumnSpec.of("signup", ColumnKind.TEXT), 10, 0, 10, List.of()),
                new ColumnProfile(ColumnSpec.of("code", ColumnKind.CATEGORICAL), 10, 0, 3, List.of()),
                new ColumnProfile(ColumnSpec.of("age", ColumnKind.INTEGER), 10, 0, 5, List.of()));

        List<ColumnSpec> specs = ProfileColumns.apply(inferred, profile.columns(), "p.yaml", text);

        assertThat(specs).extracting(ColumnSpec::kind)
                .containsExactly(ColumnKind.DATE, ColumnKind.CATEGORICAL, ColumnKind.INTEGER);
        assertThat(specs.get(0).layout()).isEqualTo("dd.MM.yyyy");
        assertThat(specs).extracting(ColumnSpec::skip).containsExactly(false, true, false);
    }

    @Test
    void profileWriterOutputParsesBackToTheSameColumns() {
        List<ColumnProfile> columns = List.of(
                new ColumnProfile(ColumnSpec.of("Annual Income (k$)", ColumnKind.INTEGER), 10, 0, 5, List.of()),
                new ColumnProfile(ColumnSpec.of("say \"hi\"", ColumnKind.CATEGORICAL), 10, 0, 2, List.of()));
        String text = ProfileWriter.write("job", "data.csv",
                dev.doppel.table.FileDialect.RFC4180, columns);

        Profile profile = ProfileFile.parse(text, "p.yaml");

        assertThat(profile.columns()).containsOnlyKeys("Annual Income (k$)", "say \"hi\"");
        assertThat(Map.copyOf(profile.columns()).get("Annual Income (k$)").kind()).isEqualTo("integer");
        assertThat(ProfileFile.lineOf(text, "say \"hi\"")).isPositive();
    }
}
