package dev.doppel.mask.generalise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of {@link KAnonymity#solve}: a level per quasi-identifier, and the generalised combinations that are
 * kept. {@link #apply} (pass 2) generalises a tuple and suppresses all its QI cells when its combination is not one
 * of the kept ones; a tuple that pass 1 never saw is therefore suppressed too, so the plan errs on the private side.
 *
 * <p>Immutable and thread-safe. It holds generalised values in memory; {@link #toString} and {@link #describe} print
 * only levels and counts, and the plan is not meant to be saved.
 */
public final class KAnonymityPlan {
    private final List<Hierarchy> hierarchies;
    private final int[] levels;
    private final Set<Tuple> kept;
    private final int k;
    private final int kReached;
    private final long rows;
    private final long suppressedRows;
    private final long suppressedCells;
    private final double loss;
    private final boolean optimal;
    /**
     * Up to {@value #MEMO_LIMIT} of the tuples pass 1 counted, each with what {@link #apply} makes of it: one lookup
     * per row instead of a lookup per quasi-identifier plus one of the generalised tuple. Filled by the slow path
     * itself, so the answers are the same; tuples beyond the limit, or never counted, take the slow path.
     */
    private final TupleMemo memo;

    /** The most tuples {@link #memo} holds (in sort order), so its memory stays bounded whatever the distinct tuples. */
    static final int MEMO_LIMIT = 1 << 16;

    private KAnonymityPlan(Lattice lattice, Lattice.Node node, Set<Tuple> kept, int k, long suppressedCells,
            boolean optimal) {
        this.hierarchies = lattice.hierarchies;
        this.levels = node.levels().clone();
        this.kept = new HashSet<>(kept); // only read after construction
        this.k = k;
        this.kReached = node.kReached();
        this.rows = lattice.rows;
        this.suppressedRows = node.suppressedRows();
        this.suppressedCells = suppressedCells;
        this.loss = node.loss();
        this.optimal = optimal;
        int memoSize = Math.min(lattice.tuples.length, MEMO_LIMIT);
        TupleMemo memo = new TupleMemo(memoSize);
        for (int t = 0; t < memoSize; t++) {
            String[] tuple = lattice.tuples[t];
            if (tuple.length == levels.length) {
                memo.put(tuple, generalise(tuple)); // a tuple the memo cannot hold takes the slow path
            }
        }
        this.memo = memo; // only read after construction
    }

    static KAnonymityPlan of(Lattice lattice, Lattice.Node node, int k, boolean optimal) {
        int[] levels = node.levels();
        Set<Tuple> kept = new HashSet<>();
        long cells = 0;
        for (int t = 0; t < lattice.tuples.length; t++) {
            boolean suppressed = node.suppressed()[node.classOf()[t]];
            String[] general = new String[levels.length];
            for (int q = 0; q < levels.length; q++) {
                int code = lattice.codes[q][levels[q]][t];
                general[q] = lattice.labels[q][levels[q]][code];
                if (lattice.tuples[t][q] != null && (suppressed || code == 0)) {
                    cells += lattice.weight[t];
                }
            }
            if (!suppressed) {
                kept.add(new Tuple(general));
            }
        }
        return new KAnonymityPlan(lattice, node, kept, k, cells, optimal);
    }

    /**
     * The tuple generalised by the plan: each QI at its level, or all null when its combination is suppressed. Never
     * null; the argument is not changed.
     */
    public String[] apply(String[] tuple) {
        if (tuple.length != levels.length) {
            throw new IllegalArgumentException(
                    "a tuple has " + tuple.length + " values for " + levels.length + " quasi-identifiers");
        }
        String[] known = memo.get(tuple);
        return known != null ? known.clone() : generalise(tuple);
    }

    /** {@link #apply} without the memo. */
    private String[] generalise(String[] tuple) {
        String[] general = new String[levels.length];
        boolean missing = true;
        for (int q = 0; q < levels.length; q++) {
            general[q] = hierarchies.get(q).apply(tuple[q], levels[q]);
            missing &= general[q] == null;
        }
        return missing || kept.contains(new Tuple(general)) ? general : new String[levels.length];
    }

    /** Applies the plan to in-memory columns, one array per QI (all the same length); returns new columns. */
    public String[][] applyColumns(String[][] columns) {
        int n = Columns.rows(columns, levels.length);
        String[][] out = new String[levels.length][n];
        String[] tuple = new String[levels.length];
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < levels.length; q++) {
                tuple[q] = columns[q][r];
            }
            String[] general = apply(tuple);
            for (int q = 0; q < levels.length; q++) {
                out[q][r] = general[q];
            }
        }
        return out;
    }

    /** The chosen level of each QI, in tuple order. */
    public List<Integer> levels() {
        List<Integer> list = new ArrayList<>();
        for (int level : levels) {
            list.add(level);
        }
        return List.copyOf(list);
    }

    /** What each QI's chosen level does ("bands of 10", "value", "suppressed"), in tuple order. */
    public List<String> describeLevels() {
        List<String> list = new ArrayList<>();
        for (int q = 0; q < levels.length; q++) {
            list.add(hierarchies.get(q).describe(levels[q]));
        }
        return List.copyOf(list);
    }

    /** The k asked for. */
    public int k() {
        return k;
    }

    /** The smallest class after the plan, the all-missing class included (at least k when rows were counted). */
    public int kReached() {
        return kReached;
    }

    /** Rows counted in pass 1. */
    public long rows() {
        return rows;
    }

    /** Rows whose QI cells were all suppressed because their class was too small. */
    public long suppressedRows() {
        return suppressedRows;
    }

    /**
     * QI cells that held a value and end up missing: those of suppressed rows, plus those a hierarchy suppresses at
     * its level (top level, rare values, unreadable cells).
     */
    public long suppressedCells() {
        return suppressedCells;
    }

    /** Information loss in [0, 1], as defined in {@link KAnonymity}. */
    public double informationLoss() {
        return loss;
    }

    /** True when the whole lattice was searched, false when Datafly's greedy path was taken. */
    public boolean optimal() {
        return optimal;
    }

    /** A one-line summary for a manifest: levels and counts, no values. */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "k=%d reached %d over %d rows; levels %s; %d rows and %d cells suppressed; loss %.3f%s",
                k, kReached, rows, describeLevels(), suppressedRows, suppressedCells, loss,
                optimal ? "" : " (greedy search)");
    }

    @Override
    public String toString() {
        return "KAnonymityPlan[" + describe() + "]";
    }
}
