package dev.doppel.generate.condition;

import java.util.Arrays;

/**
 * The label codes a condition allows in a categorical or boolean column (codes index the model's labels, -1 is a
 * missing cell, as in a {@code Batch}).
 */
public final class LabelCondition extends ColumnCondition {
    private final boolean[] allowed;

    /**
     * @param allowed per label code, whether it is allowed
     * @param missing whether a missing cell is allowed
     * @param share see {@link ColumnCondition#share()}
     */
    public LabelCondition(int column, String name, boolean[] allowed, boolean missing, double share) {
        super(column, name, missing, share);
        this.allowed = allowed.clone();
    }

    /** True when a cell with this code (-1: missing) meets the condition. */
    public boolean accepts(int code) {
        return code < 0 ? acceptsMissing() : code < allowed.length && allowed[code];
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
    String describeAllowed() {
        return codes().length + " of " + allowed.length + " labels";
    }
}
