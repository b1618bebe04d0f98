package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.error.UsageException;
import dev.doppel.generate.Batch;
import dev.doppel.generate.BatchPipeline;
import dev.doppel.generate.RowSampler;
import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.SynthModel;
import dev.doppel.report.SummaryCollector;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
        RowSampler sampler = sampler(request.model(), request.seed(), request.realIds(), request.rows(),
                request.audience());
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
        } catch (Exception e) {
            throw JobFailures.writing(e, request.output(), "sampling");
        }
    }

    /**
     * The sampler of a request; a condition ({@code --where}, {@code --rebalance}) nothing can meet is a usage error,
     * raised before anything is written.
     */
    static RowSampler sampler(SynthModel model, long seed, Map<String, Set<String>> realIds, long rows,
            Audience audience) {
        try {
            return new RowSampler(model, seed, realIds, rows, audience);
        } catch (ConditionException e) {
            throw new UsageException(e.part().key() + ": " + e.getMessage());
        }
    }

    /** Prepares a drawn and completed batch for its destination, on a worker thread. */
    @FunctionalInterface
    interface Prepare<T> {
        T prepare(Batch batch) throws Exception;
    }

    /** Writes a batch's prepared form to its destination, on the calling thread, in batch order. */
    @FunctionalInterface
    interface Write<T> {
        void write(Batch batch, T prepared) throws Exception;
    }

    /**
     * The one loop behind every destination (CSV, Parquet, a database table): workers draw batch i of {@code rows}
     * (its seeds from i alone), complete it as the constraints say, redraw rows that copy a rare training row
     * ({@link CopyGuard}) and prepare it; the calling thread writes the
     * batches in order, counts them into the summary and reports progress. Batches go back to a pool once written, so
     * a long run reuses the same few. The same batches whatever the destination or thread count.
     *
     * @param unitBytes heap one batch in flight takes with its prepared form, roughly (bounds the batches in flight)
     * @param guard redraws rows that copy a rare training row ({@link CopyGuard#NONE}: none)
     * @param summary counts the rows for the run's summary; null when no summary is wanted
     */
    static <T> void drawInOrder(long rows, int threads, long unitBytes, RowSampler sampler, ConstraintLayer layer,
            CopyGuard guard, SummaryCollector summary, Progress progress, Prepare<T> prepare, Write<T> write)
            throws Exception {
        int batchRows = SampleRequest.BATCH_ROWS;
        guard.prepare(sampler, layer, rows); // a pilot draw decides whether the guard acts, before any batch
        Queue<Batch> batches = new ConcurrentLinkedQueue<>();
        long[] done = {0};
        BatchPipeline.<Drawn<T>>run(
                rows,
                batchRows,
                threads,
                maxInFlight(threads, unitBytes),
                (index, first, count) -> {
                    Batch batch = batches.poll();
                    if (batch == null) {
                        batch = layer.newBatch(batchRows);
                    }
                    sampler.fill(batch, index, first, count);
                    layer.complete(batch);
                    guard.mend(batch, index, sampler, layer);
                    return new Drawn<>(batch, prepare.prepare(batch));
                },
                (drawn, count) -> {
                    write.write(drawn.batch(), drawn.prepared());
                    if (summary != null) {
                        summary.accept(drawn.batch());
                    }
                    batches.add(drawn.batch());
                    done[0] += count;
                    progress.advance(done[0]);
                });
    }

    private record Drawn<T>(Batch batch, T prepared) {}

    private static void writeCsv(SampleRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, AtomicOutput out, Progress progress) throws Exception {
        CsvBatchEncoder encoder = new CsvBatchEncoder(layer.columns(), request.model().dialect());
        int batchRows = SampleRequest.BATCH_ROWS;
        // byte buffers go back to a pool once written, as batches do
        Queue<CsvBatchEncoder.Sink> sinks = new ConcurrentLinkedQueue<>();
        try (OutputStream stream = Files.newOutputStream(out.temp())) {
            stream.write(encoder.header());
            long unitBytes = (long) batchRows * (rowBytes(request, sampler) + encoder.sizeHint(1));
            Sampling.<CsvBatchEncoder.Sink>drawInOrder(request.rows(), request.threads(), unitBytes, sampler, layer,
                    request.copyGuard(), summary, progress,
                    batch -> {
                        CsvBatchEncoder.Sink sink = sinks.poll();
                        if (sink == null) {
                            sink = new CsvBatchEncoder.Sink(encoder.sizeHint(batchRows));
                        }
                        encoder.encode(batch, sink);
                        return sink;
                    },
                    (batch, sink) -> {
                        stream.write(sink.array(), 0, sink.size());
                        sinks.add(sink);
                    });
        }
    }

    /**
     * Parquet: workers draw a batch and encode it into compressed pages (the same batches, with the same seeds, as
     * for CSV); the writing thread gathers the pages into row groups and writes each one once it is full.
     */
    private static void writeParquet(SampleRequest request, RowSampler sampler, ConstraintLayer layer,
            SummaryCollector summary, AtomicOutput out, Progress progress) throws Exception {
        try (ParquetBatchWriter writer = new ParquetBatchWriter(
                out.temp(), layer.columns(), request.compression(), request.rows())) {
            // a batch plus its compressed pages (a fraction of the batch)
            long unitBytes = (long) SampleRequest.BATCH_ROWS * rowBytes(request, sampler) * 5 / 4;
            Sampling.<ParquetBatchWriter.EncodedBatch>drawInOrder(request.rows(), request.threads(), unitBytes,
                    sampler, layer, request.copyGuard(), summary, progress, writer::encode,
                    (batch, pages) -> writer.append(pages));
        }
    }

    /**
     * Heap a drawn row takes in a batch, roughly: numbers 8 bytes, labels 4, strings an object each; and, for an output
     * drawn stratified ({@link RowSampler#STRATIFIED_ROWS}), the worker's scratch
     * ({@link RowSampler#scratchBytesPerRow}) while it draws the batch (a model of 500 columns with missing cells has
     * over 1,000 dimensions).
     */
    private static long rowBytes(SampleRequest request, RowSampler sampler) {
        return rowBytes(request.model(), sampler);
    }

    /** {@link #rowBytes(SampleRequest, RowSampler)} for a model's rows drawn by {@code sampler}. */
    static long rowBytes(SynthModel model, RowSampler sampler) {
        long bytes = 16;
        bytes += sampler.scratchBytesPerRow();
        for (ColumnModel m : model.columns()) { // the same kinds before and after constraints complete a batch
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
