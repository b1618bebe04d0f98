package dev.doppel.db;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.schema.ColumnSpec;
import java.util.List;

/**
 * How each output column's cells become database values, worked out once per load from the model and the table
 * design: which array of a {@code Batch} holds the column and what the value is in SQL terms. A label of a boolean
 * column is true when it is the column's "true" spelling.
 */
final class CellPlan {
    /** The value a column's cells turn into. */
    enum How {
        /** A whole number (numbers array). */
        WHOLE,
        /** A decimal at a fixed scale (numbers array). */
        FIXED_DECIMAL,
        /** A floating-point number (numbers array). */
        DOUBLE,
        /** true/false from a label code (codes array). */
        BOOLEAN,
        /** A date from epoch days (numbers array). */
        DAY,
        /** A timestamp from epoch seconds (numbers array). */
        TIMESTAMP,
        /** A label from its code (codes array). */
        LABEL,
        /** A string (strings array). */
        STRING,
        /** Always NULL. */
        NOTHING
    }

    final How[] how;
    final int[] scale;
    final boolean[] zoned;
    /** Per categorical column, its labels by code. */
    final String[][] labels;
    /** Per boolean column, per code: 1 true, 0 false, -1 neither (written as NULL). */
    final int[][] truth;

    CellPlan(List<ColumnModel> columns, TableDesign design) {
        int n = columns.size();
        how = new How[n];
        scale = new int[n];
        zoned = new boolean[n];
        labels = new String[n][];
        truth = new int[n][];
        for (int c = 0; c < n; c++) {
            ColumnModel m = columns.get(c);
            SqlColumn col = design.columns().get(c);
            ColumnSpec spec = m.spec();
            scale[c] = Math.max(0, spec.scale());
            if (m instanceof CategoricalColumn cat) {
                labels[c] = cat.marginal().labels().toArray(new String[0]);
            }
            how[c] = switch (spec.kind()) {
                case INTEGER -> How.WHOLE;
                case DECIMAL -> col.type() == SqlType.NUMERIC && spec.scale() >= 0 ? How.FIXED_DECIMAL : How.DOUBLE;
                case DATE -> How.DAY;
                case DATETIME -> {
                    zoned[c] = col.type() == SqlType.TIMESTAMPTZ;
                    yield How.TIMESTAMP;
                }
                case BOOLEAN -> How.BOOLEAN;
                case CATEGORICAL -> How.LABEL;
                case IDENTIFIER, TEXT -> How.STRING;
                case EMPTY -> How.NOTHING;
            };
            if (how[c] == How.BOOLEAN) {
                String[] l = labels[c] == null ? new String[0] : labels[c];
                truth[c] = new int[l.length];
                for (int i = 0; i < l.length; i++) {
                    truth[c][i] = l[i].equals(spec.trueValue()) ? 1 : l[i].equals(spec.falseValue()) ? 0 : -1;
                }
            }
            if ((how[c] == How.LABEL || how[c] == How.BOOLEAN) && labels[c] == null) {
                how[c] = How.NOTHING; // a label column the model cannot fill (no labels survived): always empty
            }
        }
    }

    int size() {
        return how.length;
    }
}
