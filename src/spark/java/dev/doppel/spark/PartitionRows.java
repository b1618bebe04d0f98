package dev.doppel.spark;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.generate.Batch;
import dev.doppel.generate.RowSampler;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows of one partition, generated block by block on the executor as Spark pulls them: each block is drawn with
 * the CLI's sampler from its own seed (see {@link BlockPlan}), completed by the model's constraints, and read out
 * row by row. Only one block is held at a time, so a partition of any size needs the memory of one block. Not
 * thread-safe (one per task); the generator it draws with is shared.
 */
final class PartitionRows implements Iterator<Row> {
    private final BlockPlan plan;
    private final RowSampler sampler;
    private final ConstraintLayer layer;
    private final BatchRows rows;
    private final Batch batch;
    private final long end;
    private long nextBlock;
    private int nextRow;

    PartitionRows(Generators.Generator generator, BlockPlan plan, BlockPlan.Slice slice) {
        this.plan = plan;
        this.sampler = generator.sampler();
        this.layer = generator.layer();
        this.rows = generator.rows();
        this.batch = layer.newBatch(plan.blockRows());
        this.nextBlock = slice.first();
        this.end = slice.end();
        batch.reset(0, 0);
    }

    @Override
    public boolean hasNext() {
        return nextRow < batch.size() || nextBlock < end;
    }

    @Override
    public Row next() {
        if (nextRow == batch.size()) {
            if (nextBlock >= end) {
                throw new NoSuchElementException();
            }
            long block = nextBlock++;
            sampler.fill(batch, block, plan.firstRow(block), plan.rowsOf(block));
            layer.complete(batch);
            nextRow = 0;
        }
        return rows.row(batch, nextRow++);
    }
}
