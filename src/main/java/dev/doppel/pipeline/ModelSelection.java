package dev.doppel.pipeline;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.RowSampling;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.fidelity.Fidelity;
import dev.doppel.evaluate.risk.Closeness;
import dev.doppel.evaluate.risk.PrivacyEvaluation;
import dev.doppel.model.FitSettings;
import dev.doppel.model.Seeds;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code model: auto}: fits the copula and the tree model on a training split of the (masked) rows, samples as many
 * rows from each, and scores them against that split with the report's fidelity (SDMetrics quality) and against the
 * validation split with its privacy numbers (DCR share, exact copies). The better-scoring model among those that pass
 * the privacy bar wins (DCR share at most {@value #DCR_SHARE_BAR}, and no more exact copies of training rows than
 * the validation rows themselves have); when neither passes, the one with the lower DCR share. The chosen model is then
 * fitted on all rows by the caller; {@link Outcome#reason()} says why, with the numbers, and goes into the model's notes.
 *
 * <p>Above {@value #MAX_COMPARED_ROWS} rows the comparison runs on a seeded random subset of that many rows (split
 * 75/25 as any table): its cost then stays bounded while the final fit grows with the table. Candidates are sampled in
 * memory ({@link InMemorySample}), and the privacy work that depends on the real rows alone is done once for both
 * ({@link Closeness}).
 */
public final class ModelSelection {
    /** Share of synthetic rows nearer a training row than a validation row above which a model is too close. */
    public static final double DCR_SHARE_BAR = 0.55;
    /** Rows kept out of the selection's fitting, to measure privacy against. */
    static final double VALIDATION_SHARE = 0.25;
    /** Rows sampled and measured per candidate, at most. */
    static final int MAX_ROWS = 20_000;
    /** Rows measured per candidate for privacy, at most (synthetic and validation rows each). */
    static final int MAX_PRIVACY_ROWS = 5_000;
    /**
     * Above this many rows the candidates are compared on a random subset of this many: 15,000 training rows and
     * 5,000 validation rows. On the shared datasets above it (adult, 32,561 rows; bank_marketing, 45,211) and on
     * their random halves the choice and its margins stayed as on all rows (README, "Choosing a model"), while the
     * comparison's cost stopped growing with the table.
     */
    static final int MAX_COMPARED_ROWS = 20_000;
    /** Below this many rows the comparison would be noise: the copula is kept. */
    static final int MIN_ROWS = 200;
    /** How the model note giving auto's choice and its reasons starts. */
    static final String NOTE = "model auto: ";
    /**
     * Above this many rows auto keeps the copula without trying the tree: the comparison fits the tree twice (on the
     * split, then on all rows), which on a million rows takes minutes where the copula takes seconds. {@code --model
     * tree} still fits one.
     */
    public static final int MAX_TREE_ROWS = 100_000;

    private ModelSelection() {}

    /**
     * One candidate's scores.
     *
     * @param type the model
     * @param quality SDMetrics-style overall quality against the training split
     * @param dcrShare share of synthetic rows nearer training than validation rows (0.5 = as a fresh sample)
     * @param exactCopies share of synthetic rows equal to a training row
     * @param validationCopies the same share for validation rows (real data repeats rows too)
     * @param copiesMargin how far above {@code validationCopies} the copies may read before they count as more:
     *     the sampling noise of the two shares (see {@link #copiesMargin})
     */
    public record Candidate(ModelChoice.Type type, double quality, double dcrShare, double exactCopies,
            double validationCopies, double copiesMargin) {
        /** A candidate compared without margin: any share of copies above the validation rows' fails. */
        public Candidate(ModelChoice.Type type, double quality, double dcrShare, double exactCopies,
                double validationCopies) {
            this(type, quality, dcrShare, exactCopies, validationCopies, 0);
        }

        public boolean passes() {
            return !(dcrShare > DCR_SHARE_BAR) && !(exactCopies > validationCopies + copiesMargin + 1e-9);
        }
    }

    /**
     * Two standard errors of the difference between two shares of copies measured on {@code syntheticRows} and
     * {@code validationRows} rows, at the validation rows' share p: 2·√(p·(1 − p)·(1/n₁ + 1/n₂)). Where real rows
     * repeat (a table masked down to a few columns can have most of its rows equal to another), the two shares
     * differ by sampling alone, and without a margin both candidates could fail on noise; where real rows never
     * repeat (p = 0) the margin is 0 and a single copy fails.
     */
    static double copiesMargin(double validationCopies, int syntheticRows, int validationRows) {
        if (!(validationCopies > 0) || syntheticRows <= 0 || validationRows <= 0) {
            return 0;
        }
        double p = Math.min(1, validationCopies);
        return 2 * Math.sqrt(p * (1 - p) * (1.0 / syntheticRows + 1.0 / validationRows));
    }

    /**
     * @param chosen the model to fit
     * @param candidates what each scored (empty when too few rows to compare)
     * @param reason one line, with numbers, no values
     */
    public record Outcome(ModelChoice.Type chosen, List<Candidate> candidates, String reason) {}

    /**
     * @param masked the rows the model will learn, masked
     * @param settings k and the rare label
     * @param choice the tree settings
     * @param seed splits and samples
     * @param threads worker threads
     */
    public static Outcome choose(Fitting.Masked masked, FitSettings settings, ModelChoice choice, long seed,
            int threads) {
        RawTable table = masked.table();
        if (table.rows() > MAX_TREE_ROWS) { // decided before the split, which would copy every cell for nothing
            return new Outcome(ModelChoice.Type.COPULA, List.of(), String.format(Locale.ROOT, NOTE + "copula"
                    + " (%,d rows: above %,d auto does not try the tree model, whose fit would take minutes; ask for"
                    + " model tree to fit one)", table.rows(), MAX_TREE_ROWS));
        }
        RawTable compared = compared(table, seed);
        HoldoutSplit split = HoldoutSplit.of(compared, VALIDATION_SHARE, seed ^ 0x4155544fL);
        if (table.rows() < MIN_ROWS || split.holdout() == null) {
            return new Outcome(ModelChoice.Type.COPULA, List.of(), NOTE + "copula (only " + table.rows()
                    + " rows, too few to compare models on a validation split)");
        }
        Fitting.Masked training = new Fitting.Masked(split.training(), masked.specs(), masked.given(), masked.plan(),
                masked.setup(), masked.stage());
        TableEncoder encoder = new TableEncoder(EvalSchema.of(masked.specs(), masked.plan().roles()));
        EncodedTable real = encoder.encodeReal(split.training());
        EncodedTable validation = encoder.encode(split.holdout());
        int rows = Math.min(MAX_ROWS, split.training().rows());
        Closeness closeness = Closeness.of(real, validation,
                new PrivacyEvaluation.Settings(seed, Math.min(rows, MAX_PRIVACY_ROWS), 0, 0, 0, 0, threads));
        List<Candidate> candidates = new ArrayList<>();
        SynthModel copula = Fitting.fit(training, settings, "selection");
        TreeSettings tree = candidateSettings(choice.tree(), table.rows(), settings.minGroup());
        for (ModelChoice.Type type : List.of(ModelChoice.Type.COPULA, ModelChoice.Type.TREE)) {
            SynthModel model = type == ModelChoice.Type.COPULA ? copula // the tree model builds on the same copula fit
                    : TreeFitter.fit(copula, training.table(), training.specs(), tree, threads);
            EncodedTable synthetic = InMemorySample.draw(model, rows, seed, threads, encoder);
            double quality = Fidelity.score(real, synthetic).scores().overall();
            Closeness.Scores privacy = closeness.measure(synthetic);
            candidates.add(new Candidate(type, quality, privacy.dcrShare(), privacy.exactCopies(),
                    closeness.holdoutCopies(), copiesMargin(closeness.holdoutCopies(),
                            Math.min(rows, MAX_PRIVACY_ROWS), Math.min(validation.rows(), MAX_PRIVACY_ROWS))));
        }
        return decide(candidates, compared.rows(), table.rows());
    }

    /**
     * The rows the candidates are compared on: all of them up to {@value #MAX_COMPARED_ROWS}, else a uniform random
     * subset of that many (drawn with {@code seed}, in the table's order).
     */
    static RawTable compared(RawTable table, long seed) {
        if (table.rows() <= MAX_COMPARED_ROWS) {
            return table;
        }
        return HoldoutSplit.rows(table, RowSampling.positions(table.rows(), MAX_COMPARED_ROWS,
                Seeds.derive(seed, "auto", "compared-rows")));
    }

    /**
     * The tree candidate's settings: an automatic minimum leaf is worked out from all the rows, as the fit after the
     * choice will, not from the smaller validation split's training rows. Otherwise the candidate could be judged with
     * smaller leaves than the model that ships, or (between 200 and 266 rows, where the split falls below
     * {@link TreeSettings#MIN_SPLIT_ROWS}) without the splits it will have.
     */
    static TreeSettings candidateSettings(TreeSettings tree, int rows, int k) {
        if (tree.minLeaf() != 0) {
            return tree;
        }
        return new TreeSettings(TreeSettings.automaticMinLeaf(rows, k), tree.maxDepth(), tree.order(), tree.smoothing(),
                tree.significance());
    }

    /** The decision, given the candidates' scores, compared on all rows. */
    static Outcome decide(List<Candidate> candidates) {
        return decide(candidates, 0, 0);
    }

    /**
     * The decision, given the candidates' scores.
     *
     * @param compared the rows the candidates were compared on
     * @param rows all rows; when more than {@code compared}, the reason says the comparison used a subset
     */
    static Outcome decide(List<Candidate> candidates, int compared, int rows) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (c.passes() && (best == null || c.quality() > best.quality())) {
                best = c;
            }
        }
        String why;
        if (best != null) {
            why = "the best quality among the models that pass the privacy bar";
        } else {
            for (Candidate c : candidates) {
                if (best == null || c.dcrShare() < best.dcrShare()) {
                    best = c;
                }
            }
            why = "no model passed the privacy bar; the one farthest from its training rows";
        }
        StringBuilder sb = new StringBuilder(NOTE + best.type().key() + " (" + why + "; on a "
                + Math.round(VALIDATION_SHARE * 100) + "% validation split"
                + (rows > compared ? String.format(Locale.ROOT, " of a random %,d of the %,d rows", compared, rows) : "")
                + ":");
        for (Candidate c : candidates) {
            sb.append(String.format(Locale.ROOT, " %s quality %.3f, DCR share %.3f, exact copies %.4f%s;",
                    c.type().key(), c.quality(), c.dcrShare(), c.exactCopies(), c.passes() ? "" : " (fails)"));
        }
        sb.setLength(sb.length() - 1);
        Candidate first = candidates.get(0);
        sb.append(String.format(Locale.ROOT, "; bar: DCR share <= %.2f, copies <= the validation rows' %.4f%s)",
                DCR_SHARE_BAR, first.validationCopies(), first.copiesMargin() > 0
                        ? String.format(Locale.ROOT, " + %.4f (sampling noise)", first.copiesMargin()) : ""));
        return new Outcome(best.type(), List.copyOf(candidates), sb.toString());
    }
}
