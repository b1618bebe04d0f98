package dev.doppel.generate.condition;

import java.util.Arrays;

/**
 * The label codes a condition allows in a categorical or boolean column (codes index the model's labels, -1 is a
 * missing cell, as in a {@code Batch}).
 */
public final class LabelCondition implements ColumnCondition {
    private final int column;
    private final String name;
    private final boolean[] allowed;
    private final boolean missing;
    private final double share;

    /**
     * @param allowed per label code, whether it is allowed
     * @param missing whether a missing cell is allowed
     * @param share see {@link ColumnCondition#share()}
     */
    public LabelCondition(int column, String name, boolean[] allowed, boolean missing, double share) {
        this.column = column;
        this.name = name;
        this.allowed = allowed.clone();
        this.missing = missing;
        this.share = share;
    }

    /** True when a cell with this code (-1: missing) meets the condition. */
    public boolean accepts(int code) {
        return code < 0 ? missing : code < allowed.length && allowed[code];
    }

    /** The allowed label codes, ascending. */
    public int[] codes() {
        int[] out = new int[allowed.length];
        int n = 0;
        for (int k = 0; k < allowed.length; k++) {
            if (allowed[k]) {
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The number of labels of the column. */
    public int labels() {
        return allowed.length;
    }

    @Override
    public int column() {
        return column;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acceptsMissing() {
        return missing;
    }

    @Override
    public double share() {
        return share;
    }

    @Override
    public String toString() {
        return "LabelCondition[" + name + ": " + codes().length + " of " + allowed.length + " labels"
                + (missing ? ", or missing" : "") + "]";
    }
}
