package dev.doppel.db;

import dev.doppel.constraint.ConstraintLayer;
import dev.doppel.generate.Batch;
import dev.doppel.generate.RowSampler;
import dev.doppel.io.ReadOptions;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.TableLoading;
import dev.doppel.pipeline.TableRequest;
import dev.doppel.pipeline.TableResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load speed into PostgreSQL (COPY) and SQLite (batched INSERT), not a test (no timing asserts); run by bench/db.sh:
 *
 * <pre>java -cp ... dev.doppel.db.DatabaseLoadBench DATA.csv [ROWS] [REPS] [PG_URL]</pre>
 *
 * Fits the data file, draws ROWS rows into memory once, then per repetition and database: (1) "load": the rows
 * already in memory encoded and sent on one thread, table created in the transaction, commit included: the
 * database path alone; (2) "send" (PostgreSQL only): the rows already encoded as COPY lines, streamed and committed:
 * what the server's COPY takes in, as when workers encode ahead (for SQLite the binding is the load, so "send" is
 * the same as "load"); (3) "sample --to": the whole command path (generation and encoding on 2 worker threads,
 * loading on one), as {@code doppel sample --to} runs it. Prints rows/s of each.
 */
public final class DatabaseLoadBench {
    private DatabaseLoadBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String pg = args.length > 3 && !args[3].isBlank() ? args[3] : null;
        SynthModel model = Fitting.fit(
                Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "bench");
        ConstraintLayer layer = ConstraintLayer.of(model);
        RowSampler sampler = new RowSampler(model, 42, Map.of(), rows);
        List<Batch> batches = new ArrayList<>();
        int batchRows = SampleRequest.BATCH_ROWS;
        for (long first = 0, b = 0; first < rows; first += batchRows, b++) {
            Batch batch = layer.newBatch(batchRows);
            sampler.fill(batch, b, first, (int) Math.min(batchRows, rows - first));
            layer.complete(batch);
            batches.add(batch);
        }
        TableDesign design = TableDesign.of(layer.columns(), rows);
        System.out.printf(Locale.ROOT, "%,d rows, %d columns, %d threads for sample --to%n", rows,
                layer.columns().size(), 2);
        Path dir = Files.createTempDirectory("doppel-dbbench");
        List<String> urls = new ArrayList<>();
        urls.add("sqlite:" + dir.resolve("bench.db"));
        if (pg != null) {
            urls.add(pg);
        }
        System.out.println("rep  database     load_s  load_rows/s  send_s  send_rows/s  sample_to_s  sample_to_rows/s");
        try {
            for (int rep = 1; rep <= reps; rep++) {
                for (String url : urls) {
                    DatabaseTarget target = DatabaseTarget.parse(url, "bench_customers", IfExists.REPLACE);
                    long t0 = System.nanoTime();
                    try (TableLoader<?> loader = TableLoader.open(target, layer.columns(), design, System.getenv())) {
                        send(loader, batches);
                        loader.commit();
                    }
                    double load = (System.nanoTime() - t0) / 1e9;
                    double send = load;
                    if (target.engine() == Engine.POSTGRESQL) {
                        try (TableLoader<?> loader = TableLoader.open(target, layer.columns(), design, System.getenv())) {
                            send = sendPrepared(loader, batches);
                        }
                    }
                    TableResult whole = TableLoading.run(new TableRequest(model, rows, 42, 2, target), Progress.NONE);
                    System.out.printf(Locale.ROOT, "%3d  %-10s %8.2f %12.0f %7.2f %12.0f %12.2f %17.0f%n", rep,
                            target.engine().name().toLowerCase(Locale.ROOT), load, rows / load, send, rows / send,
                            whole.seconds(), whole.rowsPerSecond());
                }
            }
        } finally {
            Files.deleteIfExists(dir.resolve("bench.db"));
            Files.deleteIfExists(dir);
        }
    }

    /** Encodes every batch first, then times streaming them and the commit. */
    private static <E> double sendPrepared(TableLoader<E> loader, List<Batch> batches) throws Exception {
        List<E> prepared = new ArrayList<>();
        for (Batch b : batches) {
            prepared.add(loader.prepare(b));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < batches.size(); i++) {
            loader.write(batches.get(i), prepared.get(i));
        }
        loader.commit();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static <E> void send(TableLoader<E> loader, List<Batch> batches) throws Exception {
        for (Batch b : batches) {
            loader.write(b, loader.prepare(b));
        }
    }
}
