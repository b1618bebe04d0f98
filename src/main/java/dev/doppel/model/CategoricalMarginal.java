package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Labels and their shares. Labels seen fewer than k times are never stored: their rows are pooled in one protected
 * bucket written as {@code rareLabel}. Each label owns an interval of (0, 1) whose width is its share, so a uniform
 * number picks a label (the copula's "frequency interval" encoding).
 *
 * @param labels labels in interval order
 * @param shares their shares, summing to 1
 */
public record CategoricalMarginal(List<String> labels, List<Double> shares) {

    @JsonCreator
    public CategoricalMarginal(@JsonProperty("labels") List<String> labels, @JsonProperty("shares") List<Double> shares) {
        if (labels == null || shares == null || labels.size() != shares.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("labels and shares must have the same, non-zero length");
        }
        double sum = 0;
        for (double s : shares) {
            if (!(s >= 0)) {
                throw new IllegalArgumentException("shares must not be negative");
            }
            sum += s;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("shares must sum to 1");
        }
        this.labels = List.copyOf(labels);
        this.shares = List.copyOf(shares);
    }

    /**
     * Fits from label counts. Booleans keep the given order (false before true); other labels are ordered by
     * decreasing count, ties by label.
     *
     * @param counts label to row count
     * @param k labels with fewer rows are pooled
     * @param rareLabel the label written for the pooled bucket
     * @param fixedOrder the order to keep, or null to order by count
     */
    public static CategoricalMarginal fit(Map<String, Integer> counts, int k, String rareLabel, List<String> fixedOrder) {
        List<String> order = new ArrayList<>(fixedOrder != null ? fixedOrder : counts.keySet());
        if (fixedOrder == null) {
            order.sort(Comparator.<String>comparingInt(l -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
        }
        long total = 0;
        long rare = 0;
        List<String> labels = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (String label : order) {
            int c = counts.getOrDefault(label, 0);
            total += c;
            if (fixedOrder != null || c >= k) {
                labels.add(label);
                kept.add((long) c);
            } else {
                rare += c;
            }
        }
        if (rare > 0) {
            int existing = labels.indexOf(rareLabel);
            if (existing >= 0) {
                kept.set(existing, kept.get(existing) + rare);
            } else {
                labels.add(rareLabel);
                kept.add(rare);
            }
        }
        List<Double> shares = new ArrayList<>(labels.size());
        for (long c : kept) {
            shares.add((double) c / total);
        }
        return new CategoricalMarginal(labels, normalise(shares));
    }

    /** From groups already ordered and pooled (see {@code LabelOrder}), with their row counts. */
    static CategoricalMarginal ofCounts(Map<String, Long> ordered) {
        double total = ordered.values().stream().mapToLong(Long::longValue).sum();
        List<String> labels = new ArrayList<>(ordered.keySet());
        List<Double> shares = new ArrayList<>(labels.size());
        for (String label : labels) {
            shares.add(ordered.get(label) / total);
        }
        return new CategoricalMarginal(labels, normalise(shares));
    }

    private static List<Double> normalise(List<Double> shares) {
        double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
        List<Double> out = new ArrayList<>(shares.size());
        for (double s : shares) {
            out.add(s / sum);
        }
        return out;
    }

    /** The cumulative upper bounds of each label's interval; the last is exactly 1. */
    public double[] cumulative() {
        double[] cum = new double[shares.size()];
        double acc = 0;
        for (int i = 0; i < cum.length; i++) {
            acc += shares.get(i);
            cum[i] = acc;
        }
        cum[cum.length - 1] = 1.0;
        return cum;
    }

    @Override
    public String toString() {
        return "CategoricalMarginal[" + labels.size() + " labels]";
    }
}
