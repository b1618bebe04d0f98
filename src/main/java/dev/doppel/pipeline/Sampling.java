package dev.doppel.pipeline;

import dev.doppel.error.OutputException;
import dev.doppel.generate.Batch;
import dev.doppel.generate.BatchPipeline;
import dev.doppel.generate.RowSampler;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.report.SummaryCollector;
import dev.doppel.error.DoppelException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * Generates synthetic rows from a model and streams them to a file: workers draw and (for CSV) encode batches, one
 * thread writes them in order into a temporary file that is moved into place at the end.
 */
public final class Sampling {
    private Sampling() {}

    public static SampleResult run(SampleRequest request, Progress progress) {
        long start = System.nanoTime();
        RowSampler sampler = new RowSampler(request.model(), request.seed());
        SummaryCollector summary = new SummaryCollector(request.model());
        try (AtomicOutput out = AtomicOutput.open(request.output(), request.force())) {
            progress.start("generating", request.rows());
            switch (request.format()) {
                case CSV -> writeCsv(request, sampler, summary, out, progress);
                case PARQUET -> writeParquet(request, sampler, summary, out, progress);
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

    private static void writeCsv(
            SampleRequest request, RowSampler sampler, SummaryCollector summary, AtomicOutput out, Progress progress)
            throws Exception {
        CsvBatchEncoder encoder = new CsvBatchEncoder(request.model().columns(), request.model().dialect());
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.temp()), 1 << 20)) {
            stream.write(encoder.header());
            long[] done = {0};
            BatchPipeline.<Encoded>run(
                    request.rows(),
                    SampleRequest.BATCH_ROWS,
                    request.threads(),
                    (index, first, count) -> {
                        Batch batch = sampler.newBatch(count);
                        sampler.fill(batch, index, first, count);
                        return new Encoded(batch, encoder.encode(batch));
                    },
                    (encoded, rows) -> {
                        stream.write(encoded.bytes());
                        summary.accept(encoded.batch());
                        done[0] += rows;
                        progress.advance(done[0]);
                    });
        }
    }

    private record Encoded(Batch batch, byte[] bytes) {}

    private static void writeParquet(
            SampleRequest request, RowSampler sampler, SummaryCollector summary, AtomicOutput out, Progress progress)
            throws Exception {
        try (ParquetBatchWriter writer =
                new ParquetBatchWriter(out.temp(), request.model().columns(), request.compression())) {
            long[] done = {0};
            BatchPipeline.<Batch>run(
                    request.rows(),
                    SampleRequest.BATCH_ROWS,
                    request.threads(),
                    (index, first, count) -> {
                        Batch batch = sampler.newBatch(count);
                        sampler.fill(batch, index, first, count);
                        return batch;
                    },
                    (batch, rows) -> {
                        writer.write(batch);
                        summary.accept(batch);
                        done[0] += rows;
                        progress.advance(done[0]);
                    });
        }
    }
}
