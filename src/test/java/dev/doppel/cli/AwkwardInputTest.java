package dev.doppel.cli;

import dev.doppel.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid input that gives the model little to work with: fit and sample still succeed, the output has the input's
 * header and the asked-for rows, and fit says with a "note:" what it could not learn.
 */
class AwkwardInputTest {
    @TempDir
    Path dir;

    private static CliRunner.Run run(String... args) {
        return CliRunner.doppel(args);
    }

    /** Fits the file, samples {@code rows} rows, checks both succeeded; returns fit's stdout and the output lines. */
    private record FitAndSample(String fitOut, List<String> lines) {}

    private FitAndSample fitAndSample(Path data, int rows) throws IOException {
        Path model = dir.resolve("model.json");
        Path synthetic = dir.resolve("synthetic.csv");
        CliRunner.Run fit = run("fit", data.toString(), "-o", model.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        assertThat(fit.err()).isEmpty();
        CliRunner.Run sample = run("sample", model.toString(), "-n", String.valueOf(rows), "-o", synthetic.toString(),
                "--threads", "2", "-q");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(sample.err()).isEmpty();
        List<String> lines = Files.readAllLines(synthetic, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.get(0)).isEqualTo(Files.readAllLines(data).get(0));
        return new FitAndSample(fit.out(), lines);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> cells(List<String> lines, int column) {
        return lines.stream().skip(1).map(l -> l.split(",", -1)[column]).collect(Collectors.toList());
    }

    @Test
    void fitsAColumnThatIsAllMissing() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        List<String> lines = new ArrayList<>(List.of("age,comment,plan"));
        for (int i = 0; i < 300; i++) {
            lines.add((18 + random.nextInt(60)) + ",," + (random.nextBoolean() ? "basic" : "pro"));
        }
        FitAndSample result = fitAndSample(write("allmissing.csv", lines), 500);
        assertThat(result.fitOut()).contains("note: column 'comment': every value is missing");
        assertThat(cells(result.lines(), 1)).containsOnly("");
        assertThat(cells(result.lines(), 2)).containsOnly("basic", "pro");
    }

    @Test
    void fitsAConstantColumn() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        List<String> lines = new ArrayList<>(List.of("amount,currency,rate"));
        for (int i = 0; i < 300; i++) {
            lines.add(random.nextInt(1000) + ",EUR,3");
        }
        FitAndSample result = fitAndSample(write("constant.csv", lines), 400);
        assertThat(result.fitOut())
                .contains("note: column 'currency': a single label (constant)")
                .contains("note: column 'rate': a single value (constant)");
        assertThat(cells(result.lines(), 1)).containsOnly("EUR");
        assertThat(cells(result.lines(), 2)).containsOnly("3");
    }

    @Test
    void fitsASingleColumnFile() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<String> lines = new ArrayList<>(List.of("score"));
        for (int i = 0; i < 200; i++) {
            lines.add(String.format(Locale.ROOT, "%.1f", 50 + random.nextGaussian() * 10));
        }
        FitAndSample result = fitAndSample(write("single.csv", lines), 300);
        assertThat(result.lines().subList(1, result.lines().size()))
                .allMatch(l -> l.matches("\\d+\\.\\d"), "one decimal, no separator");
    }

    @Test
    void fitsTwoThousandColumnsOfThirtyRows() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        int columns = 2000;
        List<String> lines = new ArrayList<>();
        lines.add(IntStream.range(0, columns).mapToObj(c -> "c" + c).collect(Collectors.joining(",")));
        for (int r = 0; r < 30; r++) {
            lines.add(IntStream.range(0, columns)
                    .mapToObj(c -> c % 2 == 0 ? String.valueOf(random.nextInt(100)) : (random.nextBoolean() ? "a" : "b"))
                    .collect(Collectors.joining(",")));
        }
        FitAndSample result = fitAndSample(write("wide.csv", lines), 40);
        assertThat(result.fitOut())
                .contains("note: only 30 rows: little to learn from")
                .contains("note: 2000 columns in the copula but only 30 rows");
        assertThat(result.lines().get(1).split(",", -1)).hasSize(columns);
    }

    @Test
    void fitsTenRows() throws IOException {
        List<String> lines = List.of("id,city,amount,joined",
                "1,Bern,12.50,2020-01-03", "2,Basel,7.25,2020-02-11", "3,Bern,19.00,2020-02-29",
                "4,Chur,3.75,2020-04-01", "5,Basel,8.00,2020-05-17", "6,Bern,11.10,2020-06-30",
                "7,Chur,4.40,2020-07-04", "8,Basel,9.99,2020-08-08", "9,Bern,15.05,2020-09-09",
                "10,Bern,6.60,2020-12-31");
        FitAndSample result = fitAndSample(write("ten.csv", lines), 25);
        assertThat(result.fitOut()).contains("note: only 10 rows: little to learn from");
        assertThat(cells(result.lines(), 2)).allMatch(v -> v.matches("\\d+\\.\\d{2}"), "scale 2 kept");
        assertThat(cells(result.lines(), 3)).allMatch(v -> v.matches("2020-\\d{2}-\\d{2}"), "layout kept");
        assertThat(cells(result.lines(), 0)).doesNotHaveDuplicates();
    }

    @Test
    void namesABlankHeaderAsPandasDoes() throws IOException {
        // pandas' to_csv writes its index under a blank name, spreadsheets a trailing separator: both read, as pandas
        // reads them ("Unnamed: 0", counted from 0), and written back under that name
        Path data = write("blank.csv", List.of(",age,", "0,35,", "1,41,", "2,29,", "3,52,", "4,38,", "5,44,"));
        Path model = dir.resolve("blank.json");
        Path out = dir.resolve("blank-out.csv");
        CliRunner.Run fit = CliRunner.doppel("fit", data.toString(), "-o", model.toString(), "-q");
        assertThat(fit.code()).as(fit.err()).isZero();
        CliRunner.Run sample = CliRunner.doppel("sample", model.toString(), "-n", "5", "-o", out.toString(), "-q");
        assertThat(sample.code()).as(sample.err()).isZero();
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("Unnamed: 0,age,Unnamed: 2");
    }
}
