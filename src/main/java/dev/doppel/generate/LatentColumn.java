package dev.doppel.generate;

import dev.doppel.model.ColumnModel;
import java.util.function.DoubleUnaryOperator;

/**
 * How {@link RowSampler} turns one column's latent normal scores into a cell: which copula dimensions it reads and
 * the thresholds and value map it applies. {@link LatentRegion} reads it to translate a condition on cells into a
 * condition on scores, with exactly the sampler's own rounding.
 *
 * @param model the column
 * @param valueDim its "which value" dimension, or -1
 * @param missingDim its "missing or not" dimension, or -1
 * @param spikeDim its "spike or not" dimension, or -1
 * @param missingBelow a missing-dimension score below this makes the cell missing
 * @param spikeBelow a spike-dimension score below this makes the value the spike
 * @param labelThresholds categorical columns with a value dimension: label k for scores in [t[k], t[k + 1]), t[0]
 *     being -infinity; null otherwise
 * @param value numeric columns: the value a present, non-spike cell gets for a value-dimension score (non-decreasing)
 */
record LatentColumn(
        ColumnModel model,
        int valueDim,
        int missingDim,
        int spikeDim,
        double missingBelow,
        double spikeBelow,
        double[] labelThresholds,
        DoubleUnaryOperator value) {}
