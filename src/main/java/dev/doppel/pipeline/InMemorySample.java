package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalColumn;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.generate.Batch;
import dev.doppel.generate.RowSampler;
import dev.doppel.generate.condition.Audience;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Synthetic rows drawn from a model straight into an {@link EncodedTable}, without a file: the rows {@code sample}
 * would write to a CSV file with the same seed (the same batches, drawn and completed the same way, on any number of
 * threads), each cell as the evaluation reads it back from that file. Numbers take the value their written digits
 * parse to ({@link CsvBatchEncoder#readBack}: integers whole, decimals at their scale), dates and times go through
 * their written text, labels are coded by their text (once per label), and any other column (one the model writes as
 * missing, say) through each cell's written text ({@link CsvBatchEncoder#text}); a missing cell is missing, as
 * {@code evaluate} reads the file with the input's missing markers.
 *
 * <p>Model selection scores candidates this way; writing 20,000 rows to a temporary file and parsing them again cost
 * it more than drawing them. Holds cell values only in memory.
 */
final class InMemorySample {
    private InMemorySample() {}

    /**
     * Draws {@code rows} rows from {@code model} with {@code seed} and encodes them with {@code encoder} (whose real
     * table is encoded already, so label codes are shared). Codes of labels the real table lacks are handed out in
     * row order, as encoding the file would.
     */
    static EncodedTable draw(SynthModel model, int rows, long seed, int threads, TableEncoder encoder) {
        RowSampler sampler = Sampling.sampler(model, seed, Map.of(), rows, Audience.none());
        ConstraintLayer layer = ConstraintLayer.of(model);
        List<ColumnModel> written = layer.columns();
        CsvBatchEncoder text = new CsvBatchEncoder(written, model.dialect());
        int[] source = encoder.positionsIn(written.stream().map(ColumnModel::name).toList(), "synthetic rows");
        List<EvalColumn> columns = encoder.columns();
        int d = columns.size();
        double[][] numbers = new double[d][];
        int[][] codes = new int[d][];
        int[][] codeOf = new int[d][]; // per label column: the model's label code -> the evaluation's, once seen
        for (int j = 0; j < d; j++) {
            if (columns.get(j).numeric()) {
                numbers[j] = new double[rows];
            } else {
                codes[j] = new int[rows];
                codeOf[j] = new int[0];
            }
        }
        try {
            Sampling.<Void>drawInOrder(rows, threads, SampleRequest.BATCH_ROWS * Sampling.rowBytes(model, sampler),
                    sampler, layer, CopyGuard.NONE, null, Progress.NONE, batch -> null, (batch, none) -> {
                        int first = (int) batch.firstRow();
                        for (int j = 0; j < d; j++) {
                            int c = source[j];
                            ColumnModel m = written.get(c);
                            if (numbers[j] != null) {
                                numbers(batch, c, j, text, encoder, m.spec().kind(), numbers[j], first);
                            } else if (batch.codes(c) != null && m instanceof CategoricalColumn) {
                                codeOf[j] = labels(batch, c, j, text, encoder, codeOf[j], codes[j], first);
                            } else { // labels of another kind of column, or none (a column written as missing)
                                for (int r = 0; r < batch.size(); r++) {
                                    codes[j][first + r] = encoder.code(j, text.text(batch, c, r));
                                }
                            }
                        }
                    });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("drawing synthetic rows in memory failed", e);
        }
        return encoder.table(rows, numbers, codes);
    }

    private static void numbers(Batch batch, int c, int j, CsvBatchEncoder text, TableEncoder encoder,
            ColumnKind kind, double[] into, int first) {
        double[] x = batch.numbers(c);
        int n = batch.size();
        if (x != null && (kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL)) {
            for (int r = 0; r < n; r++) {
                into[first + r] = text.readBack(c, x[r]);
            }
        } else if (x != null && (kind == ColumnKind.DATE || kind == ColumnKind.DATETIME)) {
            for (int r = 0; r < n; r++) {
                into[first + r] = encoder.number(j, text.temporalText(c, x[r]));
            }
        } else { // numbers of another kind of column, or none (a column written as missing)
            for (int r = 0; r < n; r++) {
                into[first + r] = encoder.number(j, text.text(batch, c, r));
            }
        }
    }

    /** Codes one batch's labels; returns the column's code map, grown as new model codes appear. */
    private static int[] labels(Batch batch, int c, int j, CsvBatchEncoder text, TableEncoder encoder, int[] codeOf,
            int[] into, int first) {
        int[] x = batch.codes(c);
        int n = batch.size();
        int[] map = codeOf;
        for (int r = 0; r < n; r++) {
            int code = x[r];
            if (code < 0) {
                into[first + r] = EncodedTable.MISSING;
                continue;
            }
            if (code >= map.length) {
                int old = map.length;
                map = Arrays.copyOf(map, Math.max(code + 1, 2 * old));
                Arrays.fill(map, old, map.length, Integer.MIN_VALUE);
            }
            if (map[code] == Integer.MIN_VALUE) {
                map[code] = encoder.code(j, text.labelText(c, code));
            }
            into[first + r] = map[code];
        }
        return map;
    }
}
