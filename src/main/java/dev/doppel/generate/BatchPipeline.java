package dev.doppel.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Produces batches on worker threads and hands them to one consumer in batch order. At most {@code maxInFlight}
 * (by default {@code 2 * threads}) batches are in flight, so memory stays flat however many rows are generated;
 * because batch i is always produced from batch index i alone, the output is identical for any thread count.
 */
public final class BatchPipeline {
    /** Makes the payload of one batch (rows [first, first + count)). Must be thread-safe. */
    @FunctionalInterface
    public interface Producer<T> {
        T produce(long batchIndex, long first, int count) throws Exception;
    }

    /** Takes payloads in batch order, on the calling thread. */
    @FunctionalInterface
    public interface Consumer<T> {
        void accept(T payload, int rows) throws Exception;
    }

    /** Reads the next unit of input on the calling thread, or returns null at the end. */
    @FunctionalInterface
    public interface Source<I> {
        I next() throws Exception;
    }

    /** Turns one unit of input (the {@code index}-th) into a payload. Must be thread-safe. */
    @FunctionalInterface
    public interface Transform<I, T> {
        T apply(long index, I input) throws Exception;
    }

    private BatchPipeline() {}

    /**
     * Streams input of unknown length: the calling thread reads units from {@code source} in order, workers transform
     * them, and the calling thread consumes the payloads in the same order. At most {@code maxInFlight} units are read
     * but not consumed, so memory stays flat; unit i is transformed from unit i and its index alone, so the output is
     * identical for any thread count.
     */
    public static <I, T> void stream(
            Source<I> source, int threads, int maxInFlight, Transform<I, T> transform, Consumer<T> consumer)
            throws Exception {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        if (threads <= 1) {
            long index = 0;
            for (I input = source.next(); input != null; input = source.next()) {
                consumer.accept(transform.apply(index++, input), 0);
            }
            return;
        }
        ExecutorService pool = workers(threads);
        try {
            Deque<Future<T>> inFlight = new ArrayDeque<>();
            long index = 0;
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < maxInFlight) {
                    I input = source.next();
                    if (input == null) {
                        more = false;
                    } else {
                        long i = index++;
                        inFlight.add(pool.submit(() -> transform.apply(i, input)));
                    }
                }
                if (!inFlight.isEmpty()) {
                    consumer.accept(get(inFlight.removeFirst()), 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static <T> void run(long rows, int batchSize, int threads, Producer<T> producer, Consumer<T> consumer)
            throws Exception {
        run(rows, batchSize, threads, 2 * threads, producer, consumer);
    }

    /**
     * @param maxInFlight most batches submitted but not yet consumed (at least 1): bounds memory when batches are
     *     large; below {@code threads} some workers wait
     */
    public static <T> void run(
            long rows, int batchSize, int threads, int maxInFlight, Producer<T> producer, Consumer<T> consumer)
            throws Exception {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        long batches = (rows + batchSize - 1) / batchSize;
        if (threads <= 1) {
            for (long b = 0; b < batches; b++) {
                long first = b * batchSize;
                int count = (int) Math.min(batchSize, rows - first);
                consumer.accept(producer.produce(b, first, count), count);
            }
            return;
        }
        ExecutorService pool = workers(threads);
        try {
            Deque<Future<T>> inFlight = new ArrayDeque<>();
            Deque<Integer> counts = new ArrayDeque<>();
            long next = 0;
            while (next < batches || !inFlight.isEmpty()) {
                while (next < batches && inFlight.size() < maxInFlight) {
                    long b = next++;
                    long first = b * batchSize;
                    int count = (int) Math.min(batchSize, rows - first);
                    inFlight.add(pool.submit(() -> producer.produce(b, first, count)));
                    counts.add(count);
                }
                T payload = get(inFlight.removeFirst());
                consumer.accept(payload, counts.removeFirst());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The worker threads of one run: daemons, so a failing run never keeps the JVM alive. */
    private static ExecutorService workers(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "doppel-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
