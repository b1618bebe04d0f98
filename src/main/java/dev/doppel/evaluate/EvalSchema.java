package dev.doppel.evaluate;

import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns an evaluation compares, taken from the real table's specs, and the label codes every table encoded
 * against it shares. Columns that are not evaluated (identifiers, text, empty, skipped, direct identifiers) are listed
 * by name in {@link #skipped()} so the report can say why they are absent.
 */
public final class EvalSchema {
    private final List<EvalColumn> columns;
    private final List<String> skipped;
    private final LabelCodes[] labels;

    private EvalSchema(List<EvalColumn> columns, List<String> skipped) {
        this.columns = List.copyOf(columns);
        this.skipped = List.copyOf(skipped);
        this.labels = new LabelCodes[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            if (!columns.get(j).numeric()) {
                labels[j] = new LabelCodes();
            }
        }
    }

    /**
     * The schema for real-table specs and the privacy role of each column by name (absent = other).
     */
    public static EvalSchema of(List<ColumnSpec> specs, Map<String, PrivacyRole> roles) {
        List<EvalColumn> columns = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ColumnSpec spec : specs) {
            EvalColumn column = EvalColumn.of(spec, roles.get(spec.name()));
            if (column == null) {
                skipped.add(spec.name());
            } else {
                columns.add(column);
            }
        }
        return new EvalSchema(columns, skipped);
    }

    public List<EvalColumn> columns() {
        return columns;
    }

    /** Names of the real table's columns left out of the evaluation, in file order. */
    public List<String> skipped() {
        return skipped;
    }

    /** The position of a column by name, -1 when it is not evaluated. */
    public int indexOf(String name) {
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).name().equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** The label codes of a label column; null for a numeric one. */
    public LabelCodes labels(int column) {
        return labels[column];
    }

    /** Positions of the columns with the given role. */
    public int[] withRole(PrivacyRole role) {
        return java.util.stream.IntStream.range(0, columns.size())
                .filter(j -> columns.get(j).role() == role).toArray();
    }

    /** Marks every label seen so far as real. */
    void closeReal() {
        for (LabelCodes l : labels) {
            if (l != null) {
                l.closeReal();
            }
        }
    }
}
