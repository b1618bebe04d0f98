package dev.doppel.generate;

import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.generate.condition.Interleave;
import dev.doppel.generate.condition.Where;
import dev.doppel.model.GaussianCopula;
import dev.doppel.model.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * {@link RowSampler}'s hook for {@code --where} and {@code --rebalance}: draws a chunk's latent scores row by row, each
 * row from the {@link ConditionedCopula} of its group (the group of output row r is {@link Interleave#groupOf(long)},
 * a function of r alone). The rest of the sampler maps the scores to cells as for unconditioned rows, so a row meets
 * its condition exactly when its scores lie in the condition's latent region, which they do by construction.
 */
final class ConditionedRows {
    private final ConditionedCopula[] groups;
    private final Interleave interleave; // null with one group
    private final int d;

    private ConditionedRows(ConditionedCopula[] groups, Interleave interleave, int d) {
        this.groups = groups;
        this.interleave = interleave;
        this.d = d;
    }

    /**
     * The hook for an audience, or null when it asks for nothing the copula must condition on (then rows are drawn as
     * usual, byte for byte as without it). Throws {@link ConditionException} when a group's condition has no support
     * in the sampler or is too rare to generate.
     *
     * @param latent column index -> how the sampler maps that column's scores
     * @param totalRows the output's row count, over which rebalanced groups get their exact counts
     */
    static ConditionedRows of(Audience audience, GaussianCopula copula, IntFunction<LatentColumn> latent,
            long totalRows) {
        if (audience.isEmpty()) {
            return null;
        }
        List<Where> wheres = audience.groups();
        boolean rebalanced = audience.rebalanced();
        ConditionException.Part part = rebalanced ? ConditionException.Part.REBALANCE : ConditionException.Part.WHERE;
        double[][] correlation = copula.correlation();
        ConditionedCopula[] groups = new ConditionedCopula[wheres.size()];
        boolean anything = false;
        for (int g = 0; g < groups.length; g++) {
            Where where = wheres.get(g);
            List<LatentRegion> regions = new ArrayList<>();
            for (int c : where.columns()) {
                LatentRegion region = LatentRegion.of(where.column(c), latent.apply(c), part);
                if (region != null) {
                    regions.add(region);
                }
            }
            String what = rebalanced ? "the rebalance group of the " + ordinal(g + 1) + " label that gets rows (with the"
                    + " where condition, if any)" : "the where condition";
            groups[g] = new ConditionedCopula(correlation, regions, part, what, Seeds.derive(0x5EEDL, "condition", g));
            anything |= groups[g].conditionedDimensions() > 0;
        }
        if (!anything && groups.length == 1) {
            return null;
        }
        Interleave interleave = groups.length > 1 ? audience.interleave(totalRows) : null;
        return new ConditionedRows(groups, interleave, correlation.length);
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd"
                : "th");
    }

    /** Latent scores of output rows [firstRow, firstRow + count) into {@code chunk[dimension][0..count)}. */
    void draw(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss, long firstRow, int count,
            double[][] chunk) {
        ConditionedCopula.Scratch[] scratch = new ConditionedCopula.Scratch[groups.length];
        double[] row = new double[d];
        for (int r = 0; r < count; r++) {
            int g = interleave == null ? 0 : interleave.groupOf(firstRow + r);
            if (scratch[g] == null) {
                scratch[g] = groups[g].scratch();
            }
            groups[g].draw(rng, gauss, scratch[g], row);
            for (int j = 0; j < d; j++) {
                chunk[j][r] = row[j];
            }
        }
    }
}
