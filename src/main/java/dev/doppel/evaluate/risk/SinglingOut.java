package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.risk.Predicate.Op;
import dev.doppel.model.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Singling out (Article 29 WP, criterion 1), after Anonymeter's singling-out evaluator (Giomi et al. 2022).
 *
 * <p>The attacker writes predicates that each match exactly one synthetic row, betting that the one real person
 * behind it exists too. Two kinds, half the budget each (the univariate kind runs out early on tables with few rare
 * values, and the multivariate kind fills the rest):
 *
 * <ul>
 *   <li>univariate: a label or number held by exactly one synthetic row ("column = v"), "column is missing" when
 *       one synthetic row lacks the column, "column &le; min" or "column &ge; max" when the extreme value is held by
 *       one row;
 *   <li>multivariate: a random synthetic row and {@value #CONJUNCTION_COLUMNS} random columns, each condition
 *       "column = v" for labels, "column &ge; v" for a number above the synthetic median and "column &le; v" otherwise,
 *       kept when the conjunction matches that row alone.
 * </ul>
 *
 * A predicate succeeds on a table when it matches exactly one of its rows. Success depends on how many rows are
 * searched, so the training and hold-out tables are cut to the same size first (a random subset of the larger one).
 * The risk is the success rate on training rows minus that on hold-out rows: predicates written from the synthetic
 * data single out a training person more often than an unseen one only if the generator kept something of that
 * person. The baseline writes the same number of predicates, of the same sizes, with random columns, random
 * operators and values drawn uniformly from each column's distinct synthetic values, without checking that they
 * single out a synthetic row; its success is measured on the training rows.
 */
final class SinglingOut {
    static final String NAME = "singling_out";
    /** Columns in a multivariate predicate, Anonymeter's usual choice. */
    static final int CONJUNCTION_COLUMNS = 3;
    /** Multivariate attempts allowed per predicate wanted before giving up. */
    private static final int ATTEMPTS_PER_QUERY = 20;
    /** The operators a random numeric condition draws from. */
    private static final Op[] COMPARISONS = {Op.EQUALS, Op.AT_MOST, Op.AT_LEAST};

    private SinglingOut() {}

    static AttackResult attack(AttackSetup setup) {
        EncodedTable synthetic = setup.synthetic();
        int budget = setup.settings().singlingOutAttacks();
        if (synthetic.rows() == 0 || setup.trainingEqual().rows() == 0 || budget == 0) {
            return Proportions.notMade(NAME);
        }
        int threads = setup.settings().threads();
        List<Predicate> queries = new ArrayList<>(univariate(synthetic, budget / 2, setup.seed("singling-out-uni")));
        int univariateCount = queries.size();
        queries.addAll(multivariate(synthetic, budget - univariateCount, new HashSet<>(queries),
                setup.seed("singling-out-multi"), threads));
        int trainingHits = singledOut(queries, setup.trainingEqual(), threads);
        int holdoutHits = setup.hasHoldout() ? singledOut(queries, setup.holdoutEqual(), threads) : -1;
        List<Predicate> guesses = random(synthetic, univariateCount, queries.size() - univariateCount,
                setup.seed("singling-out-baseline"));
        int baselineHits = singledOut(guesses, setup.trainingEqual(), threads);
        double baseline = guesses.isEmpty() ? Double.NaN : (double) baselineHits / guesses.size();
        return Proportions.result(NAME, queries.size(), trainingHits, holdoutHits, baseline);
    }

    /** How many predicates match exactly one row of {@code table}. */
    static int singledOut(List<Predicate> predicates, EncodedTable table, int threads) {
        boolean[] hit = new boolean[predicates.size()];
        Workers.run(predicates.size(), threads, () -> null, (none, from, to) -> {
            for (int i = from; i < to; i++) {
                hit[i] = predicates.get(i).countUpToTwo(table) == 1;
            }
        });
        int hits = 0;
        for (boolean h : hit) {
            hits += h ? 1 : 0;
        }
        return hits;
    }

    /** Up to {@code budget} one-column predicates that each match one synthetic row, in seeded random order. */
    static List<Predicate> univariate(EncodedTable synthetic, int budget, long seed) {
        List<Predicate> found = new ArrayList<>();
        for (int c = 0; c < synthetic.columnCount(); c++) {
            int missing = 0;
            for (int row = 0; row < synthetic.rows(); row++) {
                missing += synthetic.missing(c, row) ? 1 : 0;
            }
            if (missing == 1) {
                found.add(Predicate.of(c, Op.MISSING, 0));
            }
            double[] present = sortedPresent(synthetic, c);
            if (present.length == 0) {
                continue;
            }
            if (synthetic.columns().get(c).numeric()) {
                if (present.length == 1 || present[1] != present[0]) {
                    found.add(Predicate.of(c, Op.AT_MOST, present[0]));
                }
                int last = present.length - 1;
                if (present.length == 1 || present[last - 1] != present[last]) {
                    found.add(Predicate.of(c, Op.AT_LEAST, present[last]));
                }
            }
            for (int i = 0; i < present.length; i++) {
                boolean alone = (i == 0 || present[i - 1] != present[i])
                        && (i == present.length - 1 || present[i + 1] != present[i]);
                if (alone) {
                    found.add(Predicate.of(c, Op.EQUALS, present[i]));
                }
            }
        }
        shuffle(found, new SplittableRandom(seed));
        return List.copyOf(found.subList(0, Math.min(budget, found.size())));
    }

    /**
     * Up to {@code budget} multivariate predicates that each match one synthetic row, none in {@code seen}. Candidate
     * i is drawn from its own seed and checked in parallel; candidates are accepted in order of i, so the result does
     * not depend on the thread count.
     */
    static List<Predicate> multivariate(EncodedTable synthetic, int budget, Set<Predicate> seen, long seed,
            int threads) {
        int width = Math.min(CONJUNCTION_COLUMNS, synthetic.columnCount());
        double[] medians = medians(synthetic);
        List<Predicate> accepted = new ArrayList<>();
        long attempts = (long) budget * ATTEMPTS_PER_QUERY;
        long next = 0;
        while (accepted.size() < budget && next < attempts) {
            int batch = (int) Math.min(attempts - next, Math.max(256, 2L * (budget - accepted.size())));
            Predicate[] candidates = new Predicate[batch];
            boolean[] unique = new boolean[batch];
            long first = next;
            Workers.run(batch, threads, () -> null, (none, from, to) -> {
                for (int i = from; i < to; i++) {
                    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "q", first + i));
                    candidates[i] = fromRow(synthetic, random.nextInt(synthetic.rows()),
                            columns(synthetic.columnCount(), width, random), medians);
                    unique[i] = candidates[i].countUpToTwo(synthetic) == 1;
                }
            });
            for (int i = 0; i < batch && accepted.size() < budget; i++) {
                if (unique[i] && seen.add(candidates[i])) {
                    accepted.add(candidates[i]);
                }
            }
            next += batch;
        }
        return accepted;
    }

    /**
     * The baseline's predicates: {@code single} one-column and {@code multi} multi-column ones with random columns,
     * operators and values (uniform over each column's distinct synthetic values).
     */
    static List<Predicate> random(EncodedTable synthetic, int single, int multi, long seed) {
        int d = synthetic.columnCount();
        double[][] distinct = new double[d][];
        List<Integer> usable = new ArrayList<>();
        for (int c = 0; c < d; c++) {
            distinct[c] = Arrays.stream(sortedPresent(synthetic, c)).distinct().toArray();
            if (distinct[c].length > 0) {
                usable.add(c);
            }
        }
        List<Predicate> guesses = new ArrayList<>();
        if (usable.isEmpty()) {
            return guesses;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int q = 0; q < single + multi; q++) {
            int width = Math.min(q < single ? 1 : CONJUNCTION_COLUMNS, usable.size());
            int[] picked = columns(usable.size(), width, random);
            int[] columns = new int[width];
            Op[] ops = new Op[width];
            double[] values = new double[width];
            for (int i = 0; i < width; i++) {
                int c = usable.get(picked[i]);
                columns[i] = c;
                values[i] = distinct[c][random.nextInt(distinct[c].length)];
                ops[i] = synthetic.columns().get(c).numeric() ? COMPARISONS[random.nextInt(COMPARISONS.length)] : Op.EQUALS;
            }
            guesses.add(Predicate.of(columns, ops, values));
        }
        return guesses;
    }

    private static Predicate fromRow(EncodedTable table, int row, int[] columns, double[] medians) {
        Op[] ops = new Op[columns.length];
        double[] values = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            if (table.missing(c, row)) {
                ops[i] = Op.MISSING;
            } else if (table.columns().get(c).numeric()) {
                values[i] = table.numbers(c)[row];
                ops[i] = values[i] > medians[c] ? Op.AT_LEAST : Op.AT_MOST;
            } else {
                values[i] = table.codes(c)[row];
                ops[i] = Op.EQUALS;
            }
        }
        return Predicate.of(columns, ops, values);
    }

    /** {@code width} distinct positions out of 0..n-1, drawn at random. */
    private static int[] columns(int n, int width, SplittableRandom random) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < width; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, width);
    }

    /** The present values of a column (numbers, or label codes as numbers), sorted. */
    private static double[] sortedPresent(EncodedTable table, int column) {
        double[] x;
        if (table.columns().get(column).numeric()) {
            x = Arrays.stream(table.numbers(column)).filter(v -> !Double.isNaN(v)).toArray();
        } else {
            x = Arrays.stream(table.codes(column)).filter(v -> v != EncodedTable.MISSING).asDoubleStream().toArray();
        }
        Arrays.sort(x);
        return x;
    }

    private static double[] medians(EncodedTable table) {
        double[] medians = new double[table.columnCount()];
        for (int c = 0; c < medians.length; c++) {
            if (table.columns().get(c).numeric()) {
                double[] x = sortedPresent(table, c);
                medians[c] = x.length == 0 ? Double.NaN : DistanceStats.percentile(x, 0.5);
            }
        }
        return medians;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
