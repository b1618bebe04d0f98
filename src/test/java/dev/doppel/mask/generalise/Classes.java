package dev.doppel.mask.generalise;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts equivalence classes independently of the code under test. */
final class Classes {
    private Classes() {}

    /** Rows per distinct tuple of the columns (one array per QI). */
    static Map<List<String>, Integer> count(String[][] columns) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int r = 0; r < columns[0].length; r++) {
            String[] tuple = new String[columns.length];
            for (int q = 0; q < columns.length; q++) {
                tuple[q] = columns[q][r];
            }
            counts.merge(Arrays.asList(tuple), 1, Integer::sum);
        }
        return counts;
    }

    static int smallest(String[][] columns) {
        return count(columns).values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }
}
