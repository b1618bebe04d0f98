package dev.doppel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.TestData;
import dev.doppel.cli.DoppelCli;
import dev.doppel.io.ModelFile;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.schema.ColumnKind;
import dev.doppel.table.RawTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A fitted model holds aggregates only: no identifier, no free text, no rare label, no single row's extreme. */
class ModelPrivacyTest {
    private static final int K = FitSettings.DEFAULTS.minGroup();

    static List<String> datasets() {
        return TestData.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void modelFileHoldsNoIdentifierTextRareLabelOrLoneExtreme(String dataset) throws Exception {
        Fitting.Inspected inspected = Fitting.inspect(TestData.require(dataset), ReadOptions.DEFAULTS, null, null, null);
        SynthModel model = Fitting.fit(inspected, FitSettings.DEFAULTS, "test");
        String json = ModelFile.toJson(model);
        ObjectMapper mapper = new ObjectMapper();
        RawTable table = inspected.table();
        for (int c = 0; c < table.columnCount(); c++) {
            ColumnKind kind = inspected.specs().get(c).kind();
            String name = table.names().get(c);
            Map<String, Long> counts = java.util.Arrays.stream(table.column(c))
                    .filter(v -> v != null)
                    .collect(Collectors.groupingBy(v -> v, HashMap::new, Collectors.counting()));
            for (var e : counts.entrySet()) {
                if ((kind == ColumnKind.IDENTIFIER || kind == ColumnKind.TEXT) && e.getKey().length() > 1) {
                    String token = mapper.writeValueAsString(e.getKey()); // the value as a JSON string
                    assertThat(json).as("%s: a %s value is in the model", name, kind.key()).doesNotContain(token);
                }
                if (kind == ColumnKind.CATEGORICAL && e.getValue() < K) {
                    var labels = ((dev.doppel.model.CategoricalColumn) model.column(name).orElseThrow()).marginal().labels();
                    assertThat(labels).as("%s: a label seen %d times is stored", name, e.getValue()).doesNotContain(e.getKey());
                }
            }
        }
        for (ColumnModel column : model.columns()) {
            if (column instanceof NumericColumn num && num.marginal() != null) {
                int c = table.indexOf(num.name());
                double[] values = numbers(table.column(c), num);
                double[] x = num.marginal().x();
                double realMin = java.util.Arrays.stream(values).min().orElseThrow();
                double realMax = java.util.Arrays.stream(values).max().orElseThrow();
                long atMin = java.util.Arrays.stream(values).filter(v -> v == realMin).count();
                long atMax = java.util.Arrays.stream(values).filter(v -> v == realMax).count();
                // the real minimum or maximum may be stored only when at least k rows hold it
                if (atMin < K) {
                    assertThat(x[0]).as("%s: the real minimum of %d rows is stored", num.name(), atMin).isNotEqualTo(realMin);
                }
                if (atMax < K) {
                    assertThat(x[x.length - 1]).as("%s: the real maximum of %d rows is stored", num.name(), atMax)
                            .isNotEqualTo(realMax);
                }
            }
        }
    }

    private static double[] numbers(String[] cells, NumericColumn num) {
        var layout = num.spec().layout() == null ? null
                : dev.doppel.schema.TemporalLayout.of(num.spec().layout(), num.spec().kind() == ColumnKind.DATETIME);
        return java.util.Arrays.stream(cells)
                .filter(v -> v != null)
                .mapToDouble(v -> layout != null ? layout.toNumber(v) : Double.parseDouble(v))
                .toArray();
    }

    @Test
    void valuesHeldByFewerThanKRowsNeverReachModelOrOutput(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("score,rare_amount,when\n");
        for (int row = 0; row < 300; row++) {
            String amount = row < 2 ? "424242.5" : ""; // two rows hold a value; the rest are missing
            String when = row == 7 ? "1999-12-31" : "";
            csv.append(row % 50).append(',').append(amount).append(',').append(when).append('\n');
        }
        Path data = dir.resolve("amounts.csv");
        Files.writeString(data, csv);
        Path model = dir.resolve("amounts.json");
        Path synthetic = dir.resolve("synthetic.csv");
        StringWriter out = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        assertThat(DoppelCli.run(o, o, "fit", data.toString(), "-o", model.toString())).isZero();
        assertThat(DoppelCli.run(o, o, "sample", model.toString(), "-n", "3000", "-o", synthetic.toString())).isZero();
        String everything = out + Files.readString(model) + Files.readString(synthetic);
        assertThat(everything).doesNotContain("424242").doesNotContain("1999-12-31").doesNotContain("10956");
        assertThat(out.toString()).contains("fewer than k");
    }

    @Test
    void canaryCellsNeverReachOutputLogsOrModel(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,name,email,city,score\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int row = 0; row < 300; row++) {
            csv.append("CANARY-").append(row).append("-0,CANARY-").append(row).append("-1,canary").append(row)
                    .append("@CANARY.example,CANARY-").append(row % 97).append("-3,").append(r.nextInt(100)).append('\n');
        }
        Path data = dir.resolve("people.csv");
        Files.writeString(data, csv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        Path profile = dir.resolve("people.yaml");
        Path model = dir.resolve("people.json");
        Path synthetic = dir.resolve("synthetic.csv");
        assertThat(DoppelCli.run(o, e, "inspect", data.toString(), "--write-profile", profile.toString())).isZero();
        assertThat(DoppelCli.run(o, e, "fit", data.toString(), "-o", model.toString())).isZero();
        assertThat(DoppelCli.run(o, e, "sample", model.toString(), "-n", "2000", "-o", synthetic.toString())).isZero();
        String everything = out + "\n" + err + "\n" + Files.readString(model) + "\n" + Files.readString(synthetic);
        assertThat(everything.toLowerCase(java.util.Locale.ROOT)).doesNotContain("canary");
    }
}
