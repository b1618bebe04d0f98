package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * An integer, decimal, date or date-time column. A present value is the {@code spike} (a value held by a large share
 * of rows, such as {@code pdays = -1} or an amount of 0) or else a draw from {@code marginal}; each of "missing or
 * not", "spike or not" and "which value" is its own copula dimension, so that, say, two columns that are 0 on the same
 * rows keep that, whatever their other values do.
 *
 * @param missingShare share of rows with no value
 * @param spike the dominant value and its share among present values, or null
 * @param marginal the distribution of the other present values, or null when every present value is the spike
 */
public record NumericColumn(ColumnSpec spec, double missingShare, Spike spike, QuantileMarginal marginal)
        implements ColumnModel {

    /**
     * @param value the value
     * @param share its share among present values, in (0, 1]
     */
    public record Spike(double value, double share) {
        public Spike {
            if (!(share > 0 && share <= 1) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("spike: share must be in (0, 1] and the value finite");
            }
        }
    }

    public NumericColumn {
        if (spike == null && marginal == null && missingShare < 1) {
            throw new IllegalArgumentException("column '" + spec.name() + "': needs a spike or a marginal");
        }
    }

    @Override
    public List<String> dimensions() {
        List<String> dims = new ArrayList<>(3);
        if (missingShare > 0 && missingShare < 1) {
            dims.add(missingDimension());
        }
        if (spike != null && marginal != null) {
            dims.add(spikeDimension());
        }
        if (marginal != null) {
            dims.add(name());
        }
        return dims;
    }

    @JsonIgnore
    public String spikeDimension() {
        return name() + " [spike]";
    }

    /** The spike's share among present values (0 without a spike). */
    @JsonIgnore
    public double spikeShare() {
        return spike == null ? 0 : marginal == null ? 1 : spike.share();
    }

    /**
     * What values are rounded to when written: they are multiples of 1/factor. 1 for whole numbers and dates (epoch
     * days), 10^scale for decimals, 1/step for date-times; 0 for no rounding (decimals of free scale).
     */
    @JsonIgnore
    public double roundingFactor() {
        return switch (spec.kind()) {
            case INTEGER, DATE -> 1;
            case DECIMAL -> spec.scale() < 0 ? 0 : Math.pow(10, spec.scale());
            case DATETIME -> 1 / TemporalLayout.of(spec.layout(), true).step();
            default -> 0;
        };
    }

    /** The smallest value this column can produce. */
    public double min() {
        double m = marginal == null ? Double.POSITIVE_INFINITY : marginal.min();
        return spike == null ? m : Math.min(m, spike.value());
    }

    /** The largest value this column can produce. */
    public double max() {
        double m = marginal == null ? Double.NEGATIVE_INFINITY : marginal.max();
        return spike == null ? m : Math.max(m, spike.value());
    }

    /** P(X <= x) among present values. */
    public double cdf(double x) {
        double s = spikeShare();
        double below = spike != null && x >= spike.value() ? s : 0;
        return below + (marginal == null ? 0 : (1 - s) * marginal.cdf(x));
    }
}
