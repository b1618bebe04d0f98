package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: builds raw tables column by column and encodes them against one schema, real table first. */
final class Tables {
    private final List<String> names = new ArrayList<>();
    private final List<String[]> columns = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    /** Adds a numeric column; NaN cells become missing. */
    Tables number(String name, double[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = Double.isNaN(values[i]) ? null : Double.toString(values[i]);
        }
        return add(name, ColumnKind.DECIMAL, cells);
    }

    /** Adds a label column; null cells are missing. */
    Tables label(String name, String[] values) {
        return add(name, ColumnKind.CATEGORICAL, values);
    }

    private Tables add(String name, ColumnKind kind, String[] cells) {
        if (!columns.isEmpty() && columns.get(0).length != cells.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        names.add(name);
        columns.add(cells);
        specs.add(ColumnSpec.of(name, kind));
        return this;
    }

    List<ColumnSpec> specs() {
        return specs;
    }

    RawTable raw(String source) {
        return raw(source, names, columns);
    }

    static RawTable raw(String source, List<String> names, List<String[]> columns) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        return new RawTable(source, names, columns, Collections.nCopies(names.size(), ""), FileDialect.RFC4180,
                new int[rows]);
    }

    /** The rows of {@code table} at {@code positions}. */
    static RawTable rows(RawTable table, int[] positions) {
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            String[] all = table.column(c);
            String[] cells = new String[positions.length];
            for (int i = 0; i < positions.length; i++) {
                cells[i] = all[positions[i]];
            }
            columns.add(cells);
        }
        return raw(table.source(), table.names(), columns);
    }

    /** 0..n-1 in a seeded random order. */
    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static int[] slice(int[] order, int from, int to) {
        return java.util.Arrays.copyOfRange(order, from, to);
    }

    /** Encodes {@code real} first (its labels are the reference ones), then the others, against one schema. */
    static EncodedTable[] encode(List<ColumnSpec> specs, RawTable real, RawTable... others) {
        TableEncoder encoder = new TableEncoder(EvalSchema.of(specs, Map.of()));
        EncodedTable[] out = new EncodedTable[others.length + 1];
        out[0] = encoder.encodeReal(real);
        for (int k = 0; k < others.length; k++) {
            out[k + 1] = encoder.encode(others[k]);
        }
        return out;
    }
}
