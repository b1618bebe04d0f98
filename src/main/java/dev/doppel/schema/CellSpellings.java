package dev.doppel.schema;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
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
        List<String[]> columns = null;
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            boolean temporal = spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME;
            if (temporal && inferred != null && c < inferred.size()
                    && inferred.get(c).notes().stream().noneMatch(n -> n.startsWith(SchemaInference.MIXED_DATES))) {
                continue;
            }
            String[] cells = table.column(c);
            Optional<UnaryOperator<String>> speller = speller(spec, cells);
            if (speller.isEmpty()) {
                continue;
            }
            String[] out = new String[cells.length];
            for (int r = 0; r < cells.length; r++) {
                out[r] = speller.get().apply(cells[r]);
            }
            if (columns == null) {
                columns = new ArrayList<>(table.columns());
            }
            columns.set(c, out);
        }
        return columns == null ? table : table.withColumns(columns);
    }

    /**
     * What {@link #normalised} does to one column's cells, also for a stream of rows (masking): a numeric column's
     * plain form, or a mixed date column's dates rewritten in its layout (the other layouts found in {@code head}: the
     * column's cells, or its first ones); empty when the column's cells need nothing.
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
}
