package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.cli.DoppelCli;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic CSV is written the way its input was: separator, padding, quoting, line ending and BOM; and reading it
 * back with our own reader gives the same dialect and the same kind for every column.
 */
class DialectRoundTripTest {
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    /** Fits {@code input}, samples {@link #ROWS} rows and returns the synthetic file. */
    private Path fitAndSample(Path input) {
        Path model = dir.resolve("model.json");
        Path synthetic = dir.resolve("synthetic.csv");
        StringWriter err = new StringWriter();
        int fit = DoppelCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "fit", input.toString(), "-q", "-o", model.toString());
        assertThat(fit).as(err.toString()).isZero();
        int sample = DoppelCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "sample", model.toString(), "-n", String.valueOf(ROWS), "-o", synthetic.toString(), "-q", "--seed", "5");
        assertThat(sample).as(err.toString()).isZero();
        return synthetic;
    }

    /** Checks the synthetic file against its input byte-wise and by reading it back. */
    private static void assertSameDialectAndKinds(Path input, Path synthetic) throws IOException {
        RawTable real = CsvTableReader.read(input, ReadOptions.DEFAULTS);
        RawTable fake = CsvTableReader.read(synthetic, ReadOptions.DEFAULTS);
        assertThat(fake.dialect()).isEqualTo(real.dialect());
        assertThat(fake.names()).isEqualTo(real.names());
        assertThat(fake.rows()).isEqualTo(ROWS);

        byte[] in = Files.readAllBytes(input);
        byte[] out = Files.readAllBytes(synthetic);
        assertThat(startsWithBom(out)).isEqualTo(startsWithBom(in));
        assertThat(firstLine(out)).as("the header line, byte for byte").isEqualTo(firstLine(in));
        String text = new String(out, StandardCharsets.UTF_8);
        long crlf = text.split("\r\n", -1).length - 1;
        long lf = text.chars().filter(c -> c == '\n').count();
        if (real.dialect().lineSeparator().equals("\r\n")) {
            assertThat(crlf).as("every line ends in CRLF").isEqualTo(lf).isGreaterThanOrEqualTo(ROWS + 1);
        } else {
            assertThat(crlf).as("no line ends in CRLF").isZero();
        }
        assertThat(text).as("ends with a line ending").endsWith(real.dialect().lineSeparator());

        List<ColumnProfile> realKinds = SchemaInference.infer(real, Map.of());
        List<ColumnProfile> fakeKinds = SchemaInference.infer(fake, Map.of());
        for (int c = 0; c < realKinds.size(); c++) {
            ColumnProfile r = realKinds.get(c);
            ColumnProfile f = fakeKinds.get(c);
            assertThat(f.spec().describe()).as(r.spec().name()).isEqualTo(r.spec().describe());
            if (f.missingCount() > 0) {
                assertThat(f.spec().missing()).as(r.spec().name() + " missing marker").isEqualTo(r.spec().missing());
            }
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static String firstLine(byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return text.substring(0, end + 1);
    }

    /** Per column: "quoted" where every field of the first data lines is quoted, "bare" where none is, else "mixed". */
    private static List<String> quoting(Path file, char delimiter) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine(); // the header: compared byte for byte elsewhere
            for (int i = 0; i < 200; i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                rows.add(DialectSniffer.split(line, delimiter));
            }
        }
        List<String> result = new ArrayList<>();
        for (int c = 0; c < rows.get(0).size(); c++) {
            int column = c;
            long quoted = rows.stream().filter(r -> r.get(column).trim().startsWith("\"")).count();
            result.add(quoted == rows.size() ? "quoted" : quoted == 0 ? "bare" : "mixed");
        }
        return result;
    }

    @Test
    void bankMarketingKeepsSemicolonsAndQuotedText() throws IOException {
        Path input = TestData.require("bank_marketing.csv");
        Path synthetic = fitAndSample(input);
        assertSameDialectAndKinds(input, synthetic);
        List<String> quoting = quoting(synthetic, ';');
        assertThat(quoting).isEqualTo(quoting(input, ';'));
        assertThat(quoting).containsOnly("quoted", "bare").contains("quoted", "bare");
        assertThat(Files.readAllLines(synthetic).get(1)).matches("\\d+;\"[^\"]+\";.*");
    }

    @Test
    void adultKeepsTheSpaceAfterEachComma() throws IOException {
        Path input = TestData.require("adult.csv");
        Path synthetic = fitAndSample(input);
        assertSameDialectAndKinds(input, synthetic);
        List<String> lines = Files.readAllLines(synthetic);
        for (String line : lines.subList(1, 200)) {
            List<String> fields = DialectSniffer.split(line, ',');
            assertThat(fields).hasSize(15);
            for (String field : fields.subList(1, fields.size())) {
                assertThat(field).as(line).startsWith(" ").doesNotStartWith("  ");
            }
        }
        assertThat(lines).as("missing values are written as ' ?', as in the input")
                .anyMatch(l -> l.contains(", ?,"));
        assertThat(quoting(synthetic, ',')).containsOnly("bare");
    }

    @Test
    void telcoChurnKeepsCrlfAndTheSpaceMarker() throws IOException {
        Path input = TestData.require("telco_churn.csv");
        Path synthetic = fitAndSample(input);
        assertSameDialectAndKinds(input, synthetic);
        assertThat(quoting(synthetic, ',')).containsOnly("bare");
    }

    @Test
    void aFileWithAByteOrderMarkGetsOneBack() throws IOException {
        SplittableRandom random = new SplittableRandom(9);
        StringBuilder sb = new StringBuilder("\uFEFFKundennummer;Stadt;Betrag;Datum\r\n");
        String[] cities = {"Zürich", "Genève", "Bern", "Lugano"};
        for (int i = 1; i <= 400; i++) {
            sb.append(String.format(Locale.ROOT, "K-%05d;%s;%.2f;%02d.%02d.20%02d\r\n", i * 7, cities[random.nextInt(4)],
                    random.nextDouble() * 500, 1 + random.nextInt(28), 1 + random.nextInt(12), 10 + random.nextInt(12)));
        }
        Path input = Files.write(dir.resolve("bom.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
        RawTable real = CsvTableReader.read(input, ReadOptions.DEFAULTS);
        assertThat(real.dialect()).isEqualTo(new FileDialect(';', false, "\r\n", false, true));
        assertThat(SchemaInference.infer(real, Map.of())).extracting(c -> c.spec().describe())
                .containsExactly("identifier", "categorical", "decimal(2)", "date dd.MM.yyyy");

        Path synthetic = fitAndSample(input);
        assertSameDialectAndKinds(input, synthetic);
        byte[] out = Files.readAllBytes(synthetic);
        assertThat(Arrays.copyOf(out, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(out, StandardCharsets.UTF_8)).as("exactly one BOM").doesNotContain("\uFEFF\uFEFF");
    }
}
