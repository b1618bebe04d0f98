package dev.doppel.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Orders a categorical column's labels for the copula. A Gaussian copula can only carry dependence that is monotone in
 * the order of the labels' intervals, and frequency order is arbitrary (Basic, Premium, Plus). So labels are placed by
 * their position on the first principal axis of their mean rank scores in every ordered column (numbers, dates,
 * booleans): an optimal-scaling order, under which "Premium" sits beside the high fees and "two-year" beside the long
 * tenures. Labels seen fewer than k times are pooled first and placed as one group.
 */
final class LabelOrder {
    private LabelOrder() {}

    /**
     * One ordered column's rank scores: row r's score is {@code midRanks[r] / scale} (the mid-rank over the present
     * values divided by their count plus one, so in (0, 1)); NaN when missing. Kept as the ranks themselves, which the
     * fit holds anyway for the Spearman reference, rather than as a second array per column.
     */
    record Reference(double[] midRanks, double scale) {
        double at(int row) {
            double v = midRanks[row];
            return Double.isNaN(v) ? Double.NaN : v / scale;
        }
    }

    /**
     * @param labels the column's cells (null = missing)
     * @param counts label to row count
     * @param k labels with fewer rows are pooled
     * @param rareLabel the pooled group's label
     * @param referenceScores per ordered column, per row a score in [0, 1] (NaN = missing); asked for only when
     *     there are more than two groups to order
     * @return the groups in order, each with its row count
     */
    static LinkedHashMap<String, Long> of(String[] labels, Map<String, Integer> counts, int k, String rareLabel,
            Supplier<List<Reference>> referenceScores) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        Map<String, Long> groupCount = new LinkedHashMap<>();
        List<String> byCount = new ArrayList<>(counts.keySet());
        byCount.sort(Comparator.<String>comparingInt(l -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
        for (String label : byCount) {
            String group = counts.get(label) >= k ? label : rareLabel;
            groupOf.put(label, group);
            groupCount.merge(group, (long) counts.get(label), Long::sum);
        }
        List<String> groups = new ArrayList<>(groupCount.keySet());
        int g = groups.size();
        if (g <= 2) {
            return frequencyOrder(groups, groupCount);
        }
        List<Reference> references = referenceScores.get();
        int j = references.size();
        if (j == 0) {
            return frequencyOrder(groups, groupCount);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < g; i++) {
            index.put(groups.get(i), i);
        }
        double[][] sum = new double[g][j];
        double[][] seen = new double[g][j];
        int[] groupOfRow = new int[labels.length]; // -1 when missing
        String last = null;
        int lastGroup = -1;
        for (int r = 0; r < labels.length; r++) {
            String label = labels[r];
            if (label == null) {
                groupOfRow[r] = -1;
            } else {
                if (label != last) { // cells of a label column are mostly the same few string objects
                    last = label;
                    lastGroup = index.get(groupOf.get(label));
                }
                groupOfRow[r] = lastGroup;
            }
        }
        // column by column: each (group, column) sum still adds its rows in row order
        for (int c = 0; c < j; c++) {
            Reference reference = references.get(c);
            for (int r = 0; r < labels.length; r++) {
                int row = groupOfRow[r];
                if (row < 0) {
                    continue;
                }
                double v = reference.at(r);
                if (!Double.isNaN(v)) {
                    sum[row][c] += v;
                    seen[row][c]++;
                }
            }
        }
        double total = 0;
        double[] weight = new double[g];
        for (int i = 0; i < g; i++) {
            weight[i] = groupCount.get(groups.get(i));
            total += weight[i];
        }
        double[][] mean = new double[g][j];
        for (int c = 0; c < j; c++) {
            double overall = 0;
            double overallSeen = 0;
            for (int i = 0; i < g; i++) {
                overall += sum[i][c];
                overallSeen += seen[i][c];
            }
            double centre = overallSeen > 0 ? overall / overallSeen : 0.5;
            for (int i = 0; i < g; i++) {
                mean[i][c] = (seen[i][c] > 0 ? sum[i][c] / seen[i][c] : centre) - centre;
            }
        }
        double[] axis = firstAxis(mean, weight, total);
        double[] position = new double[g];
        for (int i = 0; i < g; i++) {
            for (int c = 0; c < j; c++) {
                position[i] += mean[i][c] * axis[c];
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> position[i])
                .thenComparing(i -> -weight[i])
                .thenComparing(groups::get));
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (int i : order) {
            out.put(groups.get(i), groupCount.get(groups.get(i)));
        }
        return out;
    }

    private static LinkedHashMap<String, Long> frequencyOrder(List<String> groups, Map<String, Long> groupCount) {
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (String group : groups) {
            out.put(group, groupCount.get(group));
        }
        return out;
    }

    /** The leading eigenvector of the weighted covariance of the group means (power iteration), sign fixed. */
    private static double[] firstAxis(double[][] mean, double[] weight, double total) {
        int j = mean[0].length;
        double[][] cov = new double[j][j];
        for (int i = 0; i < mean.length; i++) {
            for (int a = 0; a < j; a++) {
                for (int b = 0; b < j; b++) {
                    cov[a][b] += weight[i] / total * mean[i][a] * mean[i][b];
                }
            }
        }
        double[] v = new double[j];
        java.util.Arrays.fill(v, 1 / Math.sqrt(j));
        for (int iter = 0; iter < 100; iter++) {
            double[] next = new double[j];
            double norm = 0;
            for (int a = 0; a < j; a++) {
                for (int b = 0; b < j; b++) {
                    next[a] += cov[a][b] * v[b];
                }
                norm += next[a] * next[a];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                break;
            }
            for (int a = 0; a < j; a++) {
                next[a] /= norm;
            }
            v = next;
        }
        int largest = 0;
        for (int a = 1; a < j; a++) {
            if (Math.abs(v[a]) > Math.abs(v[largest])) {
                largest = a;
            }
        }
        if (v[largest] < 0) {
            for (int a = 0; a < j; a++) {
                v[a] = -v[a];
            }
        }
        return v;
    }
}
