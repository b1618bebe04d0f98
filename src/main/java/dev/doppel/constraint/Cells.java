package dev.doppel.constraint;

import dev.doppel.error.InputException;
import dev.doppel.model.Constraint;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import dev.doppel.table.RawTable;
import java.math.BigDecimal;

/**
 * Reads a real table's cells the way the model does, for constraints: numbers (dates as epoch days, date-times as
 * epoch seconds) and labels (booleans in the spec's spelling). A cell that does not fit is an input error naming the
 * file, line and column, never the value.
 */
final class Cells {
    private Cells() {}

    /** The column as numbers, NaN where missing. */
    static double[] numbers(RawTable table, int c, ColumnSpec spec) {
        String[] cells = table.column(c);
        double[] out = new double[cells.length];
        TemporalLayout layout = spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME
                ? TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME)
                : null;
        for (int r = 0; r < cells.length; r++) {
            String s = cells[r];
            if (s == null) {
                out[r] = Double.NaN;
                continue;
            }
            double v;
            if (layout != null) {
                v = layout.toNumber(s);
            } else {
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    v = Double.NaN; // never pass the JDK's message on: it quotes the value
                }
            }
            if (!Double.isFinite(v)) {
                throw bad(table, c, spec, r);
            }
            out[r] = v;
        }
        return out;
    }

    /** One present integer or decimal cell, exactly. */
    static BigDecimal exact(RawTable table, int c, ColumnSpec spec, int r) {
        String s = table.column(c)[r];
        try {
            return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw bad(table, c, spec, r);
        }
    }

    /** The column as labels: booleans in the spec's spelling; null where missing. */
    static String[] labels(RawTable table, int c, ColumnSpec spec) {
        String[] cells = table.column(c);
        String[] out = new String[cells.length];
        for (int r = 0; r < cells.length; r++) {
            String s = cells[r];
            if (s == null) {
                continue;
            }
            if (s.indexOf(Constraint.Allowed.SEPARATOR) >= 0 || s.contains(Constraint.Allowed.MISSING_PART)) {
                throw new InputException(table.where(r) + ", column '" + spec.name()
                        + "': holds a control character (U+0018 or U+001F) that allowed constraints use internally");
            }
            if (spec.kind() == ColumnKind.BOOLEAN) {
                if (s.equalsIgnoreCase(spec.trueValue())) {
                    s = spec.trueValue();
                } else if (s.equalsIgnoreCase(spec.falseValue())) {
                    s = spec.falseValue();
                } else {
                    throw new InputException(table.where(r) + ", column '"
                            + spec.name() + "': expected " + spec.trueValue() + " or " + spec.falseValue());
                }
            }
            out[r] = s;
        }
        return out;
    }

    private static InputException bad(RawTable table, int c, ColumnSpec spec, int r) {
        String expected = switch (spec.kind()) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            default -> "a " + spec.kind().key() + " like " + spec.layout();
        };
        return new InputException(table.where(r) + ", column '" + spec.name()
                + "': expected " + expected + " (set the column's kind in the profile)");
    }
}
