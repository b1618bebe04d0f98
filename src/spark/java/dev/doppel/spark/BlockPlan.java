package dev.doppel.spark;

import dev.doppel.pipeline.SampleRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code rows} synthetic rows are cut into blocks and the blocks into partitions. A block is the unit of
 * generation: block i holds rows [i * B, min((i + 1) * B, rows)) and draws them from its own random stream, seeded by
 * (seed, i) alone, exactly as {@code doppel sample} draws its batch i (B = {@link SampleRequest#BATCH_ROWS}). A
 * partition only decides which blocks one task generates, so the rows are the same for any number of partitions or
 * executors, and the same as the CLI's for the same model and seed.
 *
 * @param rows rows in the whole table
 * @param blockRows rows per block (the last block may be shorter)
 */
public record BlockPlan(long rows, int blockRows) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A run of whole blocks, [first, end), that one partition generates. */
    public record Slice(long first, long end) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public BlockPlan {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (blockRows < 1) {
            throw new IllegalArgumentException("blockRows must be at least 1");
        }
    }

    /** The plan the CLI uses: blocks of {@link SampleRequest#BATCH_ROWS} rows. */
    public static BlockPlan of(long rows) {
        return new BlockPlan(rows, SampleRequest.BATCH_ROWS);
    }

    public long blocks() {
        return (rows + blockRows - 1) / blockRows;
    }

    /** The first row of block {@code block}. */
    public long firstRow(long block) {
        return block * blockRows;
    }

    /** The rows of block {@code block}. */
    public int rowsOf(long block) {
        return (int) Math.min(blockRows, rows - firstRow(block));
    }

    /**
     * Consecutive runs of blocks, one per partition, as even as whole blocks allow (sizes differ by at most one block;
     * with more partitions than blocks some runs are empty).
     */
    public List<Slice> slices(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        long blocks = blocks();
        long size = blocks / partitions;
        long longer = blocks % partitions; // the first `longer` runs get one block more
        List<Slice> slices = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            long first = p * size + Math.min(p, longer);
            slices.add(new Slice(first, first + size + (p < longer ? 1 : 0)));
        }
        return slices;
    }
}
