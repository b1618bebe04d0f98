package dev.doppel.evaluate;

import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Small tables for evaluation tests, built column by column. */
public final class EvalTables {
    private EvalTables() {}

    /** A raw table from named columns: {@code table("a", colA, "b", colB)}. */
    public static RawTable table(Object... namesAndColumns) {
        List<String> names = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            names.add((String) namesAndColumns[i]);
            columns.add((String[]) namesAndColumns[i + 1]);
        }
        int rows = columns.get(0).length;
        return new RawTable("test.csv", names, columns, Collections.nCopies(names.size(), ""), FileDialect.RFC4180,
                new int[rows]);
    }

    /** Whole numbers as cells. */
    public static String[] ints(int... values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Integer.toString(values[i]);
        }
        return out;
    }

    /** Doubles as cells, NaN as a missing cell. */
    public static String[] numbers(double... values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? null : Double.toString(values[i]);
        }
        return out;
    }

    /** Real, then the others, encoded against one schema. */
    public static EncodedTable[] encode(List<ColumnSpec> specs, RawTable real, RawTable... others) {
        return encode(specs, Map.of(), real, others);
    }

    public static EncodedTable[] encode(List<ColumnSpec> specs, Map<String, PrivacyRole> roles, RawTable real,
            RawTable... others) {
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, roles));
        EncodedTable[] out = new EncodedTable[others.length + 1];
        out[0] = encoder.encodeReal(real);
        for (int i = 0; i < others.length; i++) {
            out[i + 1] = encoder.encode(others[i]);
        }
        return out;
    }
}
