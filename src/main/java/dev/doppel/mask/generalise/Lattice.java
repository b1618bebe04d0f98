package dev.doppel.mask.generalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct quasi-identifier tuples of a table, encoded once per hierarchy level, and the evaluation of one node of
 * the generalisation lattice (one level per QI). Code 0 stands for missing at every level. Package-private: it holds
 * cell values.
 */
final class Lattice {
    /** Largest (classes x codes) table refined by array rather than hash map. */
    private static final long DENSE_LIMIT = 1 << 22;

    final List<Hierarchy> hierarchies;
    final String[][] tuples; // distinct base tuples, sorted
    final long[] weight; // rows per distinct tuple
    final long rows;
    final int[] tops;
    /** [qi][level][tuple]: the generalised value's code, 0 for missing. */
    final int[][][] codes;
    /** [qi][level][code]: the generalised value (index 0 is null). */
    final String[][][] labels;
    /** [qi][level][tuple]: the cell's information loss, see {@link Node#loss}. */
    final double[][][] cellLoss;

    Lattice(List<Hierarchy> hierarchies, String[][] tuples, long[] weight) {
        this.hierarchies = List.copyOf(hierarchies);
        this.tuples = tuples;
        this.weight = weight;
        this.rows = Arrays.stream(weight).sum();
        int qis = hierarchies.size();
        this.tops = new int[qis];
        this.codes = new int[qis][][];
        this.labels = new String[qis][][];
        this.cellLoss = new double[qis][][];
        for (int q = 0; q < qis; q++) {
            Hierarchy h = hierarchies.get(q);
            tops[q] = h.top();
            codes[q] = new int[tops[q] + 1][tuples.length];
            labels[q] = new String[tops[q] + 1][];
            cellLoss[q] = new double[tops[q] + 1][tuples.length];
            for (int level = 0; level <= tops[q]; level++) {
                Map<String, Integer> ids = new HashMap<>();
                List<String> names = new ArrayList<>();
                names.add(null);
                Map<String, String> memo = new HashMap<>(); // base value -> generalised, per level
                for (int t = 0; t < tuples.length; t++) {
                    String base = tuples[t][q];
                    if (base == null) {
                        continue;
                    }
                    final int lv = level;
                    String general = memo.computeIfAbsent(base, v -> h.apply(v, lv));
                    if (general != null) {
                        Integer id = ids.get(general);
                        if (id == null) {
                            id = names.size();
                            ids.put(general, id);
                            names.add(general);
                        }
                        codes[q][level][t] = id;
                        cellLoss[q][level][t] = general.equals(base) ? 0 : (double) level / tops[q];
                    } else {
                        cellLoss[q][level][t] = 1;
                    }
                }
                labels[q][level] = names.toArray(new String[0]);
            }
        }
    }

    /** How many nodes the lattice has; Long.MAX_VALUE when that overflows. */
    long size() {
        long size = 1;
        for (int top : tops) {
            size = size > Long.MAX_VALUE / (top + 1) ? Long.MAX_VALUE : size * (top + 1);
        }
        return size;
    }

    /** Distinct non-missing generalised values of a QI at a level. */
    int distinct(int qi, int level) {
        return labels[qi][level].length - 1;
    }

