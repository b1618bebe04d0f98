package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.RowSampling;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.privacy.PrivacyRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Inference (Article 29 WP, criterion 3), after Anonymeter's inference evaluator (Giomi et al. 2022).
 *
 * <p>For a secret column, the attacker knows every other evaluated column of a target person, finds the nearest
 * synthetic row on those columns (Gower distance, training ranges, ties to the smaller row number) and guesses that
 * row's secret. A guess is right when it equals the target's label, or, for a number, lies within
 * {@value #TOLERANCE} of the column's training range of the target's value (5% of the range, the same scale Gower
 * uses; Anonymeter measures relative to the value instead, which is unstable near 0 and for dates); a missing secret
 * is guessed right only by a missing one. Targets are random training rows, the control as many random hold-out rows;
 * the risk is the training success minus the hold-out success, so guesses the population's patterns allow (which a
 * fresh sample gets right as often) do not count. The baseline guesses the secret of a random synthetic row.
 *
 * <p>Secret columns: the schema's sensitive columns; when there are none, the {@code secrets} label columns with the
 * most even spread of values in training (highest entropy, so guessing is not trivial), else the first numeric
 * columns. Results come worst first (highest risk, then highest training success).
 */
final class Inference {
    static final String PREFIX = "inference:";
    /** A numeric guess within this share of the training range counts as right. */
    static final double TOLERANCE = 0.05;

    private Inference() {}

    static List<AttackResult> attack(AttackSetup setup) {
        List<AttackResult> results = new ArrayList<>();
        if (setup.training().columnCount() < 2) {
            return results;
        }
        for (int secret : secrets(setup.training(), setup.settings().secrets())) {
            results.add(attack(setup, secret));
        }
        results.sort(Comparator.comparingDouble((AttackResult r) -> Double.isNaN(r.risk()) ? 1 : 0)
                .thenComparing(Comparator.comparingDouble(AttackResult::risk).reversed())
                .thenComparing(Comparator.comparingDouble(AttackResult::trainingSuccess).reversed())
                .thenComparing(AttackResult::name));
        return results;
    }

    /** The secret columns (schema positions), as described in the class comment. */
    static int[] secrets(EncodedTable training, int count) {
        int[] sensitive = training.schema().withRole(PrivacyRole.SENSITIVE);
        if (sensitive.length > 0) {
            return sensitive;
        }
        int d = training.columnCount();
        int[] labels = IntStream.range(0, d).filter(j -> !training.columns().get(j).numeric()).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -entropy(training.codes(j))).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).limit(count).toArray();
        if (labels.length > 0) {
            return labels;
        }
        return IntStream.range(0, d).limit(count).toArray();
    }

    private static AttackResult attack(AttackSetup setup, int secret) {
        EncodedTable training = setup.training();
        String name = PREFIX + training.columns().get(secret).name();
        EncodedTable synthetic = setup.synthetic();
        int n = setup.targets(setup.settings().inferenceAttacks());
        if (n == 0 || synthetic.rows() == 0) {
            return Proportions.notMade(name);
        }
        int[] known = IntStream.range(0, training.columnCount()).filter(j -> j != secret).toArray();
        GowerSpace space = GowerSpace.over(training, known);
        double tolerance = training.columns().get(secret).numeric()
                ? TOLERANCE * GowerSpace.over(training, new int[] {secret}).range(secret)
                : 0;
        VantagePointTree tree = VantagePointTree.build(space, space.layout(synthetic), setup.seed("inference-tree"));
        int threads = setup.settings().threads();
        int[] trainingTargets = RowSampling.positions(training.rows(), n, setup.seed("inference-training-targets"));
        Neighbours guesses = tree.nearest(space.layout(training, trainingTargets), 1, threads);
        int trainingRight = 0;
        int baselineRight = 0;
        SplittableRandom random = new SplittableRandom(setup.seed("inference-baseline"));
        for (int q = 0; q < n; q++) {
            trainingRight += right(training, trainingTargets[q], synthetic, guesses.row(q, 0), secret, tolerance);
            baselineRight += right(training, trainingTargets[q], synthetic, random.nextInt(synthetic.rows()), secret,
                    tolerance);
        }
        int holdoutRight = -1;
        if (setup.hasHoldout()) {
            int[] holdoutTargets = RowSampling.positions(setup.holdout().rows(), n, setup.seed("inference-holdout-targets"));
            Neighbours controls = tree.nearest(space.layout(setup.holdout(), holdoutTargets), 1, threads);
            holdoutRight = 0;
            for (int q = 0; q < n; q++) {
                holdoutRight += right(setup.holdout(), holdoutTargets[q], synthetic, controls.row(q, 0), secret,
                        tolerance);
            }
        }
        return Proportions.result(name, n, trainingRight, holdoutRight, (double) baselineRight / n);
    }

    /** 1 when the synthetic row's secret is a right guess of the target's, else 0. */
    private static int right(EncodedTable targets, int target, EncodedTable synthetic, int guess, int secret,
            double tolerance) {
        if (targets.columns().get(secret).numeric()) {
            double truth = targets.numbers(secret)[target];
            double guessed = synthetic.numbers(secret)[guess];
            if (Double.isNaN(truth) || Double.isNaN(guessed)) {
                return Double.isNaN(truth) && Double.isNaN(guessed) ? 1 : 0;
            }
            return Math.abs(truth - guessed) <= tolerance ? 1 : 0;
        }
        return targets.codes(secret)[target] == synthetic.codes(secret)[guess] ? 1 : 0;
    }

    /** The entropy (nats) of a label column's codes, missing counted as one more label. */
    private static double entropy(int[] codes) {
        int max = Arrays.stream(codes).max().orElse(-1);
        int[] counts = new int[max + 2];
        for (int c : codes) {
            counts[c + 1]++;
        }
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / codes.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
