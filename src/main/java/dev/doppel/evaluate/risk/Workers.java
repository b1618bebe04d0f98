package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.Parallel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs independent work items 0..n-1 on a few threads, in chunks taken from a shared counter. Each item writes only
 * its own result slot, so results do not depend on the thread count or on which thread ran what: determinism comes
 * from the items, not the scheduling.
 */
final class Workers {
    private static final int CHUNK = 64;

    private Workers() {}

    /** Work on a range of items with a per-thread scratch state. */
    @FunctionalInterface
    interface RangeTask<S> {
        void run(S scratch, int from, int to);
    }

    /** Runs {@code task} over 0..n-1 on {@code threads} threads, the caller's among them (1: the caller's alone). */
    static <S> void run(int n, int threads, Supplier<S> scratch, RangeTask<S> task) {
        int workers = Math.max(1, Math.min(threads, (n + CHUNK - 1) / CHUNK));
        if (workers == 1) {
            if (n > 0) {
                task.run(scratch.get(), 0, n);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Parallel.copies(workers, () -> {
            S s = scratch.get();
            int from;
            while ((from = next.getAndAdd(CHUNK)) < n) {
                task.run(s, from, Math.min(n, from + CHUNK));
            }
        }, "doppel-privacy");
    }
}
