package dev.doppel.evaluate;

import java.util.List;

/**
 * What the HTML report draws, as aggregates only: shares per bin or label, never a row. A label is named only when at
 * least {@code k} real rows hold it; rarer labels are pooled as "(rare labels)". Histogram bins are equal-width
 * between the real 1st and 99th percentile (outer bins open), so no extreme real value becomes an axis label.
 * JSON key {@code charts}.
 *
 * @param columns one chart per evaluated column, in the real table's order
 * @param associations the association matrices of the evaluated columns
 */
public record Charts(List<ColumnChart> columns, Associations associations) {

    /**
     * One column's distribution, real beside synthetic.
     *
     * @param column the column's name
     * @param kind "histogram" (numbers, dates) or "bars" (labels)
     * @param bins the bin or label names, in drawing order (the last may be "(missing)")
     * @param real share of real rows per bin (sums to 1)
     * @param synthetic share of synthetic rows per bin
     */
    public record ColumnChart(String column, String kind, List<String> bins, double[] real, double[] synthetic) {}

    /**
     * Pairwise association, real and synthetic, over the same columns: Pearson's r for two numeric columns, Cramér's V
     * (0..1) for other pairs, numbers binned as for ContingencySimilarity. The diagonal is 1. NaN where undefined.
     *
     * @param columns the column names, rows and columns of both matrices
     * @param real the real table's matrix
     * @param synthetic the synthetic table's matrix
     */
    public record Associations(List<String> columns, double[][] real, double[][] synthetic) {}
}
