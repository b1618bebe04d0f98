package dev.doppel.mask.generalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * k-anonymity over declared quasi-identifiers (QIs), in two passes that suit streaming. Pass 1: {@link #counter} and
 * {@link #add} per row, which counts distinct QI tuples (memory grows with distinct tuples, not rows). Then
 * {@link #solve} picks one level per QI and returns a {@link KAnonymityPlan}, whose {@link KAnonymityPlan#apply} is
 * pass 2.
 *
 * <p>Search: every node of the generalisation lattice (one level per QI) when it has at most {@value #EXHAUSTIVE_NODES}
 * nodes, else greedy Datafly (raise the QI with the most distinct values until the node qualifies). A node qualifies
 * when the rows in classes smaller than k (which get all their QI cells suppressed) are at most the allowed share of
 * all rows. Among qualifying nodes the search takes the least information loss, defined as the mean over all QI
 * cells of a cell loss: 0 for a missing cell or a value that comes out unchanged, 1 for a value suppressed (by its row
 * or by its hierarchy), and {@code level / top} for a value generalised (ARX's generalisation intensity, "precision",
 * made data-aware so that a rare-values level costs only the rare cells). Ties go to fewer suppressed rows, then the
 * lower sum of levels, then the lexicographically lower levels. The top node (everything suppressed) always
 * qualifies once there are at least k rows.
 *
 * <p>Suppressed rows all become the one all-missing tuple, which is an equivalence class of its own: when it would
 * hold more than 0 but fewer than k rows, the smallest remaining classes are suppressed as well until it reaches k (and
 * those rows count against the share). The result does not depend on the order of the rows.
 *
 * <p>Counting ({@link #add}) is thread-safe; the plan is too.
 */
public final class KAnonymity {
    /** Lattices up to this many nodes are searched exhaustively. */
    public static final long EXHAUSTIVE_NODES = 10_000;

    private final List<Hierarchy> qis;
    private final Map<Tuple, AtomicLong> counts = new ConcurrentHashMap<>();
    private final LongAdder rows = new LongAdder();

    private KAnonymity(List<Hierarchy> qis) {
        if (qis.isEmpty()) {
            throw new IllegalArgumentException("k-anonymity needs at least one quasi-identifier");
        }
        this.qis = List.copyOf(qis);
    }

    /** A counter for pass 1 over the given QIs' hierarchies (in tuple order). */
    public static KAnonymity counter(List<Hierarchy> qis) {
        return new KAnonymity(qis);
    }

    /**
     * Counts one row's QI tuple (null for missing); the array is copied when the tuple is new. Thread-safe: batches of
     * rows may be counted on several threads at once, and the counts do not depend on the order.
     */
    public void add(String[] tuple) {
        addTuple(tuple);
        rows.increment();
    }

    /**
     * {@link #add} without counting the row: for a caller that adds its rows' count at once ({@link #addRows}), so that
     * threads counting batches do not all update one counter per row. Thread-safe.
     */
    public void addTuple(String[] tuple) {
        if (tuple.length != qis.size()) {
            throw new IllegalArgumentException(
                    "a tuple has " + tuple.length + " values for " + qis.size() + " quasi-identifiers");
        }
        AtomicLong count = counts.get(new Tuple(tuple));
        if (count == null) {
            count = counts.computeIfAbsent(new Tuple(tuple.clone()), t -> new AtomicLong());
        }
        count.incrementAndGet();
    }

    /** Counts rows whose tuples were given to {@link #addTuple}. Thread-safe. */
    public void addRows(long n) {
        rows.add(n);
    }

    /**
     * Adds another counter's tuples and rows to this one: counting a table in batches on several threads and merging
     * the batches' counters gives what one counter over all rows gives.
     *
     * @throws IllegalArgumentException when the other counter has another number of quasi-identifiers
     */
    public void merge(KAnonymity other) {
        if (other.qis.size() != qis.size()) {
            throw new IllegalArgumentException("the counters count different quasi-identifiers");
        }
        other.counts.forEach((tuple, count) ->
                counts.computeIfAbsent(tuple, t -> new AtomicLong()).addAndGet(count.get()));
        rows.add(other.rows.sum());
    }

    /** An empty counter over the same quasi-identifiers, e.g. for one batch of rows to {@link #merge} later. */
    public KAnonymity emptyCopy() {
        return new KAnonymity(qis);
    }

    /** Counts every row of in-memory columns, one array per QI (all the same length). */
    public void addColumns(String[][] columns) {
        int n = Columns.rows(columns, qis.size());
        String[] tuple = new String[qis.size()];
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < tuple.length; q++) {
                tuple[q] = columns[q][r];
            }
            add(tuple);
        }
    }

    /** Rows counted so far. */
    public long rows() {
        return rows.sum();
    }

    /** Distinct QI tuples counted so far. */
    public int distinct() {
        return counts.size();
    }

    /**
     * The plan with least information loss that makes every QI combination appear at least k times.
     *
     * @param k the least class size, at least 1
     * @param maxSuppressedShare the largest share of rows (0..1) that may have their QIs suppressed
     * @throws IllegalArgumentException for a bad k or share, or when fewer than k rows (but some) were counted
     */
    public KAnonymityPlan solve(int k, double maxSuppressedShare) {
        return solve(k, maxSuppressedShare, k);
    }

    /**
     * As {@link #solve(int, double)}, with rare-value levels counting values in fewer than {@code rareBelow} rows as
     * rare (rather than fewer than k): {@code solve(1, 0, 5)} measures the k a table reaches when its quasi-identifiers
     * are only coarsened as the profile says, rare values suppressed.
     */
    public KAnonymityPlan solve(int k, double maxSuppressedShare, int rareBelow) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        if (!(maxSuppressedShare >= 0 && maxSuppressedShare <= 1)) {
            throw new IllegalArgumentException("the suppressed share must be between 0 and 1");
        }
        long rows = this.rows.sum();
        if (rows > 0 && rows < k) {
            throw new IllegalArgumentException("k = " + k + " is more than the " + rows + " rows counted");
        }
        Lattice lattice = lattice(rareBelow);
        long allowed = (long) Math.floor(maxSuppressedShare * rows + 1e-9);
        boolean exhaustive = lattice.size() <= EXHAUSTIVE_NODES;
        Lattice.Node best = exhaustive ? exhaustive(lattice, k, allowed) : datafly(lattice, k, allowed);
        return KAnonymityPlan.of(lattice, best, k, exhaustive);
    }

    private Lattice lattice(int k) {
        List<String[]> tuples = new ArrayList<>(counts.size());
        for (Tuple tuple : counts.keySet()) {
            tuples.add(tuple.values().clone());
        }
        tuples.sort(Columns.TUPLE_ORDER);
        long[] weight = new long[tuples.size()];
        List<Map<String, Long>> valueCounts = new ArrayList<>();
        for (int q = 0; q < qis.size(); q++) {
            valueCounts.add(new HashMap<>());
        }
        for (int t = 0; t < weight.length; t++) {
            String[] tuple = tuples.get(t);
            weight[t] = counts.get(new Tuple(tuple)).get();
            for (int q = 0; q < tuple.length; q++) {
                if (tuple[q] != null) {
                    valueCounts.get(q).merge(tuple[q], weight[t], Long::sum);
                }
            }
        }
        List<Hierarchy> fitted = new ArrayList<>();
        for (int q = 0; q < qis.size(); q++) {
            fitted.add(qis.get(q).fit(valueCounts.get(q), k));
        }
        return new Lattice(fitted, tuples.toArray(new String[0][]), weight);
    }

    private static final Comparator<Lattice.Node> BEST = Comparator.comparingDouble(Lattice.Node::loss)
            .thenComparingLong(Lattice.Node::suppressedRows)
            .thenComparingInt(Lattice.Node::levelSum)
            .thenComparing(Lattice.Node::levels, Arrays::compare);

    private static Lattice.Node exhaustive(Lattice lattice, int k, long allowed) {
        int[] levels = new int[lattice.tops.length];
        Lattice.Node best = null;
        while (true) {
            Lattice.Node node = lattice.evaluate(levels, k);
            if (node.suppressedRows() <= allowed && (best == null || BEST.compare(node, best) < 0)) {
                best = node;
            }
            int q = levels.length - 1; // next node: count in mixed radix
            while (q >= 0 && levels[q] == lattice.tops[q]) {
                levels[q--] = 0;
            }
            if (q < 0) {
                return best; // the top node always qualifies, so best is set
            }
            levels[q]++;
        }
    }

    private static Lattice.Node datafly(Lattice lattice, int k, long allowed) {
        int[] levels = new int[lattice.tops.length];
        while (true) {
            Lattice.Node node = lattice.evaluate(levels, k);
            if (node.suppressedRows() <= allowed) {
                return node;
            }
            int raise = -1;
            for (int q = 0; q < levels.length; q++) {
                if (levels[q] < lattice.tops[q]
                        && (raise < 0 || lattice.distinct(q, levels[q]) > lattice.distinct(raise, levels[raise]))) {
                    raise = q;
                }
            }
            levels[raise]++; // some QI is below its top, or the top node would have qualified
        }
    }

    /**
     * The smallest number of times any tuple occurs (identical tuples, missing equal to missing); 0 for none. A
     * measure for a manifest when no k is enforced.
     */
    public static int kReached(Iterable<String[]> tuples) {
        Map<Tuple, long[]> seen = new HashMap<>();
        for (String[] tuple : tuples) {
            seen.computeIfAbsent(new Tuple(tuple.clone()), t -> new long[1])[0]++;
        }
        long min = Long.MAX_VALUE;
        for (long[] count : seen.values()) {
            min = Math.min(min, count[0]);
        }
        return seen.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, min);
    }

    /** {@link #kReached(Iterable)} over in-memory columns, one array per QI. */
    public static int kReached(String[][] columns) {
        int n = Columns.rows(columns, columns.length);
        List<String[]> tuples = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String[] tuple = new String[columns.length];
            for (int q = 0; q < columns.length; q++) {
                tuple[q] = columns[q][r];
            }
            tuples.add(tuple);
        }
        return kReached(tuples);
    }

    @Override
    public String toString() {
        return "KAnonymity[" + qis.size() + " QIs, " + rows.sum() + " rows, " + counts.size() + " distinct]";
    }
}
