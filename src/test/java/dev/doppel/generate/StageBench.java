package dev.doppel.generate;

import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.report.SummaryCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of one sampling run goes, stage by stage, on one thread: drawing rows, encoding them as CSV, writing
 * them as Parquet, and the fidelity summary. Not a test (no timing asserts); run by hand, e.g. from bench/run.sh:
 *
 * <pre>java -cp target/doppel-0.1.0-all.jar:target/test-classes dev.doppel.generate.StageBench DATA.csv [ROWS] [REPS]</pre>
 *
 * Prints CPU seconds per stage for each repetition (CPU time rather than wall time, so a busy machine disturbs the
 * figures less); the last repetitions are the warm ones.
 */
public final class StageBench {
    private StageBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SynthModel model = Fitting.fit(
                Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "bench");
        RowSampler sampler = new RowSampler(model, 42, Map.of(), rows);
        CsvBatchEncoder encoder = new CsvBatchEncoder(model.columns(), model.dialect());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path parquet = Files.createTempFile("stagebench", ".parquet");
        int batchRows = SampleRequest.BATCH_ROWS;
        Batch batch = sampler.newBatch(batchRows);
        System.out.printf(Locale.ROOT, "%d rows, %d columns, batches of %d%n", rows, model.columns().size(), batchRows);
        System.out.println("rep   sample_s  csv_encode_s  csv_MB  parquet_write_s  summary_s");
        try {
            for (int rep = 1; rep <= reps; rep++) {
                long sample = 0;
                long encode = 0;
                long write = 0;
                long summarise = 0;
                long bytes = 0;
                SummaryCollector summary = new SummaryCollector(model);
                ParquetBatchWriter writer = new ParquetBatchWriter(
                        parquet, model.columns(), ParquetBatchWriter.Compression.SNAPPY, rows);
                try {
                    long batches = (rows + batchRows - 1) / batchRows;
                    for (long b = 0; b < batches; b++) {
                        long first = b * batchRows;
                        int count = (int) Math.min(batchRows, rows - first);
                        long t0 = mx.getCurrentThreadCpuTime();
                        sampler.fill(batch, b, first, count);
                        long t1 = mx.getCurrentThreadCpuTime();
                        bytes += encoder.encode(batch).length;
                        long t2 = mx.getCurrentThreadCpuTime();
                        writer.write(batch);
                        long t3 = mx.getCurrentThreadCpuTime();
                        summary.accept(batch);
                        long t4 = mx.getCurrentThreadCpuTime();
                        sample += t1 - t0;
                        encode += t2 - t1;
                        write += t3 - t2;
                        summarise += t4 - t3;
                    }
                } finally {
                    long t5 = mx.getCurrentThreadCpuTime();
                    writer.close();
                    write += mx.getCurrentThreadCpuTime() - t5;
                }
                long t6 = mx.getCurrentThreadCpuTime();
                summary.summary();
                summarise += mx.getCurrentThreadCpuTime() - t6;
                System.out.printf(Locale.ROOT, "%3d %10.3f %13.3f %7.1f %16.3f %10.3f%n", rep, sample / 1e9,
                        encode / 1e9, bytes / 1e6, write / 1e9, summarise / 1e9);
            }
        } finally {
            Files.deleteIfExists(parquet);
        }
    }
}
