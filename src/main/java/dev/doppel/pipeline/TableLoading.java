package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.db.DatabaseErrors;
import dev.doppel.db.TableDesign;
import dev.doppel.db.TableLoader;
import dev.doppel.error.OutputException;
import dev.doppel.generate.RowSampler;
import dev.doppel.report.SummaryCollector;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

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
        RowSampler sampler = Sampling.sampler(request.model(), request.seed(), request.realIds(), request.rows(),
                request.audience());
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
        } catch (SQLException e) {
            throw new OutputException(request.target() + ": the load failed and was rolled back, the table is as it"
                    + " was (" + DatabaseErrors.describe(e) + ")");
        } catch (IOException e) {
            throw new OutputException(request.target() + ": the load failed and was rolled back ("
                    + e.getClass().getSimpleName() + ")");
        } catch (Exception e) {
            throw JobFailures.unchecked(e, "loading");
        }
    }

    private static <E> void load(TableRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, TableLoader<E> loader, Progress progress) throws Exception {
        // a batch plus its encoded lines (about the batch's size again)
        long unitBytes = (long) SampleRequest.BATCH_ROWS * 400;
        Sampling.<E>drawInOrder(request.rows(), request.threads(), unitBytes, sampler, layer, request.copyGuard(),
                summary, progress, loader::prepare, loader::write);
    }
}
