package dev.doppel.generate.condition;

/**
 * The values a condition allows in a numeric, date or date-time column (dates as epoch days, date-times as epoch
 * seconds, as in a {@code Batch}; NaN is a missing cell). Values are compared as the sampler writes them, after
 * rounding to the column's step.
 */
public final class RangeCondition extends ColumnCondition {
    private final Ranges values;

    /**
     * @param values the allowed values
     * @param missing whether a missing cell is allowed
     * @param share see {@link ColumnCondition#share()}
     */
    public RangeCondition(int column, String name, Ranges values, boolean missing, double share) {
        super(column, name, missing, share);
        this.values = values;
    }

    /** True when a cell with this value (NaN: missing) meets the condition. */
    public boolean accepts(double value) {
        return Double.isNaN(value) ? acceptsMissing() : values.contains(value);
    }

    /** The allowed values. */
    public Ranges values() {
        return values;
    }

    @Override
    String describeAllowed() {
        return values.size() + " intervals";
    }
}
