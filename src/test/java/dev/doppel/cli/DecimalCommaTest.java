package dev.doppel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A European export (semicolons, decimal commas, grouping dots): its numbers are learned as numbers, not as text,
 * and written back with a decimal comma; their moments and correlation survive.
 */
class DecimalCommaTest {
    @TempDir
    Path dir;

    private static double parse(String cell) {
        return Double.parseDouble(cell.replace(".", "").replace(',', '.'));
    }

    @Test
    void learnsAndWritesDecimalCommaNumbers() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        List<String> lines = new ArrayList<>(List.of("monthly;total;plan"));
        for (int i = 0; i < n; i++) {
            x[i] = Math.round((50 + 10 * random.nextGaussian()) * 100) / 100.0;
            y[i] = Math.round((1500 + 40 * x[i] + 200 * random.nextGaussian()) * 100) / 100.0; // r about 0.89
            String total = String.format(Locale.GERMANY, "%,.2f", y[i]); // 3.512,40: grouping dots
            lines.add(String.format(Locale.GERMANY, "%.2f", x[i]) + ";" + total + ";" + (random.nextBoolean() ? "a" : "b"));
        }
        Path data = Files.writeString(dir.resolve("export.csv"), String.join("\n", lines) + "\n");
        Path model = dir.resolve("m.json");
        Path out = dir.resolve("out.csv");
        CliRunner.Run inspect = CliRunner.doppel("inspect", data.toString());
        assertThat(inspect.out()).contains("decimal(2) 0,0").contains("decimal(2) #.##0,0");
        CliRunner.Run fit = CliRunner.doppel("fit", data.toString(), "--model", "copula", "-o", model.toString(), "-q");
        assertThat(fit.code()).as(fit.err()).isZero();
        int rows = 20_000;
        CliRunner.Run sample = CliRunner.doppel("sample", model.toString(), "-n", String.valueOf(rows), "-o",
                out.toString(), "-q");
        assertThat(sample.code()).as(sample.err()).isZero();

        List<List<String>> written = CliRunner.readCsv(out, ";");
        assertThat(written.get(0)).containsExactly("monthly", "total", "plan");
        double[] sx = new double[rows];
        double[] sy = new double[rows];
        for (int r = 0; r < rows; r++) {
            List<String> row = written.get(r + 1);
            assertThat(row.get(0)).matches("-?\\d+,\\d{2}");
            assertThat(row.get(1)).matches("-?\\d+,\\d{2}"); // written without grouping: every reader of 0,0 takes it
            sx[r] = parse(row.get(0));
            sy[r] = parse(row.get(1));
        }
        // against the training rows' own moments: the synthetic mean's standard error is 10 / sqrt(20,000) = 0.07
        assertThat(mean(sx)).isCloseTo(mean(x), within(0.3));
        assertThat(sd(sx)).isCloseTo(sd(x), within(0.3));
        assertThat(mean(sy)).isCloseTo(mean(y), within(12.0)); // sd about 450: standard error 3.2
        // correlation of 0.89: its standard error at 20,000 rows is under 0.002; the copula's fit adds a little
        assertThat(pearson(sx, sy)).isCloseTo(pearson(x, y), within(0.02));
    }

    @Test
    void masksDecimalCommaNumbersIntoRangesAndKeepsTheOthersAsWritten() throws IOException {
        Path data = Files.writeString(dir.resolve("m.csv"), "amount;balance;plan\n29,85;1.234,50;a\n40,00;7,25;b\n"
                + "59,99;12,00;a\n-0,5;3,00;b\n");
        Path profile = Files.writeString(dir.resolve("p.yaml"), "columns:\n  amount: {action: generalise, level: \"20\"}\n");
        Path out = dir.resolve("masked.csv");
        CliRunner.Run mask = CliRunner.doppel("mask", data.toString(), "-o", out.toString(), "-p", profile.toString(),
                "-q");
        assertThat(mask.code()).as(mask.err()).isZero();
        List<List<String>> rows = CliRunner.readCsv(out, ";");
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList())
                .containsExactly("[20, 40)", "[40, 60)", "[40, 60)", "[-20, 0)");
        assertThat(rows.stream().skip(1).map(r -> r.get(1)).toList())
                .containsExactly("1.234,50", "7,25", "12,00", "3,00"); // kept: spelled as in the input
    }

    @Test
    void learnsAmountsWithACurrencyAndSharesWithAPercentSign() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        int n = 2000;
        double[] share = new double[n];
        List<String> lines = new ArrayList<>(List.of("amount\tdiscount"));
        for (int i = 0; i < n; i++) {
            double amount = Math.exp(7 + random.nextGaussian());
            share[i] = Math.round((20 + 5 * random.nextGaussian()) * 10) / 10.0;
            lines.add(String.format(Locale.US, "$%,.2f\t%.1f%%", amount, share[i]));
        }
        Path data = Files.writeString(dir.resolve("spend.tsv"), String.join("\n", lines) + "\n");
        Path model = dir.resolve("spend.json");
        Path out = dir.resolve("spend-out.tsv");
        assertThat(CliRunner.doppel("fit", data.toString(), "-o", model.toString(), "-q").code()).isZero();
        assertThat(CliRunner.doppel("sample", model.toString(), "-n", "10000", "-o", out.toString(), "-q").code())
                .isZero();
        List<List<String>> written = CliRunner.readCsv(out, "\t");
        double[] synthetic = new double[written.size() - 1];
        for (int r = 1; r < written.size(); r++) {
            assertThat(written.get(r).get(0)).matches("\\$\\d+\\.\\d{2}");
            assertThat(written.get(r).get(1)).matches("-?\\d+\\.\\d%");
            String d = written.get(r).get(1);
            synthetic[r - 1] = Double.parseDouble(d.substring(0, d.length() - 1));
        }
        // sd 5: the synthetic mean's standard error at 10,000 rows is 0.05
        assertThat(mean(synthetic)).isCloseTo(mean(share), within(0.3));
        assertThat(sd(synthetic)).isCloseTo(sd(share), within(0.3));
    }

    private static double mean(double[] v) {
        return StatUtils.mean(v);
    }

    private static double sd(double[] v) {
        return Math.sqrt(StatUtils.variance(v)); // the n - 1 estimate
    }

    private static double pearson(double[] a, double[] b) {
        return new PearsonsCorrelation().correlation(a, b);
    }
}
