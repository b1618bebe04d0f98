package dev.doppel.io;

import dev.doppel.table.RawTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long {@link TableReaders#read} takes to load whole files. Not a test (no timing asserts); run by hand:
 *
 * <pre>java -cp CLASSPATH dev.doppel.io.ReadBench FILE... </pre>
 *
 * For each file, reads it {@code REPS} times (system property {@code reps}, default 15) and prints the median and the
 * best CPU milliseconds of the warm repetitions (the first third is warm-up and not counted).
 */
public final class ReadBench {
    private ReadBench() {}

    public static void main(String[] args) {
        int reps = Integer.getInteger("reps", 15);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            Path file = Path.of(arg);
            long[] cpu = new long[reps];
            long cells = 0;
            for (int rep = 0; rep < reps; rep++) {
                long t0 = mx.getCurrentThreadCpuTime();
                RawTable table = TableReaders.read(file, ReadOptions.DEFAULTS);
                cpu[rep] = mx.getCurrentThreadCpuTime() - t0;
                cells = (long) table.rows() * table.columnCount();
            }
            long[] warm = Arrays.copyOfRange(cpu, reps / 3, reps);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%-28s %,10d cells  median %7.1f ms  best %7.1f ms%n",
                    file.getFileName(), cells, warm[warm.length / 2] / 1e6, warm[0] / 1e6);
        }
    }
}
