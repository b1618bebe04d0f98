package dev.doppel.generate;

import dev.doppel.generate.condition.ColumnCondition;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.generate.condition.LabelCondition;
import dev.doppel.generate.condition.RangeCondition;
import dev.doppel.generate.condition.Ranges;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A column's condition as a condition on its latent scores: a union of boxes over its copula dimensions (each box a
 * set of score intervals per dimension), such that a row's cell meets the condition exactly when its scores lie in one
 * of the boxes. Built from the sampler's own thresholds and value map, so the translation is exact, rounding included:
 * "missing" is a missing-dimension score below its threshold; a label is a value-dimension interval between two label
 * thresholds; a range of values is the interval of value-dimension scores whose (rounded) value falls in it, found by
 * bisection on the map itself (it is non-decreasing); the spike is a spike-dimension score below its threshold.
 *
 * @param column the column's name
 * @param dims the copula dimensions the boxes constrain
 * @param boxes per box, per dimension of {@code dims}, the allowed scores
 */
record LatentRegion(String column, int[] dims, List<Ranges[]> boxes) {

    /**
     * The region for one column's condition, or null when every score meets it (nothing to condition on). Throws
     * {@link ConditionException} when no score does: zero support in the sampler.
     */
    static LatentRegion of(ColumnCondition condition, LatentColumn latent, ConditionException.Part part) {
        List<TreeMap<Integer, Ranges>> boxes = new ArrayList<>();
        double missingShare = latent.model().missingShare();
        int md = latent.missingDim();
        if (condition.acceptsMissing() && missingShare > 0) {
            boxes.add(box(md, Ranges.below(latent.missingBelow()))); // md < 0 only when always missing: no dimension
        }
        if (missingShare < 1) {
            Ranges present = Ranges.atLeast(latent.missingBelow());
            if (latent.model() instanceof CategoricalColumn && condition instanceof LabelCondition labels) {
                Ranges scores = labelScores(labels, latent);
                if (!scores.isEmpty()) {
                    TreeMap<Integer, Ranges> b = box(md, present);
                    put(b, latent.valueDim(), scores);
                    boxes.add(b);
                }
            } else if (latent.model() instanceof NumericColumn num && condition instanceof RangeCondition range) {
                if (num.spike() != null && range.values().contains(num.spike().value())) {
                    TreeMap<Integer, Ranges> b = box(md, present);
                    put(b, latent.spikeDim(), Ranges.below(latent.spikeBelow())); // no spike dimension: always spike
                    boxes.add(b);
                }
                if (num.marginal() != null) {
                    Ranges scores = valueScores(range.values(), latent);
                    if (!scores.isEmpty()) {
                        TreeMap<Integer, Ranges> b = box(md, present);
                        put(b, latent.spikeDim(), Ranges.atLeast(latent.spikeBelow()));
                        put(b, latent.valueDim(), scores);
                        boxes.add(b);
                    }
                }
            }
        }
        boxes.removeIf(b -> b.values().stream().anyMatch(Ranges::isEmpty));
        if (boxes.isEmpty()) {
            throw new ConditionException(part, "no row of the model can meet the condition on '" + condition.name()
                    + "' (zero support)");
        }
        TreeSet<Integer> used = new TreeSet<>();
        for (TreeMap<Integer, Ranges> b : boxes) {
            b.values().removeIf(Ranges::isAll);
            if (b.isEmpty()) {
                return null; // one box is the whole space
            }
            used.addAll(b.keySet());
        }
        int[] dims = used.stream().mapToInt(Integer::intValue).toArray();
        List<Ranges[]> out = new ArrayList<>();
        for (TreeMap<Integer, Ranges> b : boxes) {
            Ranges[] r = new Ranges[dims.length];
            for (int i = 0; i < dims.length; i++) {
                r[i] = b.getOrDefault(dims[i], Ranges.ALL);
            }
            out.add(r);
        }
        return new LatentRegion(condition.name(), dims, out);
    }

    private static TreeMap<Integer, Ranges> box(int dim, Ranges r) {
        TreeMap<Integer, Ranges> b = new TreeMap<>();
        put(b, dim, r);
        return b;
    }

    private static void put(TreeMap<Integer, Ranges> box, int dim, Ranges r) {
        if (dim >= 0) {
            box.merge(dim, r, Ranges::intersect);
        }
    }

    /** The value-dimension scores that give an allowed label (all scores or none for a one-label column). */
    private static Ranges labelScores(LabelCondition labels, LatentColumn latent) {
        double[] t = latent.labelThresholds();
        if (latent.valueDim() < 0 || t == null) {
            return labels.accepts(0) ? Ranges.ALL : Ranges.NONE;
        }
        Ranges out = Ranges.NONE;
        for (int k : labels.codes()) {
            if (k < t.length) {
                out = out.union(Ranges.of(t[k], k + 1 < t.length ? t[k + 1] : Double.POSITIVE_INFINITY));
            }
        }
        return out;
    }

    /** The value-dimension scores whose value falls in {@code values}: [first score reaching from, first reaching to). */
    private static Ranges valueScores(Ranges values, LatentColumn latent) {
        Ranges out = Ranges.NONE;
        for (int i = 0; i < values.size(); i++) {
            out = out.union(Ranges.of(firstReaching(values.from(i), latent), firstReaching(values.to(i), latent)));
        }
        return out;
    }

    /** The smallest score whose value is at least {@code bound}; +-infinity where all or none are. */
    private static double firstReaching(double bound, LatentColumn latent) {
        if (bound == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (bound == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return RowSampler.threshold(z -> latent.value().applyAsDouble(z) >= bound ? 1 : 0);
    }
}
