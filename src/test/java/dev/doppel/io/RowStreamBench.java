package dev.doppel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Rows per second of streaming a CSV with {@link TableReaders#open}, and the heap it needs. Not a test (no timing
 * asserts); run by hand:
 *
 * <pre>java -Xmx64m -cp CLASSPATH dev.doppel.io.RowStreamBench DATA.csv [COPIES] [REPS]</pre>
 *
 * Writes a temporary file holding the header of {@code DATA.csv} and its data lines {@code COPIES} times (default 100:
 * a million rows from a 10,000-row file), streams it {@code REPS} times (default 5) and prints, per repetition, rows,
 * CPU seconds, rows/s, MB/s and the peak heap in use. Under a small {@code -Xmx} this shows the memory is constant.
 */
public final class RowStreamBench {
    private RowStreamBench() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        byte[] all = Files.readAllBytes(data);
        int bodyStart = indexAfterFirstLine(all);
        Path big = Files.createTempFile("rowstream", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(big)) {
                out.write(all, 0, bodyStart);
                byte[] body = Arrays.copyOfRange(all, bodyStart, all.length);
                for (int i = 0; i < copies; i++) {
                    out.write(body);
                }
            }
            double mb = Files.size(big) / 1e6;
            System.out.printf(Locale.ROOT, "%s x %d: %.1f MB, heap max %d MB%n", data.getFileName(), copies, mb,
                    Runtime.getRuntime().maxMemory() >> 20);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int rep = 1; rep <= reps; rep++) {
                resetPeaks();
                long t0 = mx.getCurrentThreadCpuTime();
                long rows = 0;
                long cells = 0;
                try (RowReader reader = TableReaders.open(big, ReadOptions.DEFAULTS)) {
                    String[] row;
                    while ((row = reader.next()) != null) {
                        rows++;
                        for (String cell : row) {
                            cells += cell == null ? 0 : 1;
                        }
                    }
                }
                double seconds = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "rep %d: %,d rows (%,d cells present) in %.2f s CPU: %,.0f rows/s, %.0f MB/s,"
                        + " peak heap %d MB%n", rep, rows, cells, seconds, rows / seconds, mb / seconds, peakHeap() >> 20);
            }
        } finally {
            Files.deleteIfExists(big);
        }
    }

    private static int indexAfterFirstLine(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("the file has a single line");
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
