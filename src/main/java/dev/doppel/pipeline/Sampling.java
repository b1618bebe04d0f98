package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.error.OutputException;
import dev.doppel.error.UsageException;
import dev.doppel.generate.Batch;
import dev.doppel.generate.BatchPipeline;
import dev.doppel.generate.RowSampler;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.model.ColumnModel;
import dev.doppel.report.SummaryCollector;
import dev.doppel.error.DoppelException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Generates synthetic rows from a model and streams them to a file: workers draw batches, complete them as the model's
 * constraints say ({@link ConstraintLayer}) and encode them (CSV bytes,
 * or compressed Parquet pages), one thread writes them in order into a temporary file that is moved into place at
 * the end. Memory stays flat: batches and buffers are reused, and only a few batches are in flight at a time.
 */
public final class Sampling {
    private Sampling() {}

    public static SampleResult run(SampleRequest request, Progress progress) {
        long start = System.nanoTime();
        RowSampler sampler;
        try {
            sampler = new RowSampler(request.model(), request.seed(), request.realIds(), request.rows(),
                    request.audience());
        } catch (ConditionException e) { // checked before anything is written
            throw new UsageException(e.part().key() + ": " + e.getMessage());
        }
        ConstraintLayer layer = ConstraintLayer.of(request.model());
        SummaryCollector summary = new SummaryCollector(request.model(), layer.columns());
        try (AtomicOutput out = AtomicOutput.open(request.output(), request.force())) {
            progress.start("generating", request.rows());
            switch (request.format()) {
                case CSV -> writeCsv(request, sampler, layer, summary, out, progress);
                case PARQUET -> writeParquet(request, sampler, layer, summary, out, progress);
                default -> throw new AssertionError(request.format());
            }
            out.commit();
            progress.finish();
            long bytes = Files.size(out.target());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new SampleResult(out.target(), request.rows(), bytes, seconds, summary.summary());
        } catch (DoppelException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(request.output().getFileName() + ": cannot be written ("
                    + e.getClass().getSimpleName() + ")");
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("sampling failed", e);
        }
    }

    private static void writeCsv(SampleRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, AtomicOutput out, Progress progress) throws Exception {
        CsvBatchEncoder encoder = new CsvBatchEncoder(layer.columns(), request.model().dialect());
        int batchRows = SampleRequest.BATCH_ROWS;
        // Batches and byte buffers go back to a pool once written, so a long run reuses the same few.
        Queue<Batch> batches = new ConcurrentLinkedQueue<>();
        Queue<CsvBatchEncoder.Sink> sinks = new ConcurrentLinkedQueue<>();
        try (OutputStream stream = Files.newOutputStream(out.temp())) {
            stream.write(encoder.header());
            long[] done = {0};
            long unitBytes = (long) batchRows * (rowBytes(request) + encoder.sizeHint(1));
            BatchPipeline.<Encoded>run(
                    request.rows(),
                    batchRows,
                    request.threads(),
                    maxInFlight(request.threads(), unitBytes),
                    (index, first, count) -> {
                        Batch batch = take(batches, layer, batchRows);
                        sampler.fill(batch, index, first, count);
                        layer.complete(batch);
                        CsvBatchEncoder.Sink sink = sinks.poll();
                        if (sink == null) {
                            sink = new CsvBatchEncoder.Sink(encoder.sizeHint(batchRows));
                        }
                        encoder.encode(batch, sink);
                        return new Encoded(batch, sink);
                    },
                    (encoded, rows) -> {
                        stream.write(encoded.sink().array(), 0, encoded.sink().size());
                        summary.accept(encoded.batch());
                        batches.add(encoded.batch());
                        sinks.add(encoded.sink());
                        done[0] += rows;
                        progress.advance(done[0]);
                    });
        }
    }

    private record Encoded(Batch batch, CsvBatchEncoder.Sink sink) {}

    private static Batch take(Queue<Batch> pool, ConstraintLayer layer, int capacity) {
        Batch batch = pool.poll();
        return batch != null ? batch : layer.newBatch(capacity);
    }

    /**
     * Parquet: workers draw a batch and encode it into compressed pages (the same batches, with the same seeds, as
     * for CSV); the writing thread gathers the pages into row groups and writes each one once it is full.
     */
    private static void writeParquet(SampleRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, AtomicOutput out, Progress progress) throws Exception {
        int batchRows = SampleRequest.BATCH_ROWS;
        Queue<Batch> batches = new ConcurrentLinkedQueue<>();
        try (ParquetBatchWriter writer = new ParquetBatchWriter(
                out.temp(), layer.columns(), request.compression(), request.rows())) {
            long[] done = {0};
            // a batch plus its compressed pages (a fraction of the batch)
            long unitBytes = (long) batchRows * rowBytes(request) * 5 / 4;
            BatchPipeline.<Paged>run(
                    request.rows(),
                    batchRows,
                    request.threads(),
                    maxInFlight(request.threads(), unitBytes),
                    (index, first, count) -> {
                        Batch batch = take(batches, layer, batchRows);
                        sampler.fill(batch, index, first, count);
                        layer.complete(batch);
                        return new Paged(batch, writer.encode(batch));
                    },
                    (paged, rows) -> {
                        writer.append(paged.pages());
                        summary.accept(paged.batch());
                        batches.add(paged.batch());
                        done[0] += rows;
                        progress.advance(done[0]);
                    });
        }
    }

    private record Paged(Batch batch, ParquetBatchWriter.EncodedBatch pages) {}

    /** Heap a drawn row takes in a batch, roughly: numbers 8 bytes, labels 4, strings an object each. */
    private static long rowBytes(SampleRequest request) {
        long bytes = 16;
        for (ColumnModel m : request.model().columns()) { // the same kinds before and after constraints complete a batch
            bytes += switch (m.spec().kind()) {
                case INTEGER, DECIMAL, DATE, DATETIME -> 8;
                case BOOLEAN, CATEGORICAL -> 4;
                case IDENTIFIER, TEXT -> 96;
                case EMPTY -> 0;
            };
        }
        return bytes;
    }

    /**
     * Units of work in flight: two per worker (so none waits on the writer), but no more than a third of the heap
     * holds, so wide tables or many threads slow down rather than run out of memory. Never changes the output.
     */
    static int maxInFlight(int threads, long unitBytes) {
        long budget = Runtime.getRuntime().maxMemory() / 3;
        long fit = budget / Math.max(1, unitBytes);
        return (int) Math.max(1, Math.min(2L * threads, fit));
    }
}
