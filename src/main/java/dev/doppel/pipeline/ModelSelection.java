package dev.doppel.pipeline;

import dev.doppel.error.OutputException;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.fidelity.Fidelity;
import dev.doppel.evaluate.risk.PrivacyEvaluation;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class ModelSelection {
    /** Share of synthetic rows nearer a training row than a validation row above which a model is too close. */
    public static final double DCR_SHARE_BAR = 0.55;
    /** Rows kept out of the selection's fitting, to measure privacy against. */
    static final double VALIDATION_SHARE = 0.25;
    /** Rows sampled and measured per candidate, at most. */
    static final int MAX_ROWS = 20_000;
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
     */
    public record Candidate(ModelChoice.Type type, double quality, double dcrShare, double exactCopies,
            double validationCopies) {
        public boolean passes() {
            return !(dcrShare > DCR_SHARE_BAR) && !(exactCopies > validationCopies + 1e-9);
        }
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
        HoldoutSplit split = HoldoutSplit.of(table, VALIDATION_SHARE, seed ^ 0x4155544fL);
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
        List<Candidate> candidates = new ArrayList<>();
        SynthModel copula = Fitting.fit(training, settings, "selection");
        TreeSettings tree = candidateSettings(choice.tree(), table.rows(), settings.minGroup());
        for (ModelChoice.Type type : List.of(ModelChoice.Type.COPULA, ModelChoice.Type.TREE)) {
            SynthModel model = type == ModelChoice.Type.COPULA ? copula // the tree model builds on the same copula fit
                    : TreeFitter.fit(copula, training.table(), training.specs(), tree, threads);
            EncodedTable synthetic = encoder.encode(sample(model, rows, seed, threads));
            double quality = Fidelity.score(real, synthetic).scores().overall();
            PrivacyScores privacy = PrivacyEvaluation.measure(real, synthetic, validation,
                    new PrivacyEvaluation.Settings(seed, Math.min(rows, 5_000), 0, 0, 0, 0, threads));
            candidates.add(new Candidate(type, quality, privacy.dcrShare(), privacy.exactCopyRate(),
                    privacy.holdoutExactCopyRate()));
        }
        return decide(candidates);
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

    /** The decision, given the candidates' scores. */
    static Outcome decide(List<Candidate> candidates) {
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
                + Math.round(VALIDATION_SHARE * 100) + "% validation split:");
        for (Candidate c : candidates) {
            sb.append(String.format(Locale.ROOT, " %s quality %.3f, DCR share %.3f, exact copies %.4f%s;",
                    c.type().key(), c.quality(), c.dcrShare(), c.exactCopies(), c.passes() ? "" : " (fails)"));
        }
        sb.setLength(sb.length() - 1);
        sb.append(String.format(Locale.ROOT, "; bar: DCR share <= %.2f, copies <= the validation rows' %.4f)",
                DCR_SHARE_BAR, candidates.get(0).validationCopies()));
        return new Outcome(best.type(), List.copyOf(candidates), sb.toString());
    }

    private static RawTable sample(SynthModel model, int rows, long seed, int threads) {
        Path temp = null;
        try {
            temp = Files.createTempFile("doppel-select", ".csv");
            Sampling.run(new SampleRequest(model, rows, seed, threads, OutputFormat.CSV, Compression.SNAPPY, temp,
                    true), Progress.NONE);
            return TableReaders.read(temp, ReadOptions.DEFAULTS);
        } catch (IOException e) {
            throw new OutputException("model selection: a temporary file cannot be written ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it up
                }
            }
        }
    }
}
