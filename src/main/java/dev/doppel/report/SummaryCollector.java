package dev.doppel.report;

import dev.doppel.generate.Batch;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.DerivedColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import java.util.Arrays;
import java.util.List;

/**
 * Watches batches go by and keeps what the fidelity summary needs: label counts and missing counts over all rows,
 * and the numeric values of the first {@link #KEEP} rows (rows are independent draws, so the first ones are a fair
 * sample). Memory is bounded whatever the row count.
 */
public final class SummaryCollector {
    /** Numeric values are kept for this many rows. */
    public static final int KEEP = 50_000;

    private final SynthModel model;
    private final List<ColumnModel> columns;
    private final long[][] labelCounts;
    private final long[] missing;
    private final double[][] kept;
    private int keptRows;
    private long rows;

    public SummaryCollector(SynthModel model) {
        this(model, model.columns());
    }

    /**
     * @param columns the columns batches hold when they get here (the model's own, or as constraints complete them:
     *     computed columns are compared on missing values only)
     */
    public SummaryCollector(SynthModel model, List<ColumnModel> columns) {
        this.model = model;
        this.columns = columns;
        int n = columns.size();
        labelCounts = new long[n][];
        missing = new long[n];
        kept = new double[n][];
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            if (m instanceof CategoricalColumn cat) {
                labelCounts[c] = new long[cat.marginal().labels().size()];
            } else if (m instanceof NumericColumn) {
                kept[c] = new double[KEEP];
            }
        }
    }

    public void accept(Batch batch) {
        int size = batch.size();
        int keep = (int) Math.min(size, Math.max(0, KEEP - keptRows));
        for (int c = 0; c < columns.size(); c++) {
            if (labelCounts[c] != null) {
                int[] codes = batch.codes(c);
                for (int r = 0; r < size; r++) {
                    if (codes[r] < 0) {
                        missing[c]++;
                    } else {
                        labelCounts[c][codes[r]]++;
                    }
                }
            } else if (kept[c] != null) {
                double[] values = batch.numbers(c);
                for (int r = 0; r < size; r++) {
                    if (Double.isNaN(values[r])) {
                        missing[c]++;
                    }
                }
                System.arraycopy(values, 0, kept[c], keptRows, keep);
            } else if (columns.get(c) instanceof DerivedColumn d) {
                if (d.spec().kind().numeric()) {
                    double[] values = batch.numbers(c);
                    for (int r = 0; r < size; r++) {
                        missing[c] += Double.isNaN(values[r]) ? 1 : 0;
                    }
                } else {
                    int[] codes = batch.codes(c);
                    for (int r = 0; r < size; r++) {
                        missing[c] += codes[r] < 0 ? 1 : 0;
                    }
                }
            } else if (batch.strings(c) != null) {
                for (String s : Arrays.asList(batch.strings(c)).subList(0, size)) {
                    if (s == null) {
                        missing[c]++;
                    }
                }
            } else {
                missing[c] += size;
            }
        }
        keptRows += keep;
        rows += size;
    }

    public FidelitySummary summary() {
        return FidelitySummary.of(model, columns, rows, labelCounts, missing, kept, keptRows);
    }
}
