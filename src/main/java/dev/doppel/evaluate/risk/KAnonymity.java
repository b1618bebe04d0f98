package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.privacy.PrivacyRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity of the synthetic table over the schema's quasi-identifiers, values as they are (numbers are not
 * generalised; two numbers fall in one class only when equal, missing equals missing). Rows sharing one combination
 * form a class: k is the smallest class, and rows in classes under 5 are the ones a linkage on those columns could
 * narrow to a handful. The training match share counts synthetic rows whose combination occurs exactly once in the
 * training table: a combination that identifies one real person, reproduced by the generator.
 */
final class KAnonymity {
    /** Classes smaller than this are reported as small. */
    static final int SMALL = 5;

    private KAnonymity() {}

    /** The result over every synthetic row; with no quasi-identifier (or no row), k = 0 and the shares NaN. */
    static KAnonymityResult measure(EncodedTable synthetic, EncodedTable training) {
        int[] qi = synthetic.schema().withRole(PrivacyRole.QUASI_IDENTIFIER);
        List<String> names = new ArrayList<>();
        for (int c : qi) {
            names.add(synthetic.columns().get(c).name());
        }
        if (qi.length == 0 || synthetic.rows() == 0) {
            return new KAnonymityResult(List.copyOf(names), 0, 0, Double.NaN, Double.NaN);
        }
        Map<Key, int[]> classes = count(synthetic, qi);
        Map<Key, int[]> real = count(training, qi);
        int k = Integer.MAX_VALUE;
        long small = 0;
        long matches = 0;
        for (Map.Entry<Key, int[]> e : classes.entrySet()) {
            int size = e.getValue()[0];
            k = Math.min(k, size);
            if (size < SMALL) {
                small += size;
            }
            int[] inTraining = real.get(e.getKey());
            if (inTraining != null && inTraining[0] == 1) {
                matches += size;
            }
        }
        double rows = synthetic.rows();
        return new KAnonymityResult(List.copyOf(names), k, classes.size(), small / rows, matches / rows);
    }

    private static Map<Key, int[]> count(EncodedTable table, int[] qi) {
        Map<Key, int[]> counts = new HashMap<>();
        for (int row = 0; row < table.rows(); row++) {
            counts.computeIfAbsent(Key.of(table, qi, row), key -> new int[1])[0]++;
        }
        return counts;
    }

    /** One row's quasi-identifier combination as 64-bit words (number bits with one NaN and one zero; codes). */
    private static final class Key {
        private final long[] words;
        private final int hash;

        private Key(long[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        static Key of(EncodedTable table, int[] qi, int row) {
            long[] words = new long[qi.length];
            for (int i = 0; i < qi.length; i++) {
                int c = qi[i];
                if (table.columns().get(c).numeric()) {
                    double x = table.numbers(c)[row];
                    words[i] = Double.doubleToLongBits(x == 0 ? 0.0 : x); // -0.0 equals 0.0; one NaN bit pattern
                } else {
                    words[i] = table.codes(c)[row];
                }
            }
            return new Key(words);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Key[" + words.length + " columns]"; // never values
        }
    }
}
