package dev.doppel.mask.generalise;

import java.util.Comparator;

/** Checks and orders for in-memory QI columns and tuples. */
final class Columns {
    /** Tuples compared value by value, missing first, then by String order. */
    static final Comparator<String[]> TUPLE_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Comparator.<String>nullsFirst(Comparator.naturalOrder()).compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    private Columns() {}

    /** The common length of the columns; throws when there are not {@code expected} columns of one length. */
    static int rows(String[][] columns, int expected) {
        if (columns.length != expected) {
            throw new IllegalArgumentException(columns.length + " columns for " + expected + " quasi-identifiers");
        }
        int n = columns.length == 0 ? 0 : columns[0].length;
        for (String[] column : columns) {
            if (column.length != n) {
                throw new IllegalArgumentException("columns of different lengths");
            }
        }
        return n;
    }
}
