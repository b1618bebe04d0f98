package dev.doppel.model.tree;

import dev.doppel.error.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the trees draw the columns. Named columns come first, in the order given; the rest follow
 * greedily by dependence: first the column most dependent on all others, then, each time, the one most dependent on
 * those already drawn (dependence = symmetric uncertainty 2·I(X;Y)/(H(X)+H(Y)) of the columns' levels, which, unlike
 * mutual information, does not favour columns with many labels). So columns that explain much are drawn early and
 * serve as predictors for the rest. Ties go to the column that comes first in the table.
 */
final class VisitOrder {
    private VisitOrder() {}

    /**
     * @param names the columns' names, in table order
     * @param levels per column, per row its level
     * @param levelCounts per column, its number of levels
     * @param first columns to draw first, in this order
     * @return the columns' indices in drawing order
     */
    static int[] of(List<String> names, List<int[]> levels, int[] levelCounts, List<String> first) {
        int m = names.size();
        List<Integer> out = new ArrayList<>(m);
        boolean[] taken = new boolean[m];
        for (String name : first) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new InputException("model.order: column '" + name
                        + "' is not a numeric or categorical column of the model");
            }
            if (taken[i]) {
                throw new InputException("model.order: column '" + name + "' is named twice");
            }
            taken[i] = true;
            out.add(i);
        }
        double[][] su = new double[m][m];
        double[] entropy = new double[m];
        for (int i = 0; i < m; i++) {
            entropy[i] = entropy(levels.get(i), levelCounts[i]);
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double h = entropy[i] + entropy[j];
                double joint = jointEntropy(levels.get(i), levelCounts[i], levels.get(j), levelCounts[j]);
                double value = h > 0 ? 2 * (h - joint) / h : 0;
                su[i][j] = su[j][i] = Math.max(0, value);
            }
        }
        while (out.size() < m) {
            int best = -1;
            double bestScore = -1;
            for (int i = 0; i < m; i++) {
                if (taken[i]) {
                    continue;
                }
                double s = 0;
                for (int j = 0; j < m; j++) {
                    if (j != i && (out.isEmpty() || taken[j])) {
                        s += su[i][j];
                    }
                }
                if (s > bestScore + 1e-12) {
                    bestScore = s;
                    best = i;
                }
            }
            taken[best] = true;
            out.add(best);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double entropy(int[] level, int count) {
        long[] freq = new long[count];
        for (int v : level) {
            freq[v]++;
        }
        return entropyOf(freq, level.length);
    }

    private static double jointEntropy(int[] a, int countA, int[] b, int countB) {
        long[] freq = new long[countA * countB];
        for (int r = 0; r < a.length; r++) {
            freq[a[r] * countB + b[r]]++;
        }
        return entropyOf(freq, a.length);
    }

    private static double entropyOf(long[] freq, int n) {
        double h = 0;
        for (long f : freq) {
            if (f > 0) {
                double p = (double) f / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
