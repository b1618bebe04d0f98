package dev.doppel.generate.condition;

import java.util.Arrays;

/**
 * A compiled condition for one model: a conjunction of per-column conditions, each column at most once. A row meets
 * it when every conditioned column {@code accepts} its cell. This is the form samplers work with: the copula maps
 * each column's condition to its latent scores ({@code generate.ConditionedCopula}); a sequential sampler can draw
 * the conditioned columns first and test each drawn cell with {@link #column(int)}.
 */
public final class Where {
    private final ColumnCondition[] byColumn; // per model column, null when unconditioned

    /**
     * @param columns the model's column count
     * @param conditions at most one per column
     */
    public Where(int columns, Iterable<? extends ColumnCondition> conditions) {
        byColumn = new ColumnCondition[columns];
        for (ColumnCondition c : conditions) {
            if (byColumn[c.column()] != null) {
                throw new IllegalArgumentException("column " + c.column() + " is conditioned twice");
            }
            byColumn[c.column()] = c;
        }
    }

    private Where(ColumnCondition[] byColumn) {
        this.byColumn = byColumn;
    }

    /** No condition, for a model of {@code columns} columns. */
    public static Where none(int columns) {
        return new Where(new ColumnCondition[columns]);
    }

    /** Column c's condition, or null when it is not conditioned. */
    public ColumnCondition column(int c) {
        return byColumn[c];
    }

    public boolean conditioned(int c) {
        return byColumn[c] != null;
    }

    /** The conditioned columns, ascending. */
    public int[] columns() {
        int n = 0;
        int[] out = new int[byColumn.length];
        for (int c = 0; c < byColumn.length; c++) {
            if (byColumn[c] != null) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** True when no column is conditioned. */
    public boolean isEmpty() {
        return columns().length == 0;
    }

    /** The model's column count. */
    public int width() {
        return byColumn.length;
    }

    /** This condition with column {@code c}'s replaced by {@code condition}. */
    Where with(ColumnCondition condition) {
        ColumnCondition[] copy = byColumn.clone();
        copy[condition.column()] = condition;
        return new Where(copy);
    }

    @Override
    public String toString() {
        return "Where[" + columns().length + " columns]";
    }
}
