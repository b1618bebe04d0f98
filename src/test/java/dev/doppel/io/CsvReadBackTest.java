package dev.doppel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.generate.Batch;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvBatchEncoder#readBack} gives, without writing, the number the evaluation reads back from the cell the
 * encoder writes: checked against the written file read back and encoded, bit for bit, on values the sampler never
 * hands it (unrounded, halves, negatives that round to zero, -0.0, beyond 10^15, scaled beyond 2^53) for every way
 * a number is written: whole, fixed decimals, the shortest form, and spelled with a unit or a decimal comma.
 * {@link CsvBatchEncoder#text} gives each cell's text as the file holds it.
 */
class CsvReadBackTest {
    @TempDir
    Path dir;

    @Test
    void everyNumberReadsBackAsWritten() throws IOException {
        Path input = dir.resolve("input.csv");
        StringBuilder csv = new StringBuilder("whole,fixed,fine,shortest,price,euro\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i * 7).append(',').append(i).append(".25,").append(i).append(".125,").append(i).append(".5,$")
                    .append(i).append(".99,\"").append(i).append(",5\"\n");
        }
        Files.writeString(input, csv);
        Fitting.Inspected inspected = Fitting.inspect(input, ReadOptions.DEFAULTS, null, null, null);
        List<ColumnSpec> specs = new ArrayList<>(inspected.specs());
        specs.set(2, specs.get(2).withScale(15)); // scaled by 10^15: beyond 2^53 from 10 on
        specs.set(3, specs.get(3).withScale(-1)); // the shortest exact form
        SynthModel model = Fitting.fit(new Fitting.Inspected(inspected.table(), inspected.inferred(), specs),
                FitSettings.DEFAULTS, "test");
        List<ColumnModel> columns = model.columns();
        assertEquals(List.of(ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.DECIMAL, ColumnKind.DECIMAL,
                ColumnKind.DECIMAL, ColumnKind.DECIMAL), columns.stream().map(m -> m.spec().kind()).toList());

        double[] values = values();
        Batch batch = new Batch(columns, values.length);
        batch.reset(0, values.length);
        for (int c = 0; c < columns.size(); c++) {
            System.arraycopy(values, 0, batch.numbers(c), 0, values.length);
        }
        CsvBatchEncoder encoder = new CsvBatchEncoder(columns, model.dialect());
        Path written = dir.resolve("written.csv");
        try (var out = Files.newOutputStream(written)) {
            out.write(encoder.header());
            out.write(encoder.encode(batch));
        }
        TableEncoder tables = new TableEncoder(EvalSchema.of(model.columns().stream().map(ColumnModel::spec).toList(),
                Map.of()));
        dev.doppel.table.RawTable cells = TableReaders.read(written, ReadOptions.DEFAULTS);
        EncodedTable read = tables.encodeReal(cells);
        for (int c = 0; c < columns.size(); c++) { // the text of each cell, as the file holds it unquoted
            for (int i = 0; i < values.length; i++) {
                assertEquals(cells.column(c)[i], encoder.text(batch, c, i), columns.get(c).name() + " row " + i);
            }
        }
        assertEquals(values.length, read.rows());
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < values.length; i++) {
                double expected = read.numbers(c)[i];
                double actual = encoder.readBack(c, values[i]);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                        columns.get(c).name() + ": " + values[i] + " reads back as " + expected + ", not " + actual);
            }
        }
    }

    @Test
    void datesAndLabelsAreGivenAsTheirText() throws IOException {
        Path input = dir.resolve("input.csv");
        StringBuilder csv = new StringBuilder("day,plan\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format("%02d/03/2024", 1 + i % 28)).append(',').append(i % 3 == 0 ? "pro" : "basic")
                    .append('\n');
        }
        Files.writeString(input, csv);
        SynthModel model = Fitting.fit(Fitting.inspect(input, ReadOptions.DEFAULTS, null, null, null),
                FitSettings.DEFAULTS, "test");
        CsvBatchEncoder encoder = new CsvBatchEncoder(model.columns(), model.dialect());
        assertEquals("05/03/2024", encoder.temporalText(0, java.time.LocalDate.of(2024, 3, 5).toEpochDay()));
        assertNull(encoder.temporalText(0, Double.NaN));
        List<String> labels = List.of(encoder.labelText(1, 0), encoder.labelText(1, 1));
        assertEquals(List.of("basic", "pro"), labels.stream().sorted().toList());
        assertNull(encoder.labelText(1, -1));
        Batch batch = new Batch(model.columns(), 2);
        batch.reset(0, 2);
        batch.numbers(0)[0] = java.time.LocalDate.of(2024, 3, 9).toEpochDay();
        batch.numbers(0)[1] = Double.NaN;
        batch.codes(1)[0] = labels.indexOf("pro");
        batch.codes(1)[1] = -1;
        assertEquals(List.of("09/03/2024", "pro"), List.of(encoder.text(batch, 0, 0), encoder.text(batch, 1, 0)));
        assertNull(encoder.text(batch, 0, 1));
        assertNull(encoder.text(batch, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> encoder.readBack(0, 1));
        assertThrows(IllegalArgumentException.class, () -> encoder.labelText(0, 0));
        assertThrows(IllegalArgumentException.class, () -> encoder.temporalText(1, 0));
    }

    /** Values of every awkward sort, and random ones at several magnitudes. */
    private static double[] values() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, -0.001, -0.004, -0.005, 0.005, 0.125, 1.005, 2.675, -2.675,
                12.7, -12.7, -0.5, 0.5, 1e15, -1e15, 1.5e15, 999_999_999_999_999.9, -2e16, 123_456_789.123456789,
                9_007_199_254_740_993.0, Double.NaN, 1e-9, -1e-9, 42.0));
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            double scale = Math.pow(10, r.nextInt(-3, 9));
            v.add((r.nextDouble() - 0.5) * scale);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
