package dev.doppel.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs copies of one worker at once: the caller's thread runs one, short-lived daemon threads the others, and the
 * call returns when all are done. Workers share out their items themselves (a shared counter) and write only their
 * own result slots, so results never depend on how many copies ran. A failure in any copy is rethrown as it was.
 */
public final class Parallel {
    private Parallel() {}

    /** Runs {@code copies} copies of {@code worker} (1 or fewer: just one, on the caller's thread). */
    public static void copies(int copies, Runnable worker, String threadName) {
        if (copies <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(copies - 1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(copies - 1);
            for (int c = 1; c < copies; c++) {
                futures.add(pool.submit(worker));
            }
            worker.run();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(threadName + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(threadName + " failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
