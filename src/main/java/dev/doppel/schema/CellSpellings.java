package dev.doppel.schema;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Puts a table's cells into the one spelling each column's spec names, right after inference, so that fitting and
 * evaluation read every column one way: numbers in plain form ({@link NumberLayout#plain}), and the dates of a column
 * that mixes layouts rewritten in the column's layout (each read with the layout of its own shape). Cells that fit
 * neither are left as they are, for the reader of the column to report.
 */
public final class CellSpellings {
    private CellSpellings() {}

    public static RawTable normalised(RawTable table, List<ColumnSpec> specs) {
        return normalised(table, specs, null);
    }

    /**
     * As above, looking for other date layouts only in the columns where inference found them ({@code inferred},
     * the table's own inference; null to look in every date column): a date column in one layout is not parsed
     * again, which on a million rows would cost a second per column.
     */
    public static RawTable normalised(RawTable table, List<ColumnSpec> specs, List<ColumnProfile> inferred) {
        RawTable plain = NumberLayout.plain(table, specs);
        List<String[]> columns = null;
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            if ((spec.kind() != ColumnKind.DATE && spec.kind() != ColumnKind.DATETIME) || spec.layout() == null) {
                continue;
            }
            if (inferred != null && c < inferred.size()
                    && inferred.get(c).notes().stream().noneMatch(n -> n.startsWith(SchemaInference.MIXED_DATES))) {
                continue;
            }
            String[] rewritten = dates(plain.column(c), TemporalLayout.of(spec.layout(),
                    spec.kind() == ColumnKind.DATETIME));
            if (rewritten != null) {
                if (columns == null) {
                    columns = new ArrayList<>(plain.columns());
                }
                columns.set(c, rewritten);
            }
        }
        return columns == null ? plain : plain.withColumns(columns);
    }

    /**
     * What {@link #normalised} does to one column's cells, for a stream of rows (masking): a numeric column's plain
     * form, or a mixed date column's dates rewritten in its layout (the other layouts found in {@code head}, the
     * column's first cells); empty when the column's cells need nothing.
     */
    public static Optional<UnaryOperator<String>> speller(ColumnSpec spec, String[] head) {
        Optional<NumberLayout> numbers = NumberLayout.of(spec);
        if (numbers.isPresent()) {
            return Optional.of(numbers.get()::plain);
        }
        if ((spec.kind() != ColumnKind.DATE && spec.kind() != ColumnKind.DATETIME) || spec.layout() == null) {
            return Optional.empty();
        }
        TemporalLayout layout = TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
        Optional<TemporalDetector.Mixed> mixed = TemporalDetector.detectMixed(
                java.util.Arrays.stream(head).filter(java.util.Objects::nonNull).distinct().toArray(String[]::new));
        if (mixed.isEmpty()) {
            return Optional.empty();
        }
        List<TemporalLayout> others = mixed.get().layouts().stream()
                .filter(l -> !l.pattern().equals(layout.pattern()) && l.dateTime() == layout.dateTime()).toList();
        return Optional.of(cell -> {
            if (cell == null || !Double.isNaN(layout.toNumber(cell))) {
                return cell;
            }
            for (TemporalLayout other : others) {
                double x = other.toNumber(cell);
                if (!Double.isNaN(x)) {
                    return layout.format(x);
                }
            }
            return cell;
        });
    }

    /** The cells with the dates not in {@code layout} rewritten in it; null when every date already is. */
    private static String[] dates(String[] cells, TemporalLayout layout) {
        Map<String, String> others = new HashMap<>();
        for (String v : cells) {
            if (v != null && !others.containsKey(v) && Double.isNaN(layout.toNumber(v))) {
                others.put(v, null);
            }
        }
        if (others.isEmpty()) {
            return null;
        }
        Map<String, List<String>> groups = TemporalDetector.groups(others.keySet().toArray(new String[0]));
        if (groups == null) {
            return null; // something that is no date at all: the column's reader names its line
        }
        for (List<String> group : groups.values()) {
            Optional<TemporalDetector.Detected> own = TemporalDetector.detect(group.toArray(new String[0]));
            if (own.isEmpty() || own.get().layout().dateTime() != layout.dateTime()) {
                continue;
            }
            for (String v : group) {
                others.put(v, layout.format(own.get().layout().toNumber(v)));
            }
        }
        String[] out = cells.clone();
        for (int r = 0; r < out.length; r++) {
            String v = out[r];
            if (v != null) {
                String rewritten = others.get(v);
                if (rewritten != null) {
                    out[r] = rewritten;
                }
            }
        }
        return out;
    }
}
