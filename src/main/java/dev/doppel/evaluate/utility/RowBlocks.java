package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows {@code [0, n)} cut into blocks whose bounds depend on {@code n} alone (at least {@value #MIN_BLOCK} rows a
 * block, at most {@value #MAX_BLOCKS} blocks), and a map over the blocks on {@code threads} threads whose results come
 * back in block order. A sum over rows is summed per block and the block sums are then added in block order, so the
 * result is bit-identical for any thread count.
 */
final class RowBlocks {
    static final int MIN_BLOCK = 4096;
    static final int MAX_BLOCKS = 16;

    /** Computes one block's partial result from rows {@code [start, end)}. Must be thread-safe. */
    @FunctionalInterface
    interface Task<T> {
        T apply(int start, int end);
    }

    private final int rows;
    private final int blocks;

    private RowBlocks(int rows) {
        this.rows = rows;
        this.blocks = Math.max(1, Math.min(MAX_BLOCKS, (rows + MIN_BLOCK - 1) / MIN_BLOCK));
    }

    static RowBlocks of(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("negative row count");
        }
        return new RowBlocks(rows);
    }

    int count() {
        return blocks;
    }

    int start(int block) {
        return (int) ((long) rows * block / blocks);
    }

    int end(int block) {
        return start(block + 1);
    }

    /**
     * The task's result per block, in block order. With more than one thread the calling thread works too, beside
     * {@code threads - 1} short-lived helpers; a failure in any block is rethrown.
     */
    <T> List<T> map(int threads, Task<T> task) {
        Object[] results = new Object[blocks];
        int helpers = Math.min(threads, blocks) - 1;
        if (helpers <= 0) {
            for (int b = 0; b < blocks; b++) {
                results[b] = task.apply(start(b), end(b));
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    results[b] = task.apply(start(b), end(b));
                }
            };
            Parallel.copies(helpers + 1, worker, "doppel-utility");
        }
        List<T> list = new ArrayList<>(blocks);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            T t = (T) r;
            list.add(t);
        }
        return list;
    }
}
