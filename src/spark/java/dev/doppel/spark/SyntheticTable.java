package dev.doppel.spark;

import dev.doppel.io.ModelFile;
import dev.doppel.model.SynthModel;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A synthetic table as a Spark {@code Dataset<Row>}: the library side of {@link SparkGenerate}.
 *
 * <p>The model is broadcast once per executor as its JSON file text (the model's own format; its records are not
 * Java-serialisable); each executor parses it and builds its sampler once ({@link Generators}), and each partition
 * generates its run of blocks (see {@link BlockPlan}) lazily.
 * Because a block's rows depend only on (model, seed, block index, total rows), the table holds the same rows in the
 * same order whatever the partition or executor count, and the same rows as {@code doppel sample} with that seed.
 * Nothing is generated until an action (a write, a count) runs.
 */
public final class SyntheticTable {
    private SyntheticTable() {}

    /**
     * @param rows rows in the whole table (0 or more)
     * @param partitions Spark partitions (at least 1); each generates whole blocks of
     *     {@link dev.doppel.pipeline.SampleRequest#BATCH_ROWS} rows, so more partitions than blocks leaves some empty
     * @throws dev.doppel.error.InputException when the model cannot make that many rows (an identifier's format is
     *     too short), checked here on the driver before any task runs
     */
    public static Dataset<Row> generate(SparkSession spark, SynthModel model, long rows, int partitions, long seed) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        String modelJson = ModelFile.toJson(model);
        // built from the JSON, as the executors build it: fails early, with the CLI's message, on what cannot be
        // generated, and a local-mode job reuses it
        Generators.Generator generator = Generators.of(modelJson, seed, rows);
        StructType schema = SparkSchema.of(generator.layer().columns());
        BlockPlan plan = BlockPlan.of(rows);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<String> json = jsc.broadcast(modelJson);
        JavaRDD<Row> generated = jsc.parallelize(plan.slices(partitions), partitions)
                .mapPartitions(slices -> rowsOf(json.value(), seed, plan, slices));
        return spark.createDataFrame(generated, schema);
    }

    /** Runs on an executor: the rows of the partition's slices (exactly one, as {@link BlockPlan#slices} made them). */
    private static Iterator<Row> rowsOf(String json, long seed, BlockPlan plan,
            Iterator<BlockPlan.Slice> slices) {
        if (!slices.hasNext()) {
            return Collections.emptyIterator();
        }
        BlockPlan.Slice slice = slices.next();
        if (slices.hasNext()) {
            throw new IllegalStateException("a partition got more than one slice of blocks");
        }
        return new PartitionRows(Generators.of(json, seed, plan.rows()), plan, slice);
    }
}
