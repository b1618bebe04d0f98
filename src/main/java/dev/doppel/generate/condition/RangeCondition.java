package dev.doppel.generate.condition;

/**
 * The values a condition allows in a numeric, date or date-time column (dates as epoch days, date-times as epoch
 * seconds, as in a {@code Batch}; NaN is a missing cell). Values are compared as the sampler writes them, after
 * rounding to the column's step.
 */
public final class RangeCondition implements ColumnCondition {
    private final int column;
    private final String name;
    private final Ranges values;
    private final boolean missing;
    private final double share;

    /**
     * @param values the allowed values
     * @param missing whether a missing cell is allowed
     * @param share see {@link ColumnCondition#share()}
     */
    public RangeCondition(int column, String name, Ranges values, boolean missing, double share) {
        this.column = column;
        this.name = name;
        this.values = values;
        this.missing = missing;
        this.share = share;
    }

    /** True when a cell with this value (NaN: missing) meets the condition. */
    public boolean accepts(double value) {
        return Double.isNaN(value) ? missing : values.contains(value);
    }

    /** The allowed values. */
    public Ranges values() {
        return values;
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
        return "RangeCondition[" + name + ": " + values.size() + " intervals" + (missing ? ", or missing" : "") + "]";
    }
}
