package dev.doppel.evaluate.utility;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The scores the utility measures report, with scikit-learn's definitions so figures compare across tools. */
public final class Metrics {
    private Metrics() {}

    /**
     * Area under the ROC curve by the rank statistic: the share of (positive, negative) pairs in which the positive
     * scores higher, ties counting one half (Mann-Whitney U / (n1 n0), equal to mid-rank AUC). Computed by sorting
     * each side and walking both once. 0.5 means the scores do not separate the classes; NaN when either class is
     * absent.
     */
    public static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException(n + " scores but " + positive.length + " labels");
        }
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double[] pos = new double[positives];
        double[] neg = new double[n - positives];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double pairs = 0;
        int below = 0; // negatives strictly below the current positive score
        int upTo = 0; // negatives at or below it
        for (double s : pos) {
            while (below < neg.length && neg[below] < s) {
                below++;
            }
            upTo = Math.max(upTo, below);
            while (upTo < neg.length && neg[upTo] <= s) {
                upTo++;
            }
            pairs += below + 0.5 * (upTo - below);
        }
        return pairs / ((double) pos.length * neg.length);
    }

    /**
     * Macro-averaged F1: per class, {@code F1 = 2 TP / (2 TP + FP + FN)}, averaged with equal weight over the classes
     * that occur in {@code actual} or {@code predicted} (scikit-learn's {@code f1_score(average="macro")}). NaN for no
     * rows.
     */
    public static double macroF1(int[] actual, int[] predicted) {
        check(actual.length, predicted.length);
        Map<Integer, long[]> perClass = new HashMap<>(); // {TP, FP, FN}
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                perClass.computeIfAbsent(actual[i], c -> new long[3])[0]++;
            } else {
                perClass.computeIfAbsent(predicted[i], c -> new long[3])[1]++;
                perClass.computeIfAbsent(actual[i], c -> new long[3])[2]++;
            }
        }
        if (perClass.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (long[] c : perClass.values()) {
            sum += 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
        }
        return sum / perClass.size();
    }

    /** The share of rows predicted right; NaN for no rows. */
    public static double accuracy(int[] actual, int[] predicted) {
        check(actual.length, predicted.length);
        long right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += actual[i] == predicted[i] ? 1 : 0;
        }
        return actual.length == 0 ? Double.NaN : (double) right / actual.length;
    }

    /**
     * The coefficient of determination {@code 1 - sum (y - yhat)^2 / sum (y - mean y)^2} about the scored rows' own
     * mean (scikit-learn's {@code r2_score}): 1 is perfect, 0 is no better than the mean, negative is worse. NaN for
     * fewer than two rows or a constant {@code actual}.
     */
    public static double rSquared(double[] actual, double[] predicted) {
        check(actual.length, predicted.length);
        int n = actual.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : actual) {
            mean += v;
        }
        mean /= n;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return total > 0 ? 1 - residual / total : Double.NaN;
    }

    private static void check(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException(a + " actual values but " + b + " predictions");
        }
    }
}
