package dev.doppel.pipeline;

import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The input split at random into the rows the model learns and the hold-out it never sees, the control every privacy
 * measure compares against. The same seed always picks the same rows; each part keeps the input's row order.
 *
 * @param training the rows to learn from
 * @param holdout the rows kept out; null when the share is 0 or the table too small to spare them
 */
public record HoldoutSplit(RawTable training, RawTable holdout) {
    /** The share held out unless the profile says otherwise. */
    public static final double DEFAULT_SHARE = 0.2;
    /** Below this many hold-out rows, privacy figures would be noise: nothing is held out. */
    public static final int MIN_HOLDOUT_ROWS = 30;

    public static HoldoutSplit of(RawTable table, double share, long seed) {
        int n = table.rows();
        int held = (int) Math.round(n * share);
        if (share <= 0 || held < MIN_HOLDOUT_ROWS || n - held < MIN_HOLDOUT_ROWS) {
            return new HoldoutSplit(table, null);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x484f4c444f5554L); // "HOLDOUT": apart from sampling's
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] holdout = Arrays.copyOfRange(order, 0, held);
        int[] training = Arrays.copyOfRange(order, held, n);
        Arrays.sort(holdout);
        Arrays.sort(training);
        return new HoldoutSplit(rows(table, training), rows(table, holdout));
    }

    static RawTable rows(RawTable table, int[] positions) {
        List<String[]> columns = new ArrayList<>(table.columnCount());
        for (int c = 0; c < table.columnCount(); c++) {
            String[] src = table.column(c);
            String[] dst = new String[positions.length];
            for (int i = 0; i < positions.length; i++) {
                dst[i] = src[positions[i]];
            }
            columns.add(dst);
        }
        int[] lines = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            lines[i] = table.lineOf(positions[i]);
        }
        return new RawTable(table.source(), table.names(), columns, table.missingMarkers(), table.dialect(), lines,
                table.parts() == null ? null : table.parts().select(positions));
    }
}
