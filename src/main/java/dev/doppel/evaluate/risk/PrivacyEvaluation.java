package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.RowSampling;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.PrivacyScores.DistanceSummary;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.evaluate.PrivacyScores.Quantiles;
import dev.doppel.model.Seeds;
import dev.doppel.privacy.PrivacyRole;
import java.util.List;
import java.util.Locale;

/**
 * Measures how much of the training rows a synthetic table gives away, always beside what a fresh real sample (the
 * hold-out) scores, into a {@link PrivacyScores}.
 *
 * <p><b>Distance.</b> Gower's distance over every evaluated column, numbers scaled by the training range (see
 * {@link GowerSpace}); nearest neighbours come exact from vantage-point trees ({@link VantagePointTree}), built once
 * over the rows searched, with queries spread over {@link Settings#threads()} threads.
 *
 * <p><b>Closeness.</b> Up to {@link Settings#maxRows()} synthetic rows and as many hold-out rows, drawn at random,
 * are measured against every training row: the exact-copy rate is the share at distance 0; DCR (distance to closest
 * record) is summarised by its 5th percentile, median and mean; NNDR is nearest / second-nearest training distance
 * (1 where both are 0: the copied row is not singled out among its duplicates, and the copy is already counted as
 * such). The DCR share asks, for each sampled synthetic row, whether its nearest training row is closer than its
 * nearest hold-out row (ties count half). Only a fair race means anything, so both sides hold the same number of
 * rows: the larger of training and hold-out is cut to a random subset of the smaller's size. A generator that learnt
 * the population and not its rows scores 0.5.
 *
 * <p><b>Attacks.</b> Singling out ({@link SinglingOut}), linkability ({@link Linkability}) and inference
 * ({@link Inference}) after Anonymeter, each run on training rows and, as control, hold-out rows; the risk is the
 * difference of success rates with Newcombe's 95% interval ({@link Proportions}).
 *
 * <p><b>k-anonymity</b> of the whole synthetic table over the quasi-identifiers ({@link KAnonymity}).
 *
 * <p>Without a hold-out, every hold-out figure is NaN (null for the hold-out quantiles), and so are the attack risks.
 * Every random choice (samples, vantage rows, attack targets and predicates) is drawn from seeds derived from
 * {@link Settings#seed()} and a purpose, never from data, and work is split so that each item's result is its own:
 * the same seed gives the same scores on any number of threads.
 */
public final class PrivacyEvaluation {
    private PrivacyEvaluation() {}

