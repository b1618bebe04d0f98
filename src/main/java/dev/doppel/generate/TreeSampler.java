package dev.doppel.generate;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.ColumnTree;
import dev.doppel.model.tree.Levels;
import dev.doppel.model.tree.TreeSequence;
import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ColumnCondition;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.generate.condition.Interleave;
import dev.doppel.generate.condition.LabelCondition;
import dev.doppel.generate.condition.RangeCondition;
import dev.doppel.generate.condition.Where;
import dev.doppel.model.FastNormal;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws the numeric and categorical columns of a tree model, column by column in the model's order (row by row for
 * conditioned or large outputs, see {@link #fill}): each column's tree is walked with the levels of the columns
 * already drawn in the row, and the value is drawn from the leaf it ends in. A leaf's outcome shares are mixed with
 * {@code smoothing} pseudo-rows of the column's overall shares; a numeric value is read from the leaf's score groups
 * (uniform within mean ± √3 sd; a root leaf has none and reads the marginal directly) at a probability that is
 * uniform, or, when the leaf has a regression, Φ of its Gaussian draw given the columns already drawn (a label is read
 * from the outcome shares at that probability the same way); then it goes through the column's quantile function
 * and is rounded as the column is written. Immutable after construction; thread-safe.
 */
final class TreeSampler {
    private final CompiledTree[] trees;
    private final int columns;
    /** Per model column drawn by a tree, per predictor level, the normal score a leaf's regression sees. */
    private final double[][] levelScores;

    /** One tree, compiled for sampling. */
    private record CompiledTree(
            int target,
            NumericColumn numeric,
            double[] cuts,
            QuantileMarginal marginal,
            double rounding,
            boolean predictor,
            int[] feature,
            int[] next,
            long[][] left,
            long[] low,
            CompiledLeaf[] leaves,
            double[] globalCumulative) {}

    /**
     * @param codes the outcomes (see {@link ColumnTree.Leaf})
     * @param cumulative their cumulative shares, the last 1
     * @param groupCumulative cumulative group weights, the last 1 (empty: any score)
     * @param mean per group
     * @param halfWidth per group: √3 sd
     * @param regressors model column indices of the leaf's regressors (empty: none)
     * @param centers per regressor
     * @param slopes per regressor
     * @param residual the residual's standard deviation
     */
    private record CompiledLeaf(int[] codes, double[] cumulative, double[] groupCumulative, double[] mean,
            double[] halfWidth, int[] regressors, double[] centers, double[] slopes, double residual) {}

    TreeSampler(SynthModel model, double[] rounding) {
        TreeSequence sequence = model.trees();
        List<ColumnModel> list = model.columns();
        columns = list.size();
        boolean[] isPredictor = new boolean[columns];
        for (ColumnTree tree : sequence.trees()) {
            for (String p : tree.predictors()) {
                isPredictor[indexOf(list, p)] = true;
            }
        }
        double smoothing = sequence.settings().smoothing();
        levelScores = new double[columns][];
        trees = new CompiledTree[sequence.trees().size()];
        for (int t = 0; t < trees.length; t++) {
            ColumnTree tree = sequence.trees().get(t);
            int target = indexOf(list, tree.column());
            ColumnModel m = list.get(target);
            levelScores[target] = Levels.levelScores(m);
            int[] feature = tree.feature().clone();
            for (int i = 0; i < feature.length; i++) {
                if (feature[i] >= 0) {
                    feature[i] = indexOf(list, tree.predictors().get(feature[i]));
                }
            }
            double[][] global = global(m);
            CompiledLeaf[] leaves = new CompiledLeaf[tree.leaves().size()];
            int[] predictorColumns = new int[tree.predictors().size()];
            for (int p = 0; p < predictorColumns.length; p++) {
                predictorColumns[p] = indexOf(list, tree.predictors().get(p));
            }
            for (int l = 0; l < leaves.length; l++) {
                leaves[l] = compile(tree.leaves().get(l), global, smoothing, predictorColumns);
            }
            NumericColumn numeric = m instanceof NumericColumn num ? num : null;
            trees[t] = new CompiledTree(target, numeric,
                    numeric != null && isPredictor[target] ? Levels.cuts(numeric) : null,
                    numeric == null ? null : numeric.marginal(),
                    rounding[target], isPredictor[target], feature, tree.next().clone(), tree.left().clone(),
                    lowWords(tree.left()), leaves,
                    cumulative(global[1]));
        }
    }

    private static int indexOf(List<ColumnModel> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("trees: no column '" + name + "' in the model");
    }

    /** A column's overall outcomes and shares: {codes as doubles, shares}. */
    private static double[][] global(ColumnModel m) {
        double missing = m.missingShare();
        if (m instanceof CategoricalColumn cat) {
            List<Double> shares = cat.marginal().shares();
            double[] codes = new double[shares.size() + 1];
            double[] p = new double[shares.size() + 1];
            codes[0] = -1;
            p[0] = missing;
            for (int i = 0; i < shares.size(); i++) {
                codes[i + 1] = i;
                p[i + 1] = (1 - missing) * shares.get(i);
            }
            return new double[][] {codes, p};
        }
        NumericColumn num = (NumericColumn) m;
        double spike = num.spikeShare();
        return new double[][] {{-1, -2, 0}, {missing, (1 - missing) * spike, (1 - missing) * (1 - spike)}};
    }

    private static CompiledLeaf compile(ColumnTree.Leaf leaf, double[][] global, double smoothing,
            int[] predictorColumns) {
        int[] codes;
        double[] weights;
        if (smoothing > 0) {
            double[] globalCodes = global[0];
            codes = new int[globalCodes.length];
            weights = new double[globalCodes.length];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (int) globalCodes[i];
                weights[i] = smoothing * global[1][i];
            }
            for (int i = 0; i < leaf.codes().length; i++) {
                for (int j = 0; j < codes.length; j++) {
                    if (codes[j] == leaf.codes()[i]) {
                        weights[j] += leaf.counts()[i];
                    }
                }
            }
        } else {
            codes = leaf.codes().clone();
            weights = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                weights[i] = leaf.counts()[i];
            }
        }
        double[] cumulative = cumulative(weights);
        double[] groups = new double[leaf.weight().length];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = leaf.weight()[g];
        }
        double[] halfWidth = new double[leaf.spread().length];
        for (int g = 0; g < halfWidth.length; g++) {
            halfWidth[g] = Math.sqrt(3) * leaf.spread()[g];
        }
        int[] regressors = new int[leaf.regressors().length];
        for (int i = 0; i < regressors.length; i++) {
            regressors[i] = predictorColumns[leaf.regressors()[i]];
        }
        return new CompiledLeaf(codes, cumulative, cumulative(groups), leaf.mean().clone(), halfWidth, regressors,
                leaf.centers().clone(), leaf.slopes().clone(), leaf.residual());
    }

    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] out = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            out[i] = total > 0 ? acc / total : (i + 1.0) / weights.length;
        }
        if (out.length > 0) {
            out[out.length - 1] = 1;
        }
        return out;
    }

    /** Rows a condition may reject in a row before the condition is called too rare for the model. */
    static final int MAX_ATTEMPTS = 100_000;

    /**
     * Fills rows [0, rows) of the batch's tree-drawn columns from {@code rng}.
     *
     * <p>With {@code stratified} (an output of at most {@link RowSampler#STRATIFIED_ROWS} rows) and no audience, the
     * batch is drawn column by column, stratified within each leaf ({@link #fillByLeaf}). Otherwise it is drawn row by
     * row, each column's draw in a row taking one uniform (see {@link #drawRow}): independent draws from {@code rng},
     * or, stratified with an audience, the batch's rows take them stratified over the whole batch
     * ({@link StratifiedUniforms}), so a column whose leaf is the same in many rows comes out with the leaf's shares
     * and quantiles to about 1/rows instead of 1/√rows.
     *
     * <p>With an audience, row {@code first + r} belongs to the group {@code interleave} gives it and must meet that
     * group's condition: the row is drawn column by column in the model's order and started again as soon as a
     * conditioned column's value fails. That is rejection sampling, so exact (each kept row is a draw from the model
     * given the condition); it stops early, so a condition on the first columns of the order costs little. A row's
     * first attempt takes its stratified uniforms, the retries fresh ones from {@code rng}: each attempt is a draw
     * from the model, independent of the attempts before it, so the kept row is still one given the condition.
     */
    void fill(Batch batch, long first, int rows, UniformRandomProvider rng, Audience audience,
            Interleave interleave, boolean stratified) {
        double[][] numbers = new double[trees.length][];
        int[][] codes = new int[trees.length][];
        for (int t = 0; t < trees.length; t++) {
            if (trees[t].numeric() != null) {
                numbers[t] = batch.numbers(trees[t].target());
            } else {
                codes[t] = batch.codes(trees[t].target());
            }
        }
        boolean conditioned = audience != null && !audience.isEmpty();
        int[][] levels = levels(rows);
        if (stratified && !conditioned) {
            fillByLeaf(numbers, codes, levels, rows, rng);
            return;
        }
        StratifiedUniforms strata = stratified ? new StratifiedUniforms(trees.length, rows, rng) : null;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int r = 0; r < rows; r++) {
            Where where = conditioned ? audience.groups().get(interleave.groupOf(first + r)) : null;
            int attempts = 0;
            while (!drawRow(r, levels, numbers, codes, attempts == 0 ? strata : null, rng, gauss, where)) {
                if (++attempts >= MAX_ATTEMPTS) {
                    throw new ConditionException(ConditionException.Part.WHERE, "the condition is met by fewer than 1"
                            + " in " + MAX_ATTEMPTS + " rows the tree model draws; widen it");
                }
            }
        }
    }

    /**
     * Fills an unconditioned stratified batch column by column in the model's order, stratified within each leaf: the
     * rows are grouped by the leaf the column's tree sends them to (given their columns drawn so far), and each leaf
     * draws its m rows together (see {@link #drawLeaf}). A leaf's outcome shares and value quantiles then come out
     * exact to about 1/m; stratifying over the whole batch instead (row by row) left each leaf's rows an unstratified
     * subset of the batch's strata, and a leaf regression's Φ(w) unstratified altogether. Each row is drawn from its
     * leaf (a regression leaf keeps its rows' order of w and the leaf's own distribution, as the copula's rank map
     * does), and the leaves' draws are independent of one another. From {@link StratifiedUniforms#RANK_MAP_MIN_ROWS}
     * rows on, each column also comes out with its own distribution over the batch, as a copula batch does: the
     * leaves' outcome shares are tilted for the batch ({@link #raked}) and a number's values rank-mapped onto its
     * quantiles ({@link #calibrateValues}). The random stream is consumed column by column, leaf by leaf, row by row,
     * so the batch is a function of the seed and batch index alone.
     */
    private void fillByLeaf(double[][] numbers, int[][] codes, int[][] levels, int rows, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        LeafScratch scratch = new LeafScratch(rows);
        boolean calibrated = rows >= StratifiedUniforms.RANK_MAP_MIN_ROWS; // below, the rank map would weaken ties
        for (int t = 0; t < trees.length; t++) {
            CompiledTree tree = trees[t];
            int leafCount = tree.leaves().length;
            int[] start = new int[leafCount + 1];
            for (int r = 0; r < rows; r++) { // counting sort of the rows by leaf, rows ascending within a leaf
                scratch.leaf[r] = leafOf(tree, levels, r);
                start[scratch.leaf[r] + 1]++;
            }
            double[][] cumulative = calibrated ? raked(tree, start, rows) : null;
            for (int l = 0; l < leafCount; l++) {
                start[l + 1] += start[l];
            }
            int[] next = Arrays.copyOf(start, leafCount);
            for (int r = 0; r < rows; r++) {
                scratch.order[next[scratch.leaf[r]]++] = r;
            }
            for (int l = 0; l < leafCount; l++) {
                int m = start[l + 1] - start[l];
                if (m > 0) {
                    CompiledLeaf leaf = tree.leaves()[l];
                    drawLeaf(tree, leaf, cumulative != null ? cumulative[l] : leaf.cumulative(),
                            Arrays.copyOfRange(scratch.order, start[l], start[l + 1]), numbers[t], codes[t], levels,
                            calibrated, scratch, rng, gauss);
                }
            }
            if (calibrated && tree.numeric() != null && tree.marginal() != null) {
                calibrateValues(tree, numbers[t], levels, rows, scratch, rng);
            }
        }
    }

    /** Most rounds of {@link #raked}'s iterative proportional fitting. */
    private static final int RAKING_ROUNDS = 100;
    /** {@link #raked} stops once every outcome's expected count is this close to its target. */
    private static final double RAKING_TOLERANCE = 0.01;
    /**
     * The most {@link #raked} multiplies (or divides) an outcome's odds by. A batch needs a few percent; the bound
     * keeps a leaf's shares from being overrun when an outcome's only leaves happen to get few rows of the batch.
     */
    private static final double MAX_TILT = 2;

    /**
     * Each leaf's outcome shares for this batch, tilted so that the batch comes out with the column's own shares.
     *
     * <p>Why: each leaf's draws are stratified, but how many of the batch's rows reach a leaf depends on the columns
     * drawn before, so over the batch a column's shares missed the column's own by about 1/√rows, as independent draws
     * do, where the copula's batches hit them to about 1/rows. Given the leaves' row counts {@code m_l} (known before
     * the column is drawn), the outcomes' weights {@code λ_c} are fitted by iterative proportional fitting so that
     * Σ_l m_l·p_l(c)·λ_c / Σ_c' p_l(c')·λ_c' is rows times the column's share of c for every outcome c: the tilted
     * shares are the ones nearest the leaves' own (in Kullback-Leibler divergence) that give the batch the column's
     * shares, so every leaf keeps its odds between two outcomes up to one common factor per outcome, and an outcome a
     * leaf cannot draw stays out of it. The stratified draws then hit the tilted shares within 2 per leaf. No factor
     * goes beyond {@link #MAX_TILT} either way: where that is not enough, the batch stays off the column's shares.
     *
     * @param start per leaf {@code l}, its row count at {@code start[l + 1]}
     * @return per leaf, the tilted cumulative shares in the leaf's outcome order
     */
    private static double[][] raked(CompiledTree tree, int[] start, int rows) {
        boolean numeric = tree.numeric() != null;
        CompiledLeaf[] leaves = tree.leaves();
        int slots = tree.globalCumulative().length;
        double[] target = new double[slots];
        for (int c = 0; c < slots; c++) {
            target[c] = rows * width(tree.globalCumulative(), c);
        }
        double[][] share = new double[leaves.length][slots];
        double[] support = new double[slots];
        for (int l = 0; l < leaves.length; l++) {
            double[] cumulative = leaves[l].cumulative();
            int[] leafCodes = leaves[l].codes();
            for (int i = 0; i < leafCodes.length; i++) {
                int c = slotOf(numeric, leafCodes[i]);
                double p = width(cumulative, i);
                share[l][c] += p;
                support[c] += start[l + 1] * p;
            }
        }
        double[] lambda = new double[slots];
        double drawn = 0; // the column's share of the outcomes the leaves can draw
        for (int c = 0; c < slots; c++) {
            lambda[c] = support[c] > 0 && target[c] > 0 ? 1 : 0; // an outcome no leaf (or the column) draws: none
            drawn += lambda[c] > 0 ? target[c] / rows : 0;
        }
        for (int c = 0; c < slots; c++) {
            target[c] = drawn > 0 ? target[c] / drawn : target[c]; // the batch's rows go to those outcomes alone
        }
        double[] expected = new double[slots];
        for (int round = 0; round < RAKING_ROUNDS; round++) {
            Arrays.fill(expected, 0);
            for (int l = 0; l < leaves.length; l++) {
                int m = start[l + 1];
                if (m == 0) {
                    continue;
                }
                double z = 0;
                for (int c = 0; c < slots; c++) {
                    z += share[l][c] * lambda[c];
                }
                if (z <= 0) {
                    continue;
                }
                for (int c = 0; c < slots; c++) {
                    expected[c] += m * share[l][c] * lambda[c] / z;
                }
            }
            double worst = 0;
            for (int c = 0; c < slots; c++) {
                if (lambda[c] > 0 && expected[c] > 0) {
                    worst = Math.max(worst, Math.abs(expected[c] - target[c]));
                    lambda[c] = Math.min(MAX_TILT, Math.max(1 / MAX_TILT, lambda[c] * target[c] / expected[c]));
                }
            }
            if (worst < RAKING_TOLERANCE) {
                break;
            }
        }
        double[][] out = new double[leaves.length][];
        for (int l = 0; l < leaves.length; l++) {
            int[] leafCodes = leaves[l].codes();
            double[] cumulative = leaves[l].cumulative();
            double[] weights = new double[leafCodes.length];
            double total = 0;
            for (int i = 0; i < leafCodes.length; i++) {
                weights[i] = width(cumulative, i) * lambda[slotOf(numeric, leafCodes[i])];
                total += weights[i];
            }
            out[l] = total > 0 ? cumulative(weights) : cumulative; // a leaf holding only outcomes the batch lacks
        }
        return out;
    }

    /**
     * Writes a numeric column's values, brought over the batch to the column's own distribution: the value rows'
     * positions in it (drawn leaf by leaf, left unwritten by {@link #drawLeaf}) are rank-mapped onto stratified
     * uniforms ({@link StratifiedUniforms#rankMap}) and read through the column's quantile function. The order the
     * leaves gave, and with it the dependence on the columns drawn before, is kept; the values' quantiles become the
     * column's to about 1/rows instead of 1/√rows. Fewer than {@link StratifiedUniforms#RANK_MAP_MIN_ROWS} values are
     * written as drawn.
     */
    private void calibrateValues(CompiledTree tree, double[] numbers, int[][] levels, int rows, LeafScratch scratch,
            UniformRandomProvider rng) {
        int values = 0;
        int[] valueRows = scratch.order;
        double[] positions = scratch.w;
        for (int r = 0; r < rows; r++) {
            if (scratch.outcome[r] >= 0) {
                valueRows[values] = r;
                positions[values++] = scratch.position[r];
            }
        }
        if (values >= StratifiedUniforms.RANK_MAP_MIN_ROWS) {
            StratifiedUniforms.rankMap(positions, values, scratch.keys, rng);
        }
        for (int j = 0; j < values; j++) {
            put(tree, valueRows[j], value(tree, positions[j]), numbers, levels);
        }
    }

    /** An outcome's index among the column's overall outcomes (see {@link #global}). */
    private static int slotOf(boolean numeric, int code) {
        if (numeric) {
            return code == -1 ? 0 : code == -2 ? 1 : 2;
        }
        return code + 1;
    }

    /**
     * Per column, each row's level ({@link Levels}) once the column is drawn, column-major: {@code levels[c][r]}.
     * Columns no tree draws stay at level 0 (one shared array).
     */
    private int[][] levels(int rows) {
        int[][] levels = new int[columns][];
        Arrays.fill(levels, new int[rows]);
        for (CompiledTree tree : trees) {
            levels[tree.target()] = new int[rows];
        }
        return levels;
    }

    /** Scratch arrays of one batch's {@link #fillByLeaf}, reused from column to column and leaf to leaf. */
    private static final class LeafScratch {
        final int[] leaf;
        final int[] order;
        final double[] u;
        final double[] w;
        final int[] valueRows;
        final long[] keys;
        /** A numeric column's outcome per row of the batch (a value, -1 missing, -2 the spike). */
        final int[] outcome;
        /** A numeric value's position in the column's distribution, per row of the batch. */
        final double[] position;

        LeafScratch(int rows) {
            leaf = new int[rows];
            order = new int[rows];
            u = new double[rows];
            w = new double[rows];
            valueRows = new int[rows];
            keys = new long[rows];
            outcome = new int[rows];
            position = new double[rows];
        }
    }

    /**
     * Draws one column in the m rows {@code leafRows} (ascending) that share a leaf.
     *
     * <p>A label: without a regression the rows take m stratified uniforms ({@link StratifiedUniforms#fill}); with
     * one, each row's w = Σ slope·(score − center) + residual·ε (ε an independent N(0, 1)) is rank-mapped onto m
     * stratified uniforms ({@link StratifiedUniforms#rankMap}), which keeps the regression's order (the dependence on
     * the regressors) and stratifies the probability. The outcome is the leaf's at that probability, so each outcome's
     * count is within 2 of m times its share.
     *
     * <p>A number: the outcome (missing, spike, value) comes from m stratified uniforms as a label's does without a
     * regression; the value rows read the value at their uniform's position within the value share, or, with a
     * regression, at their w rank-mapped onto stratified uniforms over those rows. The outcome thus stays independent
     * of the regressors, as in {@link #drawRow}, and the values are stratified within the leaf. With
     * {@code calibrated} the values' positions are only recorded: {@link #calibrateValues} writes them for the batch.
     */
    private void drawLeaf(CompiledTree tree, CompiledLeaf leaf, double[] cumulative, int[] leafRows, double[] numbers,
            int[] codes, int[][] levels, boolean calibrated, LeafScratch scratch, UniformRandomProvider rng,
            ZigguratSampler.NormalizedGaussian gauss) {
        int m = leafRows.length;
        double[] u = scratch.u;
        boolean regression = leaf.regressors().length > 0;
        if (tree.numeric() == null) {
            if (regression) {
                regressionDraws(leaf, leafRows, m, levels, u, scratch.keys, rng, gauss);
            } else {
                StratifiedUniforms.fill(u, m, rng);
            }
            for (int i = 0; i < m; i++) {
                int outcome = leaf.codes()[pick(cumulative, u[i])];
                codes[leafRows[i]] = outcome;
                levels[tree.target()][leafRows[i]] = Levels.ofCode(outcome);
            }
            return;
        }
        StratifiedUniforms.fill(u, m, rng);
        int[] valueRows = scratch.valueRows;
        int values = 0;
        for (int i = 0; i < m; i++) {
            int row = leafRows[i];
            int k = pick(cumulative, u[i]);
            int code = leaf.codes()[k];
            scratch.outcome[row] = code;
            if (code >= 0 && tree.marginal() != null && regression) {
                valueRows[values++] = row; // read below, once the value rows' w are rank-mapped
                continue;
            }
            if (code >= 0 && tree.marginal() != null) {
                double q = position(leaf, within(cumulative, k, u[i]));
                scratch.position[row] = q;
                if (!calibrated) {
                    put(tree, row, value(tree, q), numbers, levels);
                }
            } else {
                put(tree, row, code == -1 ? Double.NaN : tree.numeric().spike().value(), numbers, levels);
            }
        }
        if (values > 0) {
            double[] p = scratch.w;
            regressionDraws(leaf, valueRows, values, levels, p, scratch.keys, rng, gauss);
            for (int j = 0; j < values; j++) {
                double q = position(leaf, p[j]);
                scratch.position[valueRows[j]] = q;
                if (!calibrated) {
                    put(tree, valueRows[j], value(tree, q), numbers, levels);
                }
            }
        }
    }

    /**
     * Into {@code out[0, m)}: the probabilities at which the leaf is read for rows {@code rows[0, m)}. From
     * {@link StratifiedUniforms#RANK_MAP_MIN_ROWS} rows on, the regression's draws w (N(0, 1) residuals from
     * {@code gauss}, in row order, made orthogonal to the regressors over these rows, see {@link #orthogonal})
     * rank-mapped onto m stratified uniforms. With fewer rows the rank order would weaken the regression noticeably,
     * so each row reads Φ(w) with the residual's N(0, 1) as Φ⁻¹ of a stratified uniform: an exact draw per row, with
     * the noise stratified.
     */
    private void regressionDraws(CompiledLeaf leaf, int[] rows, int m, int[][] levels, double[] out, long[] keys,
            UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss) {
        boolean rankMap = m >= StratifiedUniforms.RANK_MAP_MIN_ROWS;
        if (!rankMap) {
            StratifiedUniforms.fill(out, m, rng);
            for (int i = 0; i < m; i++) {
                out[i] = FastNormal.cdf(plusRegression(leaf.residual() * FastNormal.inverse(out[i]), leaf, levels,
                        rows[i]));
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            out[i] = gauss.sample();
        }
        orthogonal(out, leaf, rows, m, levels);
        for (int i = 0; i < m; i++) {
            out[i] = plusRegression(leaf.residual() * out[i], leaf, levels, rows[i]);
        }
        StratifiedUniforms.rankMap(out, m, keys, rng);
    }

    /**
     * Makes the m residual normals {@code e} exactly uncorrelated with the leaf's regressors over rows
     * {@code rows[0, m)}, with mean 0 and mean square 1 (modified Gram-Schmidt against the centred regressor scores).
     * Independent draws are uncorrelated with the regressors only up to about 1/√m, and that chance correlation adds
     * to or takes from the regression's own: with it removed, the batch's w correlate with each regressor as the
     * leaf's regression says, as a leaf's stratified uniforms hit its shares. Each residual stays a symmetric draw
     * independent of the row's other columns except through that constraint.
     */
    private void orthogonal(double[] e, CompiledLeaf leaf, int[] rows, int m, int[][] levels) {
        int[] regressors = leaf.regressors();
        double[][] columns = new double[regressors.length + 1][]; // the regressors' scores, then e
        for (int j = 0; j < regressors.length; j++) {
            int c = regressors[j];
            double[] x = new double[m];
            for (int i = 0; i < m; i++) {
                x[i] = levelScores[c][levels[c][rows[i]]];
            }
            columns[j] = x;
        }
        columns[regressors.length] = e;
        Orthonormal.columns(columns, columns.length, m);
    }

    /** Stores a number drawn for a row, and its level when the column is a predictor. */
    private static void put(CompiledTree tree, int row, double x, double[] numbers, int[][] levels) {
        numbers[row] = x;
        if (tree.predictor()) {
            levels[tree.target()][row] = Levels.ofNumber(tree.cuts(), x);
        }
    }

    /**
     * Draws row r; false as soon as a conditioned column fails its condition.
     *
     * <p>Each column takes one uniform u: row r's from {@code strata}, or a fresh one from {@code rng} when
     * {@code strata} is null. A label is the leaf's outcome at u (through the leaf's regression, see
     * {@link #probability}). A number's outcome (missing, spike or a value) is the leaf's outcome at u, and a value is
     * read at u's position within the value outcome's share: the inverse of the leaf's mixture distribution, so one
     * stratified uniform stratifies the whole column. Without strata a regression's normal comes from {@code gauss}
     * (independent of u, and cheaper than Φ⁻¹(u)).
     */
    private boolean drawRow(int r, int[][] levels, double[][] numbers, int[][] codes, StratifiedUniforms strata,
            UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss, Where where) {
        ZigguratSampler.NormalizedGaussian normals = strata == null ? gauss : null;
        for (int t = 0; t < trees.length; t++) {
            CompiledTree tree = trees[t];
            CompiledLeaf leaf = tree.leaves()[leafOf(tree, levels, r)];
            double u = strata != null ? strata.get(t, r) : StratifiedUniforms.open(rng.nextDouble());
            double[] cumulative = leaf.cumulative();
            ColumnCondition condition = where != null && where.conditioned(tree.target())
                    ? where.column(tree.target()) : null;
            if (tree.numeric() == null) {
                int outcome = leaf.codes()[pick(cumulative, probability(leaf, levels, r, u, normals))];
                if (condition instanceof LabelCondition label && !label.accepts(outcome)) {
                    return false;
                }
                codes[t][r] = outcome;
                levels[tree.target()][r] = Levels.ofCode(outcome);
                continue;
            }
            int i = pick(cumulative, u);
            double x = switch (leaf.codes()[i]) {
                case -1 -> Double.NaN;
                case -2 -> tree.numeric().spike().value();
                default -> tree.marginal() == null ? tree.numeric().spike().value()
                        : read(tree, leaf, probability(leaf, levels, r, within(cumulative, i, u), normals));
            };
            if (condition instanceof RangeCondition range && !range.accepts(x)) {
                return false;
            }
            put(tree, r, x, numbers[t], levels);
        }
        return true;
    }

    /** Where u lies within share i of {@code cumulative} (which holds it), as a uniform in (0, 1). */
    private static double within(double[] cumulative, int i, double u) {
        double width = width(cumulative, i);
        return width > 0 ? StratifiedUniforms.open((u - (i == 0 ? 0 : cumulative[i - 1])) / width) : 0.5;
    }

    /** Share i of {@code cumulative}: its step from the share before. */
    private static double width(double[] cumulative, int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    /**
     * The leaf a column's tree sends row r to, given its levels so far (column-major: {@code levels[c][r]}); as
     * {@link ColumnTree#goesLeft} decides at each node.
     */
    private static int leafOf(CompiledTree tree, int[][] levels, int r) {
        int[] feature = tree.feature();
        int[] next = tree.next();
        long[] low = tree.low();
        int node = 0;
        int f;
        while ((f = feature[node]) >= 0) {
            int level = levels[f][r];
            boolean left = level < Long.SIZE ? (low[node] >>> level & 1) != 0
                    : ColumnTree.goesLeft(tree.left()[node], level);
            node = left ? next[node] : next[node] + 1;
        }
        return next[node];
    }

    /**
     * Each node's first word of left levels (levels 0 to 63, which hold every numeric predictor's and most labels'),
     * so a row's step down the tree reads one long from one array instead of going through the node's own array.
     */
    private static long[] lowWords(long[][] left) {
        long[] low = new long[left.length];
        for (int node = 0; node < left.length; node++) {
            low[node] = left[node] == null || left[node].length == 0 ? 0 : left[node][0];
        }
        return low;
    }

    /**
     * The probability at which a leaf is read for a row whose uniform is u: u itself without a regression, else Φ(w)
     * with w = Σ slope·(score − center) + residual·Φ⁻¹(u), the leaf's Gaussian draw given the row's columns drawn so
     * far (Φ⁻¹(u) is the N(0, 1) draw, so stratified u stratify it). With {@code normals} (independent draws), the
     * N(0, 1) draw is its next one instead, and u is not used.
     */
    private double probability(CompiledLeaf leaf, int[][] levels, int row, double u,
            ZigguratSampler.NormalizedGaussian normals) {
        if (leaf.regressors().length == 0) {
            return u;
        }
        return FastNormal.cdf(plusRegression(leaf.residual() * (normals != null ? normals.sample()
                : FastNormal.inverse(u)), leaf, levels, row));
    }

    /** {@code w} plus the leaf regression's Σ slope·(score − center) for the row's columns drawn so far. */
    private double plusRegression(double w, CompiledLeaf leaf, int[][] levels, int row) {
        int[] regressors = leaf.regressors();
        for (int i = 0; i < regressors.length; i++) {
            int c = regressors[i];
            w += leaf.slopes()[i] * (levelScores[c][levels[c][row]] - leaf.centers()[i]);
        }
        return w;
    }

    /**
     * The value of a leaf at probability u: through the leaf's score groups (if any), the column's quantile function
     * and its rounding.
     */
    private static double read(CompiledTree tree, CompiledLeaf leaf, double u) {
        return value(tree, position(leaf, u));
    }

    /**
     * Where a leaf's probability u falls in the column's own distribution: through the leaf's score groups (uniform
     * within each group's mean ± √3 sd), or u itself in a leaf without groups.
     */
    private static double position(CompiledLeaf leaf, double u) {
        double[] groupCumulative = leaf.groupCumulative();
        if (groupCumulative.length == 0) {
            return u;
        }
        int g = pick(groupCumulative, u);
        double below = g == 0 ? 0 : groupCumulative[g - 1];
        double width = groupCumulative[g] - below;
        double t = width > 0 ? Math.min(1, Math.max(0, (u - below) / width)) : 0.5;
        return Math.min(1, Math.max(0, leaf.mean()[g] + leaf.halfWidth()[g] * (2 * t - 1)));
    }

    /** The column's value at a position in its distribution: its quantile function, then its rounding. */
    private static double value(CompiledTree tree, double position) {
        double x = tree.marginal().quantile(position);
        double factor = tree.rounding();
        return factor > 0 ? Math.rint(x * factor) / factor : x;
    }

    /** The first index whose cumulative share exceeds u. */
    private static int pick(double[] cumulative, double u) {
        int n = cumulative.length;
        if (n <= 8) {
            for (int i = 0; i < n - 1; i++) {
                if (u < cumulative[i]) {
                    return i;
                }
            }
            return n - 1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
