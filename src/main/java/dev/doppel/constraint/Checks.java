package dev.doppel.constraint;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the rows where a constraint applies (every column it mentions is present) and the rows among them that break
 * it. The same checks measure the real data when a model is fitted and the synthetic data in the evaluation report.
 * Numbers compare with a relative slack of 1e-9 on top of the tolerance, for the rounding of the arithmetic itself.
 */
public final class Checks {
    private static final double SLACK = 1e-9;

    private Checks() {}

    /**
     * @param rows rows where every column of the constraint is present
     * @param violations rows among them where it does not hold
     */
    public record Count(long rows, long violations) {
        public Count plus(Count other) {
            return new Count(rows + other.rows, violations + other.violations);
        }
    }

    /** {@code values[0] <= values[1] <= ...} (NaN = missing), all in one unit. */
    public static Count order(double[][] values, int n) {
        double[] units = new double[values.length];
        java.util.Arrays.fill(units, 1);
        return order(values, units, n);
    }

    /**
     * {@code values[0] * units[0] <= values[1] * units[1] <= ...}: dates (epoch days, unit 86,400) and date-times
     * (epoch seconds, unit 1) compare in seconds.
     */
    public static Count order(double[][] values, double[] units, int n) {
        long rows = 0;
        long bad = 0;
        for (int r = 0; r < n; r++) {
            if (anyMissing(values, r)) {
                continue;
            }
            rows++;
            for (int p = 1; p < values.length; p++) {
                if (values[p][r] * units[p] < values[p - 1][r] * units[p - 1]) {
                    bad++;
                    break;
                }
            }
        }
        return new Count(rows, bad);
    }

    /** {@code |total - sum of parts| <= tolerance}. */
    public static Count sum(double[][] parts, double[] total, double tolerance, int n) {
        long rows = 0;
        long bad = 0;
        for (int r = 0; r < n; r++) {
            if (anyMissing(parts, r) || Double.isNaN(total[r])) {
                continue;
            }
            rows++;
            double s = 0;
            for (double[] p : parts) {
                s += p[r];
            }
            if (!close(total[r], s, tolerance)) {
                bad++;
            }
        }
        return new Count(rows, bad);
    }

    /** {@code |target - expression| <= tolerance}; a row whose expression is not finite (a division by 0) breaks it. */
    public static Count formula(Expression x, double[][] inputs, double[] target, double tolerance, int n) {
        long rows = 0;
        long bad = 0;
        double[] v = new double[inputs.length];
        for (int r = 0; r < n; r++) {
            if (anyMissing(inputs, r) || Double.isNaN(target[r])) {
                continue;
            }
            rows++;
            for (int i = 0; i < v.length; i++) {
                v[i] = inputs[i][r];
            }
            double e = x.evaluate(v);
            if (!Double.isFinite(e) || !close(target[r], e, tolerance)) {
                bad++;
            }
        }
        return new Count(rows, bad);
    }

    /** The combinations of codes in rows where every part is present (code >= 0). */
    public static Set<Combination> combinations(int[][] codes, int n) {
        Set<Combination> seen = new HashSet<>();
        for (int r = 0; r < n; r++) {
            int[] key = row(codes, r);
            if (key != null) {
                seen.add(new Combination(key));
            }
        }
        return seen;
    }

    /**
     * Rows whose combination is not in {@code seen}. Rows where a part holds its {@code pooled} code (the model's label
     * for pooled rare labels; -2 when the part has none) are not checked: a pooled label stands for no one combination.
     */
    public static Count allowed(int[][] codes, int n, Set<Combination> seen, int[] pooled) {
        long rows = 0;
        long bad = 0;
        for (int r = 0; r < n; r++) {
            int[] key = row(codes, r);
            if (key == null) {
                continue;
            }
            boolean pool = false;
            for (int p = 0; p < key.length; p++) {
                pool |= key[p] == pooled[p];
            }
            if (pool) {
                continue;
            }
            rows++;
            if (!seen.contains(new Combination(key))) {
                bad++;
            }
        }
        return new Count(rows, bad);
    }

    /** True when {@code a} and {@code b} differ by at most the tolerance (plus the arithmetic's own rounding). */
    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance + SLACK * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Seconds per unit of a column's numbers: 86,400 for dates (epoch days), 1 otherwise. */
    public static double unit(dev.doppel.schema.ColumnKind kind) {
        return kind == dev.doppel.schema.ColumnKind.DATE ? 86_400 : 1;
    }

    private static boolean anyMissing(double[][] values, int r) {
        for (double[] v : values) {
            if (Double.isNaN(v[r])) {
                return true;
            }
        }
        return false;
    }

    private static int[] row(int[][] codes, int r) {
        int[] key = new int[codes.length];
        for (int p = 0; p < codes.length; p++) {
            key[p] = codes[p][r];
            if (key[p] < 0) {
                return null;
            }
        }
        return key;
    }

    /** A combination of label codes, one per column. */
    public record Combination(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Combination c && Arrays.equals(codes, c.codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }

        @Override
        public String toString() {
            return "Combination[" + codes.length + " codes]";
        }
    }
}
