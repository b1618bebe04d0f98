package dev.doppel.cli;

import dev.doppel.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.error.ExitCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input through the command line: every failure exits with the input-error code and prints exactly one line,
 * "error: ..." naming the file (and the place), never a value of the data, and leaves no output behind.
 */
class BadInputTest {
    private static final String CANARY = "CANARY-SECRET";

    @TempDir
    Path dir;

    private Path out;

    @BeforeEach
    void outputFolder() throws IOException {
        out = Files.createDirectories(dir.resolve("out"));
    }

    private static CliRunner.Run run(String... args) {
        return CliRunner.doppel(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts the error contract and returns the one error line. */
    private String assertInputError(CliRunner.Run result, String fileName) {
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.err().lines()).as("stderr: " + result.err()).hasSize(1);
        String line = result.err().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("error: ").contains(fileName).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.err()).doesNotContain(CANARY);
        assertThat(result.out()).doesNotContain(CANARY);
        return line;
    }

    private void assertOutputFolderEmpty() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("no output and no leftover .part file").isEmpty();
        }
    }

    /** Runs inspect and fit -o on a bad data file; both must fail alike. Returns inspect's error line. */
    private String assertDataRejected(Path data) throws IOException {
        String name = data.getFileName().toString();
        String inspected = assertInputError(run("inspect", data.toString()), name);
        CliRunner.Run fit = run("fit", data.toString(), "-o", out.resolve("model.json").toString());
        assertThat(assertInputError(fit, name)).isEqualTo(inspected);
        assertOutputFolderEmpty();
        return inspected;
    }

    /** Runs sample -o on a bad model file. Returns the error line. */
    private String assertModelRejected(Path model) throws IOException {
        CliRunner.Run sample = run("sample", model.toString(), "-n", "10", "-o", out.resolve("synthetic.csv").toString());
        String line = assertInputError(sample, model.getFileName().toString());
        assertOutputFolderEmpty();
        return line;
    }

    // ---- data files

    @Test
    void rejectsAnEmptyFile() throws IOException {
        assertThat(assertDataRejected(write("empty.csv", ""))).isEqualTo("error: empty.csv: the file is empty");
    }

    @Test
    void rejectsAHeaderWithoutRows() throws IOException {
        assertThat(assertDataRejected(write("header.csv", "id,name," + CANARY + "\r\n")))
                .isEqualTo("error: header.csv: the file has a header but no data rows");
    }

    @Test
    void rejectsDuplicateHeaderNamesWithoutRepeatingThem() throws IOException {
        // a file without a header line has data in its first line: the name is not echoed
        assertThat(assertDataRejected(write("dup.csv", "id," + CANARY + ",x," + CANARY + "\n1,2,3,4\n")))
                .isEqualTo("error: dup.csv: line 1, column 4: the header name is the same as column 2's"
                        + " (names must be unique)");
    }

    @Test
    void rejectsARowWithTooManyFields() throws IOException {
        assertThat(assertDataRejected(write("many.csv", "a,b,c\n1,2,3\n4,5,6," + CANARY + "\n7,8,9\n")))
                .isEqualTo("error: many.csv: line 3: 4 fields, but the header has 3 (check the separator and quotes)");
    }

    @Test
    void rejectsARowWithTooFewFields() throws IOException {
        String content = "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13," + CANARY + "\n";
        assertThat(assertDataRejected(write("few.csv", content)))
                .isEqualTo("error: few.csv: line 6: 2 fields, but the header has 3 (check the separator and quotes)");
    }

    @Test
    void rejectsAnUnterminatedQuoteAtTheFieldWhereItOpens() throws IOException {
        String content = "a,b,c\n1,2,3\n4,5,\"" + CANARY + "\n7,8,9\n10,11,12\n";
        assertThat(assertDataRejected(write("quote.csv", content)))
                .isEqualTo("error: quote.csv: line 3, column 3: a quoted field is never closed (unterminated quote)");
    }

    @Test
    void rejectsBinaryGarbage() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[100] = 0;
        byte[] canary = (CANARY + ",").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(canary, 0, bytes, 0, canary.length);
        Path garbage = Files.write(dir.resolve("garbage.csv"), bytes);
        assertThat(assertDataRejected(garbage))
                .isEqualTo("error: garbage.csv: looks binary (it contains NUL bytes), not a text table");
    }

    @Test
    void rejectsControlCharacterGarbageWithoutNulBytes() throws IOException {
        byte[] bytes = new byte[2048];
        Random random = new Random(11);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + random.nextInt(31)); // control characters, no NUL
        }
        Path garbage = Files.write(dir.resolve("controls.csv"), bytes);
        assertThat(assertDataRejected(garbage)).contains("controls.csv: looks binary");
    }

    @Test
    void rejectsAFieldOf100Megabytes() throws IOException {
        Path big = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.US_ASCII)) {
            w.write("id,payload,n\n1,small,2\n2,");
            char[] chunk = (CANARY + " ").repeat(1024).toCharArray();
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                w.write(chunk);
            }
            w.write(",3\n3,small,4\n");
        }
        assertThat(assertDataRejected(big))
                .isEqualTo("error: big.csv: line 3, column 2: the field is longer than the limit of 16,777,216 characters");
    }

    @Test
    void rejectsAMissingFile() throws IOException {
        assertThat(assertDataRejected(dir.resolve("nowhere.csv"))).isEqualTo("error: nowhere.csv: no such file");
    }

    @Test
    void rejectsAFolderWithoutDataFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        Files.writeString(folder.resolve("notes.md"), "not data");
        assertThat(assertDataRejected(folder))
                .isEqualTo("error: folder.csv: the folder holds no data files (*.csv, *.tsv, *.txt or *.parquet)");
    }

    @Test
    void rejectsLatin1TextUnlessTheEncodingIsGiven() throws IOException {
        StringBuilder sb = new StringBuilder("id,city,score\n");
        for (int i = 1; i <= 5000; i++) { // far beyond the first 64 KiB the dialect is sniffed from
            sb.append(i).append(",Town ").append(i % 9).append(',').append(i % 100).append('\n');
        }
        sb.append("5001,Zürich ").append(CANARY).append(",7\n");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(assertDataRejected(latin1)).isEqualTo("error: latin1.csv: line 5002, column 2: not valid UTF-8 text;"
                + " pass --encoding (for example --encoding ISO-8859-1)");

        CliRunner.Run inspected = run("inspect", latin1.toString(), "--encoding", "ISO-8859-1");
        assertThat(inspected.code()).as(inspected.err()).isZero();
        assertThat(inspected.err()).isEmpty();
        assertThat(inspected.out()).contains("latin1.csv: 5,001 rows, 3 columns").doesNotContain(CANARY);
        CliRunner.Run fitted = run("fit", latin1.toString(), "--encoding", "ISO-8859-1", "-q",
                "-o", out.resolve("latin1.json").toString());
        assertThat(fitted.code()).as(fitted.err()).isZero();
        assertThat(out.resolve("latin1.json")).exists();
    }

    @Test
    void rejectsLatin1TextInTheFirstLinesWhenUtf8IsGiven() throws IOException {
        // without --encoding such a file is read as windows-1252 (CsvTableReaderTest); asked for UTF-8, it is refused
        byte[] bytes = ("name,city\nA," + CANARY + " Gen\u00e8ve\n").getBytes(StandardCharsets.ISO_8859_1);
        Path latin1 = Files.write(dir.resolve("early.csv"), bytes);
        String line = assertInputError(run("inspect", latin1.toString(), "--encoding", "UTF-8"), "early.csv");
        assertThat(line).startsWith("error: early.csv: line 2, column 2: not valid UTF-8 text");
    }

    // ---- model files

    /** A real model fitted on a small table whose most common label is the canary. */
    private Path fittedModel() throws IOException {
        StringBuilder sb = new StringBuilder("id,segment,amount\n");
        for (int i = 1; i <= 60; i++) {
            sb.append(i).append(',').append(i % 2 == 0 ? CANARY : "plain").append(',').append(i * 3 % 17).append('\n');
        }
        Path data = write("train.csv", sb.toString());
        Path model = dir.resolve("good.model.json");
        CliRunner.Run fit = run("fit", data.toString(), "-q", "-o", model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(Files.readString(model)).as("labels seen often enough are part of the model").contains(CANARY);
        return model;
    }

    @Test
    void rejectsATruncatedModel() throws IOException {
        String json = Files.readString(fittedModel());
        int cut = json.indexOf(CANARY) + 4; // inside the canary label
        Path truncated = write("truncated.json", json.substring(0, cut));
        assertThat(assertModelRejected(truncated))
                .matches("error: truncated\\.json: line \\d+, column \\d+: not a Doppel model \\(not valid JSON\\)");
    }

    @Test
    void rejectsForeignJson() throws IOException {
        Path foreign = write("foreign.json", "{\"customer\": \"" + CANARY + "\", \"version\": 1}\n");
        assertThat(assertModelRejected(foreign))
                .isEqualTo("error: foreign.json: not a Doppel model (no \"format\": \"doppel-model\")");
    }

    @Test
    void rejectsACsvPassedAsAModel() throws IOException {
        Path csv = write("customers.csv", "name,email\n" + CANARY + ",x@example.com\n");
        assertThat(assertModelRejected(csv)).startsWith("error: customers.csv: ").endsWith("not a Doppel model (not valid JSON)");
    }

    @Test
    void rejectsAModelFromAFutureVersion() throws IOException {
        String json = Files.readString(fittedModel());
        assertThat(json).contains("\"version\" : 1,");
        Path future = write("future.json", json.replace("\"version\" : 1,", "\"version\" : 99,"));
        assertThat(assertModelRejected(future)).isEqualTo("error: future.json: model version 99 is not supported by"
                + " this Doppel (reads version 1); refit the model");
    }

    @Test
    void rejectsAModelWithAnEntryOfTheWrongType() throws IOException {
        String json = Files.readString(fittedModel());
        assertThat(json).contains("\"missing_share\" : 0.0");
        Path wrong = write("wrong.json", json.replaceFirst("\"missing_share\" : 0\\.0", "\"missing_share\" : \"" + CANARY + "\""));
        assertThat(assertModelRejected(wrong)).startsWith("error: wrong.json: corrupt model (");
        Path kind = write("kind.json", json.replaceFirst("\"kind\" : \"[A-Z]+\"", "\"kind\" : \"" + CANARY + "\""));
        assertThat(assertModelRejected(kind)).startsWith("error: kind.json: corrupt model (");
    }

    @Test
    void rejectsAMissingModel() throws IOException {
        assertThat(assertModelRejected(dir.resolve("absent.json"))).contains("absent.json").contains("no such");
    }

    @Test
    void rejectsABinaryModel() throws IOException {
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {'{', 0, 1, 2, 0, '}'});
        assertThat(assertModelRejected(binary)).isEqualTo("error: binary.json: not a Doppel model (binary content)");
    }

    // ---- options

    @Test
    void rejectsANonsenseDelimiterAsAUsageError() throws IOException {
        Path data = write("ok.csv", "a,b\n1,2\n");
        CliRunner.Run result = run("inspect", data.toString(), "--delimiter", "ab");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).hasSize(1).first().asString()
                .isEqualTo("error: --delimiter: must be auto, a single character, or tab");
    }

    @Test
    void rejectsAnUnknownModelTypeAsAUsageErrorBeforeReading() throws IOException {
        Path data = write("ok.csv", "a,b\n1,2\n");
        CliRunner.Run result = run("fit", data.toString(), "--model", "forest", "-o", dir.resolve("m.json").toString());
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).hasSize(1).first().asString()
                .isEqualTo("error: --model: model type must be copula, tree or auto");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }
}
