package dev.doppel.generate.condition;

/**
 * What a compiled condition allows in one column of one model: which label codes ({@link LabelCondition}) or which
 * values ({@link RangeCondition}), and whether a missing cell is allowed. A sampler tests a drawn cell with
 * {@code accepts}; {@link #share()} is the share of the model's rows whose cell in this column is allowed (its
 * marginal, ignoring the other columns), which is 0 only for a condition nothing in the model can meet.
 */
public sealed interface ColumnCondition permits LabelCondition, RangeCondition {
    /** The column's index in the model. */
    int column();

    /** The column's name. */
    String name();

    /** True when a missing cell is allowed. */
    boolean acceptsMissing();

    /** The share of the model's rows whose cell in this column is allowed, in [0, 1]. */
    double share();
}
