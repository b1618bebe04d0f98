package dev.doppel.io;

import dev.doppel.model.Seeds;
import dev.doppel.stats.Reservoir;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded, uniform random sample of an input's rows, read in one streaming pass, so that an input of any size can be
 * learnt in fixed memory: every row is read and checked (a malformed row anywhere is still an error naming its file
 * and line), the rows are counted exactly, and a {@link Reservoir} keeps at most {@code maxRows} of them. The kept
 * rows stay in input order, each with its line (and, for a folder, its file) for messages. The same seed and input
 * always give the same sample, whatever the thread count (the pass is sequential). When the input has no more than
 * {@code maxRows} rows the sample is the whole input.
 *
 * @param table the sampled rows
 * @param inputRows the input's rows, all counted
 */
public record TableSample(RawTable table, long inputRows) {
    /** Rows kept unless told otherwise: enough for every statistic the model stores, small enough for a 1 GB heap. */
    public static final int DEFAULT_ROWS = 1_000_000;
    /**
     * Distinct values per column whose strings are shared among the kept rows, to begin with: a label column then
     * costs a reference per row instead of a string per row. A column that reaches the bound while at least a quarter
     * of its cells so far were repeats (amounts, counts, dates) gets twice the bound, up to
     * {@link #MAX_SHARED_VALUES}; one whose values nearly all differ (ids, measurements) stops sharing and keeps its
     * values as read.
     */
    private static final int SHARED_VALUES = 4096;
    /** The most distinct values a column shares (a map of about 5 MB); later new values are kept as read. */
    private static final int MAX_SHARED_VALUES = 1 << 16;
    private static final int INITIAL_ROWS = 1024;

    /** True when rows were left out, i.e. the model learns a sample and not the whole input. */
    public boolean sampled() {
        return inputRows > table.rows();
    }

    /**
     * Reads a file or a folder of files (see {@link InputFiles}) and keeps a uniform random sample of its rows.
     *
     * @param maxRows the most rows kept, at least 1
     * @param seed seeds the sample (through {@link Seeds#derive}, purpose "input-sample")
     * @throws dev.doppel.error.InputException as {@link TableReaders#openAll}, or at the first malformed row
     */
    public static TableSample read(Path input, ReadOptions options, int maxRows, long seed) {
        try (RowReader reader = TableReaders.openAll(input, options)) {
            return collect(reader, maxRows, seed);
        }
    }

    /** Samples the reader's rows to its end; does not close it. */
    static TableSample collect(RowReader reader, int maxRows, long seed) {
        Reservoir reservoir = new Reservoir(maxRows, Seeds.derive(seed, "input-sample", 0));
        ConcatRowReader parts = reader instanceof ConcatRowReader c ? c : null;
        int width = reader.names().size();
        int capacity = Math.min(INITIAL_ROWS, maxRows);
        String[][] columns = new String[width][capacity];
        long[] positions = new long[capacity];
        int[] lines = new int[capacity];
        int[] partOf = parts == null ? null : new int[capacity];
        List<Shared> shared = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            shared.add(new Shared());
        }
        String[] row;
        while ((row = reader.next()) != null) {
            int slot = reservoir.offer();
            if (slot < 0) {
                continue;
            }
            if (slot == capacity) {
                capacity = (int) Math.min(maxRows, 2L * capacity);
                for (int c = 0; c < width; c++) {
                    columns[c] = Arrays.copyOf(columns[c], capacity);
                }
                positions = Arrays.copyOf(positions, capacity);
                lines = Arrays.copyOf(lines, capacity);
                partOf = partOf == null ? null : Arrays.copyOf(partOf, capacity);
            }
            for (int c = 0; c < width; c++) {
                columns[c][slot] = shared.get(c).share(row[c]);
            }
            positions[slot] = reservoir.offered() - 1;
            lines[slot] = reader.line();
            if (partOf != null) {
                partOf[slot] = parts.part();
            }
        }
        int n = reservoir.size();
        int[] order = inputOrder(positions, n);
        List<String[]> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(permute(columns[c], order));
            columns[c] = null; // let the unsorted column go before the next is copied
        }
        RawTable table = new RawTable(reader.source(), reader.names(), cells, reader.missingMarkers(), reader.dialect(),
                permute(lines, order), partOf == null ? null : new RawTable.Parts(parts.files(), permute(partOf, order)));
        return new TableSample(table, reservoir.offered());
    }

    /**
     * One column's shared strings: the same string object for equal cells while the column's values repeat enough to
     * pay for the map (see {@link #SHARED_VALUES}); none once they do not.
     */
    private static final class Shared {
        private Map<String, String> strings = new HashMap<>();
        private int bound = SHARED_VALUES;
        private long cells;
        private long repeats;

        String share(String cell) {
            if (cell == null || strings == null) {
                return cell;
            }
            cells++;
            String known = strings.get(cell);
            if (known != null) {
                repeats++;
                return known;
            }
            if (strings.size() >= bound) {
                if (4 * repeats < cells) {
                    strings = null; // nearly all values so far were new: sharing would save little
                    return cell;
                }
                if (bound >= MAX_SHARED_VALUES) {
                    return cell; // the values seen so far stay shared
                }
                bound *= 2;
            }
            strings.put(cell, cell);
            return cell;
        }
    }

    /** The slots sorted by the input position of the row each holds. */
    private static int[] inputOrder(long[] positions, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = positions[i - 1] < positions[i];
        }
        int[] order = new int[n];
        if (sorted) {
            Arrays.setAll(order, i -> i);
            return order;
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (a, b) -> Long.compare(positions[a], positions[b]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private static String[] permute(String[] values, int[] order) {
        if (isIdentity(order)) {
            // rows kept in input order (every row, or a reservoir that never replaced one): no copy unless trimming
            return values.length == order.length ? values : Arrays.copyOf(values, order.length);
        }
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static int[] permute(int[] values, int[] order) {
        if (isIdentity(order)) {
            return values.length == order.length ? values : Arrays.copyOf(values, order.length);
        }
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "TableSample[" + table.rows() + " of " + inputRows + " rows]"; // never cells
    }
}