    /**
     * How the evaluation samples and attacks.
     *
     * @param seed the root of every random choice
     * @param maxRows at most this many synthetic rows, and as many hold-out rows, are measured (a uniform random sample
     *     when there are more); also the synthetic rows the attacks work from
     * @param singlingOutAttacks predicates written for the singling-out attack
     * @param linkabilityAttacks target rows per side for the linkability attack
     * @param inferenceAttacks target rows per side and secret column for the inference attack
     * @param secrets how many label columns to attack when the schema declares no sensitive column
     * @param threads threads for neighbour searches and predicate counts (results do not depend on it)
     */
    public record Settings(
            long seed,
            int maxRows,
            int singlingOutAttacks,
            int linkabilityAttacks,
            int inferenceAttacks,
            int secrets,
            int threads) {

        /** Rows measured by default: 10,000 keeps a 100k-row evaluation to seconds. */
        public static final int DEFAULT_MAX_ROWS = 10_000;
        /** Attacks per kind by default: rates to within about ±3 points (95%) at worst. */
        public static final int DEFAULT_ATTACKS = 1_000;
        /** Secret columns attacked by default when none is declared sensitive. */
        public static final int DEFAULT_SECRETS = 3;

        public Settings {
            if (maxRows < 1) {
                throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
            }
            if (singlingOutAttacks < 0 || linkabilityAttacks < 0 || inferenceAttacks < 0 || secrets < 0) {
                throw new IllegalArgumentException("attack counts must not be negative");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }

        /** The defaults: 10,000 rows, 1,000 attacks of each kind, 3 secrets, one thread per available core. */
        public static Settings defaults(long seed) {
            return new Settings(seed, DEFAULT_MAX_ROWS, DEFAULT_ATTACKS, DEFAULT_ATTACKS, DEFAULT_ATTACKS,
                    DEFAULT_SECRETS, Runtime.getRuntime().availableProcessors());
        }

        public Settings withThreads(int newThreads) {
            return new Settings(seed, maxRows, singlingOutAttacks, linkabilityAttacks, inferenceAttacks, secrets,
                    newThreads);
        }

        public Settings withMaxRows(int newMaxRows) {
            return new Settings(seed, newMaxRows, singlingOutAttacks, linkabilityAttacks, inferenceAttacks, secrets,
                    threads);
        }

        /** The same number of attacks for each kind. */
        public Settings withAttacks(int attacks) {
            return new Settings(seed, maxRows, attacks, attacks, attacks, secrets, threads);
        }
    }

    /**
     * The privacy scores of {@code synthetic} against {@code training}, with {@code holdout} as the control.
     *
     * @param training the real rows the generator learnt from; at least one row
     * @param synthetic the generated rows, encoded with the same schema
     * @param holdout real rows of the same population the generator never saw, same schema; null when there are none
     * @throws IllegalArgumentException when the tables do not share one schema, or training has no row or no column
     */
    public static PrivacyScores measure(EncodedTable training, EncodedTable synthetic, EncodedTable holdout,
            Settings settings) {
        check(training, synthetic, holdout);
        int threads = settings.threads();
        GowerSpace space = GowerSpace.over(training);
        VantagePointTree trainingTree = VantagePointTree.build(space, space.layout(training), seed(settings, "tree"));

        EncodedTable sample = synthetic.select(
                RowSampling.positions(synthetic.rows(), settings.maxRows(), seed(settings, "synthetic-sample")));
        Neighbours toTraining = trainingTree.nearest(space.layout(sample), 2, threads);
        double[] dcr = toTraining.nearest();

        Quantiles holdoutDcr = null;
        Quantiles holdoutNndr = null;
        double holdoutCopies = Double.NaN;
        double dcrShare = Double.NaN;
        EncodedTable trainingEqual;
        EncodedTable holdoutEqual = null;
        if (holdout != null) {
            EncodedTable holdoutSample = holdout.select(
                    RowSampling.positions(holdout.rows(), settings.maxRows(), seed(settings, "holdout-sample")));
            Neighbours holdoutToTraining = trainingTree.nearest(space.layout(holdoutSample), 2, threads);
            holdoutCopies = DistanceStats.zeroShare(holdoutToTraining.nearest());
            holdoutDcr = DistanceStats.quantiles(holdoutToTraining.nearest());
            holdoutNndr = DistanceStats.quantiles(DistanceStats.ratios(holdoutToTraining));

            int equal = Math.min(training.rows(), holdout.rows());
            int[] trainingRows = RowSampling.positions(training.rows(), equal, seed(settings, "training-equal"));
            int[] holdoutRows = RowSampling.positions(holdout.rows(), equal, seed(settings, "holdout-equal"));
            trainingEqual = training.select(trainingRows);
            holdoutEqual = holdout.select(holdoutRows);
            double[] toTrainingEqual = equal == training.rows()
                    ? dcr
                    : nearest(space, space.layout(training, trainingRows), space.layout(sample), settings, "tree-te");
            double[] toHoldout =
                    nearest(space, space.layout(holdout, holdoutRows), space.layout(sample), settings, "tree-he");
            dcrShare = DistanceStats.closerShare(toTrainingEqual, toHoldout);
        } else {
            trainingEqual = training.select(
                    RowSampling.positions(training.rows(), settings.maxRows(), seed(settings, "training-equal")));
        }

        AttackSetup setup = new AttackSetup(training, holdout, sample, trainingEqual, holdoutEqual, settings);
        AttackResult singlingOut = SinglingOut.attack(setup);
        AttackResult linkability = Linkability.attack(setup);
        List<AttackResult> inference = Inference.attack(setup);
        KAnonymityResult kAnonymity = KAnonymity.measure(synthetic, training);

        return new PrivacyScores(
                DistanceStats.zeroShare(dcr),
                holdoutCopies,
                new DistanceSummary(DistanceStats.quantiles(dcr), holdoutDcr),
                dcrShare,
                new DistanceSummary(DistanceStats.quantiles(DistanceStats.ratios(toTraining)), holdoutNndr),
                singlingOut,
                linkability,
                List.copyOf(inference),
                kAnonymity,
                method(space, training, synthetic, sample, holdout, trainingEqual, setup, inference.size()));
    }

    private static void check(EncodedTable training, EncodedTable synthetic, EncodedTable holdout) {
        if (synthetic.schema() != training.schema() || holdout != null && holdout.schema() != training.schema()) {
            throw new IllegalArgumentException("the tables were not encoded with one schema");
        }
        if (training.rows() == 0) {
            throw new IllegalArgumentException("the training table has no rows");
        }
        if (training.columnCount() == 0) {
            throw new IllegalArgumentException("no column is evaluated");
        }
    }

    /** Each query's nearest distance among {@code indexed}. */
    private static double[] nearest(GowerSpace space, GowerRows indexed, GowerRows queries, Settings settings,
            String purpose) {
        VantagePointTree tree = VantagePointTree.build(space, indexed, seed(settings, purpose));
        return tree.nearest(queries, 1, settings.threads()).nearest();
    }

    private static long seed(Settings settings, String purpose) {
        return seed(settings.seed(), purpose);
    }

    /** The seed of one random choice, from the evaluation's seed and the choice's purpose; {@link Closeness} uses it too. */
    static long seed(long root, String purpose) {
        return Seeds.derive(root, "privacy", purpose);
    }

    /** The method in plain words: counts and choices only, never a value. */
    private static String method(GowerSpace space, EncodedTable training, EncodedTable synthetic,
            EncodedTable sample, EncodedTable holdout, EncodedTable trainingEqual, AttackSetup setup, int secrets) {
        int numbers = 0;
        for (int j = 0; j < training.columnCount(); j++) {
            numbers += training.columns().get(j).numeric() ? 1 : 0;
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Gower distance over %d columns (%d numeric, scaled by the training range "
                        + "and capped at 1; %d labels, 0 when equal and 1 otherwise; a missing cell is 1 from a value "
                        + "and 0 from another missing cell), averaged. ", space.columnCount(), numbers,
                space.columnCount() - numbers));
        s.append(String.format(Locale.ROOT, "Exact nearest neighbours from a vantage-point tree over all %,d training "
                        + "rows, for %s synthetic rows", training.rows(), sampled(sample.rows(), synthetic.rows())));
        if (holdout != null) {
            int holdoutMeasured = Math.min(holdout.rows(), setup.settings().maxRows());
            s.append(String.format(Locale.ROOT, " and %s hold-out rows", sampled(holdoutMeasured, holdout.rows())));
        }
        s.append("; NNDR is 1 where the two nearest training rows are both at distance 0. ");
        if (holdout != null) {
            s.append(String.format(Locale.ROOT, "DCR share: nearest of %,d training rows against nearest of %,d "
                            + "hold-out rows (the larger side cut at random to the smaller's size), ties counting half. ",
                    trainingEqual.rows(), trainingEqual.rows()));
        } else {
            s.append("No hold-out: hold-out figures, the DCR share and attack risks are not measured. ");
        }
        int[][] halves = Linkability.halves(training);
        s.append(String.format(Locale.ROOT, "Attacks after Anonymeter (Giomi et al. 2022) on the synthetic rows "
                        + "measured: singling out with up to %d predicates on %,d training%s rows; linkability of %d target "
                        + "rows per side on %s; inference of %d secret column%s from the other columns, %d target rows "
                        + "per side. Risk = training success - hold-out success, 95%% Newcombe interval. ",
                setup.settings().singlingOutAttacks(), trainingEqual.rows(),
                holdout != null ? " and as many hold-out" : "",
                setup.targets(setup.settings().linkabilityAttacks()),
                halves == null ? "no columns (fewer than two evaluated)" : String.format(Locale.ROOT,
                        "two halves of %d and %d %s", halves[0].length, halves[1].length,
                        training.schema().withRole(PrivacyRole.QUASI_IDENTIFIER).length >= 2
                                ? "quasi-identifiers" : "columns"),
                secrets, secrets == 1 ? "" : "s", setup.targets(setup.settings().inferenceAttacks())));
        s.append(String.format(Locale.ROOT, "k-anonymity over the quasi-identifiers of all %,d synthetic rows. Seed %d.",
                synthetic.rows(), setup.settings().seed()));
        return s.toString();
    }

    private static String sampled(int measured, int total) {
        return measured == total
                ? String.format(Locale.ROOT, "all %,d", total)
                : String.format(Locale.ROOT, "%,d of %,d (random sample)", measured, total);
    }
}
