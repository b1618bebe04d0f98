package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a text column without any of its values: which lengths occur, and per character position which
 * characters may stand there (whole classes such as digits or upper-case letters, and punctuation marks, each only when
 * at least k rows have it at that position). {@code 7590-VHVEG} becomes length 10 with digits, digits, digits, digits,
 * "-", then upper-case letters.
 *
 * @param lengths the lengths that occur (each in at least k rows, rare lengths folded into the nearest)
 * @param lengthShares their shares
 * @param positions per position the characters allowed there
 */
public record TextShape(List<Integer> lengths, List<Double> lengthShares, List<String> positions) {
    /** Longest shape kept; longer values are generated at this length. */
    public static final int MAX_LENGTH = 64;
    private static final String DIGITS = "0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    @JsonCreator
    public TextShape(
            @JsonProperty("lengths") List<Integer> lengths,
            @JsonProperty("length_shares") List<Double> lengthShares,
            @JsonProperty("positions") List<String> positions) {
        if (lengths == null || lengthShares == null || positions == null || lengths.isEmpty()
                || lengths.size() != lengthShares.size()) {
            throw new IllegalArgumentException("text shape: lengths and shares must match");
        }
        for (int len : lengths) {
            if (len < 0 || len > positions.size()) {
                throw new IllegalArgumentException("text shape: a length exceeds the positions");
            }
        }
        for (String p : positions) {
            if (p == null || p.isEmpty()) {
                throw new IllegalArgumentException("text shape: an empty position");
            }
        }
        this.lengths = List.copyOf(lengths);
        this.lengthShares = List.copyOf(lengthShares);
        this.positions = List.copyOf(positions);
    }

    /** Learns the shape of the non-null values; {@code singleLength} keeps only the most common length (identifiers). */
    public static TextShape fit(String[] values, int k, boolean singleLength) {
        Map<Integer, Integer> lengthCounts = new HashMap<>();
        int[][] classCounts = new int[MAX_LENGTH][4];
        List<Map<Character, Integer>> others = new ArrayList<>();
        for (int i = 0; i < MAX_LENGTH; i++) {
            others.add(new HashMap<>());
        }
        boolean hexUpper = true;
        boolean hexLower = true;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            int len = Math.min(v.length(), MAX_LENGTH);
            lengthCounts.merge(len, 1, Integer::sum);
            for (int i = 0; i < len; i++) {
                char c = v.charAt(i);
                int cls = classOf(c);
                if (cls < 3) {
                    classCounts[i][cls]++;
                    hexUpper &= cls != 1 || c <= 'F';
                    hexLower &= cls != 2 || c <= 'f';
                } else {
                    others.get(i).merge(c, 1, Integer::sum);
                }
            }
        }
        List<Integer> lengths = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        chooseLengths(lengthCounts, k, singleLength, lengths, shares);
        int maxLen = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> positions = new ArrayList<>(maxLen);
        for (int i = 0; i < maxLen; i++) {
            StringBuilder allowed = new StringBuilder();
            // a class (or a punctuation mark) counts at a position only when at least k rows have it there
            if (classCounts[i][0] >= k) {
                allowed.append(DIGITS);
            }
            if (classCounts[i][1] >= k) {
                allowed.append(hexUpper ? "ABCDEF" : UPPER);
            }
            if (classCounts[i][2] >= k) {
                allowed.append(hexLower ? "abcdef" : LOWER);
            }
            others.get(i).entrySet().stream()
                    .filter(e -> e.getValue() >= k)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .forEach(allowed::append);
            if (allowed.length() == 0) {
                allowed.append(DIGITS).append(LOWER); // too few rows to say anything about this position
            }
            positions.add(allowed.toString());
        }
        if (maxLen == 0) {
            positions.add(LOWER);
        }
        return new TextShape(lengths, shares, positions);
    }

    private static void chooseLengths(
            Map<Integer, Integer> counts, int k, boolean single, List<Integer> lengths, List<Double> shares) {
        int mode = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(0);
        if (single) {
            lengths.add(mode);
            shares.add(1.0);
            return;
        }
        Map<Integer, Integer> kept = new HashMap<>();
        counts.forEach((len, c) -> {
            if (c >= k) {
                kept.put(len, c);
            }
        });
        if (kept.isEmpty()) {
            kept.put(mode, 1);
        } else {
            counts.forEach((len, c) -> {
                if (c < k) {
                    int nearest = kept.keySet().stream()
                            .min((a, b) -> Integer.compare(Math.abs(a - len), Math.abs(b - len)) != 0
                                    ? Integer.compare(Math.abs(a - len), Math.abs(b - len))
                                    : Integer.compare(a, b))
                            .orElseThrow();
                    kept.merge(nearest, c, Integer::sum);
                }
            });
        }
        double total = kept.values().stream().mapToInt(Integer::intValue).sum();
        kept.keySet().stream().sorted().forEach(len -> {
            lengths.add(len);
            shares.add(kept.get(len) / total);
        });
    }

    private static int classOf(char c) {
        if (c >= '0' && c <= '9') {
            return 0;
        }
        if (c >= 'A' && c <= 'Z') {
            return 1;
        }
        if (c >= 'a' && c <= 'z') {
            return 2;
        }
        return 3;
    }

    /** log2 of the number of distinct strings of the given length. */
    public double log2Space(int length) {
        double bits = 0;
        for (int i = 0; i < length; i++) {
            bits += Math.log(positions.get(i).length()) / Math.log(2);
        }
        return bits;
    }

    @Override
    public String toString() {
        return "TextShape[" + lengths.size() + " lengths, " + positions.size() + " positions]";
    }
}