    /** One node's equivalence classes, which of them are suppressed, and what that costs. */
    Node evaluate(int[] levels, int k) {
        int n = tuples.length;
        int[] classOf = new int[n];
        int classes = 1;
        for (int q = 0; q < levels.length; q++) {
            classes = refine(classOf, classes, codes[q][levels[q]], labels[q][levels[q]].length);
        }
        long[] size = new long[classes];
        int[] first = new int[classes];
        Arrays.fill(first, -1);
        int nullClass = -1;
        for (int t = 0; t < n; t++) {
            int c = classOf[t];
            size[c] += weight[t];
            if (first[c] < 0) {
                first[c] = t;
            }
            if (nullClass < 0 && allMissing(levels, t)) {
                nullClass = c;
            }
        }
        boolean[] suppressed = new boolean[classes];
        long nullRows = nullClass >= 0 ? size[nullClass] : 0;
        long suppressedRows = 0;
        for (int c = 0; c < classes; c++) {
            if (c != nullClass && size[c] < k) {
                suppressed[c] = true;
                suppressedRows += size[c];
            }
        }
        long finalNull = nullRows + suppressedRows;
        if (finalNull > 0 && finalNull < k) {
            // the suppressed rows would form a class smaller than k: suppress the smallest kept classes as well
            List<Integer> kept = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                if (c != nullClass && !suppressed[c]) {
                    kept.add(c);
                }
            }
            kept.sort(Comparator.<Integer>comparingLong(c -> size[c]).thenComparingInt(c -> first[c]));
            for (int i = 0; i < kept.size() && finalNull < k; i++) {
                int c = kept.get(i);
                suppressed[c] = true;
                suppressedRows += size[c];
                finalNull += size[c];
            }
        }
        long smallest = finalNull > 0 ? finalNull : Long.MAX_VALUE;
        for (int c = 0; c < classes; c++) {
            if (c != nullClass && !suppressed[c]) {
                smallest = Math.min(smallest, size[c]);
            }
        }
        double loss = 0;
        for (int t = 0; t < n; t++) {
            boolean gone = suppressed[classOf[t]];
            double tupleLoss = 0;
            for (int q = 0; q < levels.length; q++) {
                tupleLoss += gone ? (tuples[t][q] == null ? 0 : 1) : cellLoss[q][levels[q]][t];
            }
            loss += weight[t] * tupleLoss;
        }
        loss /= Math.max(1, rows) * (double) Math.max(1, levels.length);
        int reached = smallest == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, smallest);
        return new Node(levels.clone(), classOf, suppressed, suppressedRows, reached, loss);
    }

    /** Splits each class by a QI's codes, numbering the new classes densely; returns how many there are. */
    private static int refine(int[] classOf, int classes, int[] code, int codeCount) {
        long cells = (long) classes * codeCount;
        int next = 0;
        if (cells <= DENSE_LIMIT) {
            int[] ids = new int[(int) cells];
            Arrays.fill(ids, -1);
            for (int t = 0; t < classOf.length; t++) {
                int cell = classOf[t] * codeCount + code[t];
                if (ids[cell] < 0) {
                    ids[cell] = next++;
                }
                classOf[t] = ids[cell];
            }
            return next;
        }
        Map<Long, Integer> ids = new HashMap<>();
        for (int t = 0; t < classOf.length; t++) {
            long key = ((long) classOf[t] << 32) | code[t];
            Integer id = ids.get(key);
            if (id == null) {
                id = next++;
                ids.put(key, id);
            }
            classOf[t] = id;
        }
        return next;
    }

    private boolean allMissing(int[] levels, int t) {
        for (int q = 0; q < levels.length; q++) {
            if (codes[q][levels[q]][t] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * An evaluated node.
     *
     * @param levels the level per QI
     * @param classOf the class of each distinct tuple
     * @param suppressed per class: true when its rows get all QI cells suppressed
     * @param suppressedRows rows suppressed (rows whose QIs were all missing already are not counted)
     * @param kReached the smallest class after suppression (the all-missing class included); 0 for no rows
     * @param loss information loss in [0, 1]: the mean over all QI cells of the cell's loss, which is 0 for a
     *     missing cell or a value that comes out unchanged, 1 for a value suppressed (by its row or its hierarchy),
     *     and level/top for a value generalised
     */
    record Node(int[] levels, int[] classOf, boolean[] suppressed, long suppressedRows, int kReached, double loss) {
        int levelSum() {
            return Arrays.stream(levels).sum();
        }

        @Override
        public String toString() {
            return "Node" + Arrays.toString(levels);
        }
    }
}
