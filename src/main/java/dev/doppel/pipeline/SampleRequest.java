package dev.doppel.pipeline;

import dev.doppel.generate.condition.Audience;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.SynthModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What to generate and where.
 *
 * @param model the fitted model
 * @param rows how many synthetic rows
 * @param seed the root seed: the same seed gives the same bytes
 * @param threads worker threads (1 or more)
 * @param format CSV or Parquet
 * @param compression Parquet codec
 * @param output the file to write
 * @param force replace an existing file
 * @param realIds per identifier column, the real ids no synthetic id may equal (only known when the real data is at
 *     hand, as in {@code run}; never stored)
 * @param audience which rows to generate ({@code --where}, {@code --rebalance}); {@link Audience#none()} for all
 * @param copyGuard the rare training rows no synthetic row may copy (only known when the real data is at hand, as in
 *     {@code run}); {@link CopyGuard#NONE} otherwise
 */
public record SampleRequest(
        SynthModel model,
        long rows,
        long seed,
        int threads,
        OutputFormat format,
        Compression compression,
        Path output,
        boolean force,
        Map<String, Set<String>> realIds,
        Audience audience,
        CopyGuard copyGuard) {
    @Override
    public String toString() {
        return "SampleRequest[" + rows + " rows to " + output.getFileName() + "]"; // never the ids
    }

    /** Rows per batch: large enough to amortise per-batch work, small enough to keep memory flat. */
    public static final int BATCH_ROWS = 8192;

    public SampleRequest(
            SynthModel model,
            long rows,
            long seed,
            int threads,
            OutputFormat format,
            Compression compression,
            Path output,
            boolean force) {
        this(model, rows, seed, threads, format, compression, output, force, Map.of(), Audience.none());
    }

    public SampleRequest(SynthModel model, long rows, long seed, int threads, OutputFormat format,
            Compression compression, Path output, boolean force, Map<String, Set<String>> realIds,
            Audience audience) {
        this(model, rows, seed, threads, format, compression, output, force, realIds, audience, CopyGuard.NONE);
    }

    public SampleRequest {
        realIds = Map.copyOf(realIds);
        audience = audience == null ? Audience.none() : audience;
        copyGuard = copyGuard == null ? CopyGuard.NONE : copyGuard;
        checkCounts(rows, threads);
    }

    /** The checks every generation request makes (a file's here, a table's in {@link TableRequest}). */
    static void checkCounts(long rows, int threads) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
