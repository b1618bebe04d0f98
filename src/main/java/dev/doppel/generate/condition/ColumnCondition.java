package dev.doppel.generate.condition;

/**
 * What a compiled condition allows in one column of one model: which label codes ({@link LabelCondition}) or which
 * values ({@link RangeCondition}), and whether a missing cell is allowed. A sampler tests a drawn cell with
 * {@code accepts}; {@link #share()} is the share of the model's rows whose cell in this column is allowed (its
 * marginal, ignoring the other columns), which is 0 only for a condition nothing in the model can meet.
 *
 * <p>An abstract class rather than an interface so that the column, its name, the missing rule and the share are
 * held and answered in one place; the two kinds add only what they allow.
 */
public abstract sealed class ColumnCondition permits LabelCondition, RangeCondition {
    private final int column;
    private final String name;
    private final boolean missing;
    private final double share;

    ColumnCondition(int column, String name, boolean missing, double share) {
        this.column = column;
        this.name = name;
        this.missing = missing;
        this.share = share;
    }

    /** The column's index in the model. */
    public final int column() {
        return column;
    }

    /** The column's name. */
    public final String name() {
        return name;
    }

    /** True when a missing cell is allowed. */
    public final boolean acceptsMissing() {
        return missing;
    }

    /** The share of the model's rows whose cell in this column is allowed, in [0, 1]. */
    public final double share() {
        return share;
    }

    /** What is allowed besides a missing cell, for {@link #toString()}: "3 of 5 labels", "2 intervals". */
    abstract String describeAllowed();

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + name + ": " + describeAllowed() + (missing ? ", or missing" : "") + "]";
    }
}
