package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How encoded rows become model inputs, learned from a reference (real) table and then applied unchanged to every
 * table compared with it. Column 0 is the intercept; then, per evaluated column in schema order:
 *
 * <ul>
 *   <li><b>numbers</b> (and dates): {@code (x - mean) / sd} with the reference table's mean and standard deviation
 *       over its present cells (sd taken as 1 when it is 0); a missing cell is 0, and a missing indicator (1 for a
 *       missing cell) follows when the reference or any other table given to {@link #fit} has a missing cell in the
 *       column;
 *   <li><b>labels</b>: one-hot over the labels the reference table holds, the most frequent being the reference level
 *       with no column of its own; above {@value #MAX_LEVELS} labels, the {@value #MAX_LEVELS} most frequent keep
 *       their own level and the rest share one pooled level; a label the reference table lacks (only synthetic rows
 *       hold it) is all zeros, like the reference level; a missing cell gets an indicator column when any table has
 *       one.
 * </ul>
 *
 * Ties in frequency go to the smaller label code (the label the real table showed first), so the layout depends on
 * the data only through counts. The layout names no label and holds no cell value, only means, deviations and code
 * positions.
 */
public final class Features {
    /** Labels of one column with a level of their own at most (the rest are pooled). */
    public static final int MAX_LEVELS = 30;

    private static final int NONE = -1;

    /** How one evaluated column adds its entries to a row of model inputs. */
    private sealed interface Input permits NumberInput, LabelInput {
        /** Adds the entries of {@code row} of {@code table} to the row being built (in increasing column order). */
        void addTo(DesignMatrix.Builder b, EncodedTable table, int row);
    }

    /** A number: feature {@code valueFeature} holds the standardised value, {@code missingFeature} the indicator. */
    private record NumberInput(int column, double mean, double sd, int valueFeature, int missingFeature)
            implements Input {
        @Override
        public void addTo(DesignMatrix.Builder b, EncodedTable table, int row) {
            double x = table.numbers(column)[row];
            if (Double.isNaN(x)) {
                if (missingFeature != NONE) {
                    b.add(missingFeature, 1.0);
                }
            } else if (valueFeature != NONE) {
                b.add(valueFeature, (x - mean) / sd);
            }
        }
    }

    /** A label: {@code featureOfCode[code]} is the code's one-hot column or NONE (reference level, unseen label). */
    private record LabelInput(int column, int[] featureOfCode, int missingFeature) implements Input {
        @Override
        public void addTo(DesignMatrix.Builder b, EncodedTable table, int row) {
            int code = table.codes(column)[row];
            if (code == EncodedTable.MISSING) {
                if (missingFeature != NONE) {
                    b.add(missingFeature, 1.0);
                }
            } else if (code < featureOfCode.length && featureOfCode[code] != NONE) {
                b.add(featureOfCode[code], 1.0);
            }
        }

        @Override
        public String toString() {
            return "LabelInput[column " + column + ", " + featureOfCode.length + " codes]";
        }
    }

    private final List<Input> inputs;
    private final int width;
    private final int excluded;

    private Features(List<Input> inputs, int width, int excluded) {
        this.inputs = List.copyOf(inputs);
        this.width = width;
        this.excluded = excluded;
    }

    /**
     * Learns the layout from {@code reference}; {@code others} only decide whether a missing indicator is needed.
     *
     * @param reference the real table whose means, deviations and label frequencies define the encoding
     * @param others the tables that will be encoded too (synthetic, hold-out); may be empty
     * @param excludedColumn a column left out (the prediction target), or -1 for none
     */
    public static Features fit(EncodedTable reference, List<EncodedTable> others, int excludedColumn) {
        List<EvalColumn> columns = reference.columns();
        List<Input> inputs = new ArrayList<>();
        int width = 1; // the intercept
        for (int j = 0; j < columns.size(); j++) {
            if (j == excludedColumn) {
                continue;
            }
            boolean missing = anyMissing(reference, j);
            for (EncodedTable other : others) {
                missing = missing || anyMissing(other, j);
            }
            if (columns.get(j).numeric()) {
                double[] meanSd = meanAndSd(reference.numbers(j));
                if (Double.isNaN(meanSd[0])) {
                    for (EncodedTable other : others) { // no real value: centre on the others so inputs stay small
                        meanSd = meanAndSd(other.numbers(j));
                        if (!Double.isNaN(meanSd[0])) {
                            break;
                        }
                    }
                }
                int valueFeature = Double.isNaN(meanSd[0]) ? NONE : width++;
                int missingFeature = missing ? width++ : NONE;
                inputs.add(new NumberInput(j, meanSd[0], meanSd[1], valueFeature, missingFeature));
            } else {
                int[] featureOfCode = levels(reference.codes(j), width);
                int added = 0;
                for (int f : featureOfCode) {
                    added = Math.max(added, f - width + 1);
                }
                width += added;
                int missingFeature = missing ? width++ : NONE;
                inputs.add(new LabelInput(j, featureOfCode, missingFeature));
            }
        }
        return new Features(inputs, width, excludedColumn);
    }

    /** The number of model inputs including the intercept (the columns of every matrix this makes). */
    public int width() {
        return width;
    }

    /** The column left out, or -1. */
    public int excludedColumn() {
        return excluded;
    }

    /** Every row of {@code table} as model inputs. */
    public DesignMatrix matrix(EncodedTable table) {
        int rows = table.rows();
        DesignMatrix.Builder b = new DesignMatrix.Builder(width, rows, inputs.size() + 1);
        for (int i = 0; i < rows; i++) {
            b.add(0, 1.0);
            for (Input input : inputs) {
                input.addTo(b, table, i);
            }
            b.endRow();
        }
        return b.build();
    }

    private static boolean anyMissing(EncodedTable table, int column) {
        for (int i = 0; i < table.rows(); i++) {
            if (table.missing(column, i)) {
                return true;
            }
        }
        return false;
    }

    /** Mean and standard deviation (n - 1 denominator; 1 when undefined or 0) of the present values; NaN mean if none. */
    static double[] meanAndSd(double[] x) {
        double mean = 0;
        double m2 = 0;
        long n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) { // Welford: stable for large offsets such as epoch dates
                n++;
                double d = v - mean;
                mean += d / n;
                m2 += d * (v - mean);
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, 1};
        }
        double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        return new double[] {mean, sd > 0 && Double.isFinite(sd) ? sd : 1};
    }

    /**
     * The one-hot column of each code (NONE for the reference level and absent labels), numbering new columns from
     * {@code first}: the most frequent label is the reference, the next {@code MAX_LEVELS - 1} get a column each in
     * frequency order, and any rarer ones share one pooled column.
     */
    private static int[] levels(int[] codes, int first) {
        int size = 0;
        for (int c : codes) {
            size = Math.max(size, c + 1);
        }
        long[] counts = new long[size];
        for (int c : codes) {
            if (c >= 0) {
                counts[c]++;
            }
        }
        Integer[] order = new Integer[size];
        for (int c = 0; c < size; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int[] featureOfCode = new int[size];
        Arrays.fill(featureOfCode, NONE);
        int next = first;
        int pooled = NONE;
        for (int rank = 1; rank < size && counts[order[rank]] > 0; rank++) {
            if (rank < MAX_LEVELS) {
                featureOfCode[order[rank]] = next++;
            } else {
                if (pooled == NONE) {
                    pooled = next++;
                }
                featureOfCode[order[rank]] = pooled;
            }
        }
        return featureOfCode;
    }
}
