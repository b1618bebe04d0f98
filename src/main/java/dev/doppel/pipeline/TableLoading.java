package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.db.DatabaseErrors;
import dev.doppel.db.TableDesign;
import dev.doppel.db.TableLoader;
import dev.doppel.error.DoppelException;
import dev.doppel.error.OutputException;
import dev.doppel.error.UsageException;
import dev.doppel.generate.Batch;
import dev.doppel.generate.BatchPipeline;
import dev.doppel.generate.RowSampler;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.report.SummaryCollector;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Generates synthetic rows from a model and loads them into a database table (the counterpart of {@link Sampling},
 * which writes files): the table is created, replaced or checked first, before any row is generated; workers draw
 * batches, complete them as the model's constraints say and prepare them for the database (COPY lines for
 * PostgreSQL); one thread sends them in order. All in one transaction: a failure rolls it back and leaves the table
 * as it was. The same batches, with the same seeds, as {@link Sampling} writes: a table and a file from the same
 * request hold the same rows.
 */
public final class TableLoading {
    private TableLoading() {}

    public static TableResult run(TableRequest request, Progress progress) {
        return run(request, progress, System.getenv());
    }

    /** @param env the environment credentials come from ({@code PGUSER}, {@code PGPASSWORD}) */
    public static TableResult run(TableRequest request, Progress progress, Map<String, String> env) {
        long start = System.nanoTime();
        RowSampler sampler;
        try {
            sampler = new RowSampler(request.model(), request.seed(), request.realIds(), request.rows(),
                    request.audience());
        } catch (ConditionException e) {
            throw new UsageException(e.part().key() + ": " + e.getMessage());
        }
        ConstraintLayer layer = ConstraintLayer.of(request.model());
        SummaryCollector summary = new SummaryCollector(request.model(), layer.columns());
        TableDesign design = TableDesign.of(layer.columns(), request.rows());
        try (TableLoader<?> loader = TableLoader.open(request.target(), layer.columns(), design, env)) {
            progress.start("loading " + request.target().table(), request.rows());
            load(request, sampler, layer, summary, loader, progress);
            loader.commit();
            progress.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new TableResult(request.target(), loader.action(), request.rows(), seconds, summary.summary());
        } catch (DoppelException e) {
            throw e;
        } catch (SQLException e) {
            throw new OutputException(request.target() + ": the load failed and was rolled back, the table is as it"
                    + " was (" + DatabaseErrors.describe(e) + ")");
        } catch (IOException e) {
            throw new OutputException(request.target() + ": the load failed and was rolled back ("
                    + e.getClass().getSimpleName() + ")");
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("loading failed", e);
        }
    }

    private static <E> void load(TableRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, TableLoader<E> loader, Progress progress) throws Exception {
        int batchRows = SampleRequest.BATCH_ROWS;
        Queue<Batch> batches = new ConcurrentLinkedQueue<>();
        long[] done = {0};
        // a batch plus its encoded lines (about the batch's size again)
        long unitBytes = (long) batchRows * 400;
        BatchPipeline.<Prepared<E>>run(
                request.rows(),
                batchRows,
                request.threads(),
                Sampling.maxInFlight(request.threads(), unitBytes),
                (index, first, count) -> {
                    Batch batch = batches.poll();
                    if (batch == null) {
                        batch = layer.newBatch(batchRows);
                    }
                    sampler.fill(batch, index, first, count);
                    layer.complete(batch);
                    return new Prepared<>(batch, loader.prepare(batch));
                },
                (prepared, rows) -> {
                    loader.write(prepared.batch(), prepared.payload());
                    summary.accept(prepared.batch());
                    batches.add(prepared.batch());
                    done[0] += rows;
                    progress.advance(done[0]);
                });
    }

    private record Prepared<E>(Batch batch, E payload) {}
}
