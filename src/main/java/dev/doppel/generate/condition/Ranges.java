package dev.doppel.generate.condition;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A set of doubles as a sorted union of disjoint half-open intervals {@code [from, to)}, either end possibly
 * infinite. Closed ends are written with {@link Math#nextUp}: {@code x <= 5} is {@code [-inf, nextUp(5))}, so every
 * comparison ({@code =, <, <=, between}) is exactly one such interval and the set algebra stays simple. Used for the
 * values a numeric condition allows and, by the copula sampler, for the latent scores that produce them. Immutable.
 */
public final class Ranges {
    /** Every double. */
    public static final Ranges ALL = new Ranges(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
    /** No double. */
    public static final Ranges NONE = new Ranges(new double[0]);

    private final double[] bounds; // from0, to0, from1, to1, ...: strictly increasing

    private Ranges(double[] bounds) {
        this.bounds = bounds;
    }

    /** {@code [from, to)}; empty when {@code from >= to}. */
    public static Ranges of(double from, double to) {
        if (!(from < to)) {
            return NONE;
        }
        return new Ranges(new double[] {from == 0 ? 0.0 : from, to == 0 ? 0.0 : to}); // -0.0 is 0.0 here
    }

    /** {@code x >= v}. */
    public static Ranges atLeast(double v) {
        return of(v, Double.POSITIVE_INFINITY);
    }

    /** {@code x > v}. */
    public static Ranges above(double v) {
        return of(Math.nextUp(v), Double.POSITIVE_INFINITY);
    }

    /** {@code x < v}. */
    public static Ranges below(double v) {
        return of(Double.NEGATIVE_INFINITY, v);
    }

    /** {@code x <= v}. */
    public static Ranges atMost(double v) {
        return of(Double.NEGATIVE_INFINITY, Math.nextUp(v));
    }

    /** {@code x == v}. */
    public static Ranges point(double v) {
        return of(v, Math.nextUp(v));
    }

    /** {@code low <= x <= high}. */
    public static Ranges closed(double low, double high) {
        return of(low, Math.nextUp(high));
    }

    public boolean contains(double x) {
        // the last interval whose start is at or below x
        int lo = 0;
        int hi = bounds.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[2 * mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo - 1;
        return i >= 0 && x < bounds[2 * i + 1];
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** True when it holds every double. */
    public boolean isAll() {
        return bounds.length == 2 && bounds[0] == Double.NEGATIVE_INFINITY && bounds[1] == Double.POSITIVE_INFINITY;
    }

    /** The number of intervals. */
    public int size() {
        return bounds.length / 2;
    }

    /** The start of interval i (included). */
    public double from(int i) {
        return bounds[2 * i];
    }

    /** The end of interval i (excluded). */
    public double to(int i) {
        return bounds[2 * i + 1];
    }

    public Ranges union(Ranges other) {
        return combine(this, other, true);
    }

    public Ranges intersect(Ranges other) {
        return combine(this, other, false);
    }

    public Ranges complement() {
        return combine(this, ALL, null);
    }

    /**
     * Both sets cut the line at their bounds; between two consecutive cuts each set is all in or all out, so the result
     * is decided on each piece at its start, and adjacent pieces that are in are joined.
     *
     * @param union true for a union, false for an intersection, null for the complement of {@code a}
     */
    private static Ranges combine(Ranges a, Ranges b, Boolean union) {
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(Double.NEGATIVE_INFINITY);
        for (double v : a.bounds) {
            cuts.add(v);
        }
        for (double v : b.bounds) {
            cuts.add(v);
        }
        cuts.remove(Double.POSITIVE_INFINITY);
        Double[] points = cuts.toArray(new Double[0]);
        double[] out = new double[2 * points.length + 2];
        int n = 0;
        boolean open = false;
        for (double p : points) {
            boolean in = union == null ? !a.contains(p) : union ? a.contains(p) || b.contains(p)
                    : a.contains(p) && b.contains(p);
            if (in && !open) {
                out[n++] = p;
                open = true;
            } else if (!in && open) {
                out[n++] = p;
                open = false;
            }
        }
        if (open) {
            out[n++] = Double.POSITIVE_INFINITY;
        }
        return n == 0 ? NONE : new Ranges(Arrays.copyOf(out, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ranges r && Arrays.equals(bounds, r.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            s.append(i == 0 ? "" : " u ").append('[').append(from(i)).append(", ").append(to(i)).append(')');
        }
        return s.length() == 0 ? "{}" : s.toString();
    }
}
