package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.RowSampling;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.privacy.PrivacyRole;
import java.util.Arrays;

/**
 * Linkability (Article 29 WP, criterion 2), after Anonymeter's linkability evaluator (Giomi et al. 2022).
 *
 * <p>The attacker holds two records of the same person from two sources, each with a different, disjoint set of
 * columns (A and B), and wants to know they belong together. For each target row, the attacker finds its
 * {@value #NEIGHBOURS} nearest synthetic row(s) by Gower distance on A alone and on B alone (ties to the smaller row
 * number); the target is linked when the two neighbour sets share a synthetic row, that is, when the synthetic data
 * ties the two halves of the person together. Targets are random training rows; the control is the same number of
 * random hold-out rows, whose halves the synthetic data can only tie together by the population's patterns. The risk
 * is the training link rate minus the hold-out one.
 *
 * <p>Columns: the quasi-identifiers when the schema declares at least two (an attacker's auxiliary data is what
 * identifies people), else every evaluated column; either way split alternately, in schema order, into A (1st, 3rd,
 * ...) and B (2nd, 4th, ...). Gower's numeric ranges are the training table's. The baseline is an attacker who picks
 * the neighbours at random: two random k-sets out of m synthetic rows meet with probability 1 - C(m-k, k) / C(m, k),
 * which is 1/m for k = 1.
 */
final class Linkability {
    static final String NAME = "linkability";
    /** Neighbours per half, Anonymeter's default. */
    static final int NEIGHBOURS = 1;

    private Linkability() {}

    static AttackResult attack(AttackSetup setup) {
        int[][] halves = halves(setup.training());
        int n = setup.targets(setup.settings().linkabilityAttacks());
        EncodedTable synthetic = setup.synthetic();
        if (halves == null || n == 0 || synthetic.rows() == 0) {
            return Proportions.notMade(NAME);
        }
        int threads = setup.settings().threads();
        GowerSpace spaceA = GowerSpace.over(setup.training(), halves[0]);
        GowerSpace spaceB = GowerSpace.over(setup.training(), halves[1]);
        VantagePointTree treeA = VantagePointTree.build(spaceA, spaceA.layout(synthetic), setup.seed("link-tree-a"));
        VantagePointTree treeB = VantagePointTree.build(spaceB, spaceB.layout(synthetic), setup.seed("link-tree-b"));
        int[] trainingTargets = RowSampling.positions(setup.training().rows(), n, setup.seed("link-training-targets"));
        int trainingLinks = links(setup.training(), trainingTargets, spaceA, treeA, spaceB, treeB, threads);
        int holdoutLinks = -1;
        if (setup.hasHoldout()) {
            int[] holdoutTargets = RowSampling.positions(setup.holdout().rows(), n, setup.seed("link-holdout-targets"));
            holdoutLinks = links(setup.holdout(), holdoutTargets, spaceA, treeA, spaceB, treeB, threads);
        }
        return Proportions.result(NAME, n, trainingLinks, holdoutLinks, randomLinkChance(synthetic.rows()));
    }

    /** The two column sets A and B (schema positions), or null when fewer than two columns are evaluated. */
    static int[][] halves(EncodedTable training) {
        int[] columns = training.schema().withRole(PrivacyRole.QUASI_IDENTIFIER);
        if (columns.length < 2) {
            columns = new int[training.columnCount()];
            Arrays.setAll(columns, j -> j);
        }
        if (columns.length < 2) {
            return null;
        }
        int[] a = new int[(columns.length + 1) / 2];
        int[] b = new int[columns.length / 2];
        for (int i = 0; i < columns.length; i++) {
            if (i % 2 == 0) {
                a[i / 2] = columns[i];
            } else {
                b[i / 2] = columns[i];
            }
        }
        return new int[][] {a, b};
    }

    /** How many targets' A-neighbours and B-neighbours share a synthetic row. */
    private static int links(EncodedTable table, int[] targets, GowerSpace spaceA, VantagePointTree treeA,
            GowerSpace spaceB, VantagePointTree treeB, int threads) {
        Neighbours a = treeA.nearest(spaceA.layout(table, targets), NEIGHBOURS, threads);
        Neighbours b = treeB.nearest(spaceB.layout(table, targets), NEIGHBOURS, threads);
        int links = 0;
        for (int q = 0; q < targets.length; q++) {
            links += linked(a, b, q) ? 1 : 0;
        }
        return links;
    }

    private static boolean linked(Neighbours a, Neighbours b, int q) {
        for (int i = 0; i < a.k(); i++) {
            for (int j = 0; j < b.k(); j++) {
                if (a.row(q, i) >= 0 && a.row(q, i) == b.row(q, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The chance that two random sets of {@value #NEIGHBOURS} rows out of m meet. */
    static double randomLinkChance(int m) {
        int k = Math.min(NEIGHBOURS, m);
        double apart = 1;
        for (int i = 0; i < k; i++) {
            apart *= (double) Math.max(0, m - k - i) / (m - i);
        }
        return 1 - apart;
    }
}
