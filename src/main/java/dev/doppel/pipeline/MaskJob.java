package dev.doppel.pipeline;

import dev.doppel.error.OutputException;
import dev.doppel.generate.Batch;
import dev.doppel.generate.BatchPipeline;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.CsvBatchEncoder;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.RowBatches;
import dev.doppel.io.TableReaders;
import dev.doppel.mask.BatchObservation;
import dev.doppel.mask.MaskMode;
import dev.doppel.mask.MaskPlan;
import dev.doppel.mask.MaskSetup;
import dev.doppel.mask.MaskingStage;
import dev.doppel.mask.PrivacyManifest;
import dev.doppel.mask.PrivacyManifests;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FitSettings;
import dev.doppel.model.Seeds;
import dev.doppel.model.TextColumn;
import dev.doppel.privacy.Detection;
import dev.doppel.privacy.PersonalDataDetector;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileColumns;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.CellSpellings;
import java.util.function.UnaryOperator;
import dev.doppel.privacy.MaskAction;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code doppel mask}: a masked copy of a real table, row by row. The first rows settle kinds and detect personal
 * data; pass 1 streams the whole file to learn what masking needs (rare values, quasi-identifier combinations, real
 * values fakes must avoid); pass 2 streams it again, masks each batch of rows on a worker and writes them in order.
 * Memory stays flat in the rows; the output appears only when complete, with its privacy manifest beside it.
 */
public final class MaskJob {
    /** Rows masked and encoded at a time within a batch (see {@link #maskToCsv}). */
    static final int SLICE_ROWS = 256;

    /** Rows read up front to infer kinds and detect personal data. */
    public static final int HEAD_ROWS = 10_000;

    /**
     * @param input the real table (CSV, TSV or Parquet)
     * @param options how to read it
     * @param profile the profile, or null for detection's defaults
     * @param profileName the profile's file name, for messages and the manifest; null without a profile
     * @param profileText the profile's text, for line numbers and its hash; null without a profile
     * @param output the masked file
     * @param format CSV or Parquet
     * @param compression Parquet codec
     * @param seed seeds the fakes
     * @param threads worker threads
     * @param force replace existing files
     */
    public record Request(
            Path input,
            ReadOptions options,
            Profile profile,
            String profileName,
            String profileText,
            Path output,
            OutputFormat format,
            Compression compression,
            long seed,
            int threads,
            boolean force) {}

    /** What a mask run wrote. */
    public record Result(Path output, Path manifestFile, long rows, double seconds, PrivacyManifest manifest) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    private MaskJob() {}

    /** The manifest's place beside a data file: {@code masked.csv} → {@code masked.privacy.json}. */
    public static Path manifestFor(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return data.resolveSibling(stem + ".privacy.json");
    }

    public static Result run(Request request, String version, Progress progress) {
        long start = System.nanoTime();
        Path manifestFile = manifestFor(request.output());
        if (!request.force()) {
            for (Path p : List.of(request.output(), manifestFile)) {
                if (Files.exists(p)) {
                    throw new OutputException(p + ": already exists; pass --force to replace it");
                }
            }
        }
        RawTable head = TableReaders.readHead(request.input(), request.options(), HEAD_ROWS);
        List<ColumnProfile> inferred = SchemaInference.infer(head, Map.of());
        List<ColumnSpec> specs = request.profile() == null
                ? inferred.stream().map(ColumnProfile::spec).toList()
                : ProfileColumns.apply(inferred, request.profile().columns(), request.profileName(), request.profileText());
        List<Detection> detections = PersonalDataDetector.detect(head, specs);
        int minGroup = request.profile() == null ? FitSettings.DEFAULTS.minGroup()
                : Profiles.fitSettings(request.profile().model(), request.profileName()).minGroup();
        MaskPlan plan = MaskPlan.resolve(specs, detections, request.profile(), minGroup, MaskMode.MASK,
                request.profileName(), request.profileText());
        MaskSetup setup = MaskSetup.of(plan, head, request.profileName() == null ? "mask" : request.profileName(),
                true);
        long expected = estimateRows(request.input(), head);
        MaskingStage stage = new MaskingStage(plan, specs, setup::fakes, setup.secret(), true, expected,
                request.seed());
        Spelling spelling = Spelling.of(plan, specs, head);
        long rows = -1;
        if (stage.needsObservation()) {
            progress.start("reading", expected);
            rows = observe(request, stage, spelling, progress);
            progress.finish();
        }
        stage.solve();

        int[] kept = stage.outputColumns();
        List<ColumnModel> columns = new ArrayList<>(kept.length);
        for (int c : kept) {
            ColumnSpec s = specs.get(c);
            columns.add(new TextColumn(new ColumnSpec(s.name(), ColumnKind.TEXT, 0, null, null, null, s.missing(), false),
                    0, null));
        }
        long written;
        try (AtomicOutput out = AtomicOutput.open(request.output(), request.force());
                AtomicOutput manifestOut = AtomicOutput.open(manifestFile, request.force())) {
            progress.start("masking", rows >= 0 ? rows : expected);
            written = write(request, stage, spelling, columns, head, out.temp(), rows >= 0 ? rows : expected,
                    progress);
            progress.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            PrivacyManifest manifest = PrivacyManifests.of("mask", version, request.input(), written, specs.size(),
                    request.output(), request.profileName(), request.profileText(), request.seed(), plan, setup,
                    stage);
            Files.writeString(manifestOut.temp(), manifest.toJson());
            out.commit();
            manifestOut.commit();
            return new Result(out.target(), manifestOut.target(), written, seconds, manifest);
        } catch (Exception e) {
            throw JobFailures.writing(e, request.output(), "masking");
        }
    }

    /** An upper estimate of the rows from the file size and the first rows' width (sizes the real-value filters). */
    private static long estimateRows(Path input, RawTable head) {
        try {
            long bytes = Files.size(input);
            if (head.rows() < HEAD_ROWS) {
                return Math.max(1, head.rows());
            }
            long headBytes = 0;
            for (String[] col : head.columns()) {
                for (String v : col) {
                    headBytes += v == null ? 1 : v.length() + 1;
                }
            }
            double perRow = Math.max(1.0, (double) headBytes / head.rows());
            return Math.max(head.rows(), (long) (1.5 * bytes / perRow));
        } catch (IOException e) {
            return Math.max(1, head.rows());
        }
    }

    /**
     * Pass 1: read batches on this thread, observe them on workers, merge the observations here in batch order (so the
     * result does not depend on the thread count).
     */
    private static long observe(Request request, MaskingStage stage, Spelling spelling, Progress progress) {
        long[] rows = {0};
        try (RowBatches batches = TableReaders.openBatches(request.input(), request.options(),
                SampleRequest.BATCH_ROWS)) {
            BatchPipeline.<RowBatches.Pending, BatchObservation>stream(batches::next, request.threads(),
                    2 * request.threads(), (index, batch) -> {
                        MaskingStage.Observer observer = stage.observer(SampleRequest.BATCH_ROWS);
                        batch.rows(SLICE_ROWS, slice -> observer.add(spelling.plain(slice))); // a slice at a time
                        return observer.finish();
                    },
                    (observed, ignored) -> {
                        stage.merge(observed);
                        rows[0] += observed.rows();
                        progress.advance(rows[0]);
                    });
        } catch (Exception e) {
            throw JobFailures.unchecked(e, "reading");
        }
        return rows[0];
    }

    /**
     * Pass 2: cut batches of {@link SampleRequest#BATCH_ROWS} rows on this thread, parse, mask and encode them on
     * workers, write them in order.
     */
    private static long write(Request request, MaskingStage stage, Spelling spelling, List<ColumnModel> columns,
            RawTable head, Path temp, long expectedRows, Progress progress) throws Exception {
        long[] done = {0};
        try (RowBatches batches = TableReaders.openBatches(request.input(), request.options(),
                SampleRequest.BATCH_ROWS)) {
            BatchPipeline.Source<RowBatches.Pending> source = batches::next;
            int inFlight = 2 * request.threads();
            // one masker per thread, kept from batch to batch: what it remembers (layouts, generalised values) stays
            ThreadLocal<MaskingStage.Masker> maskers = ThreadLocal.withInitial(stage::masker);
            if (request.format() == OutputFormat.PARQUET) {
                try (ParquetBatchWriter writer = new ParquetBatchWriter(temp, columns, request.compression(),
                        Math.max(1, expectedRows))) {
                    BatchPipeline.<RowBatches.Pending, ParquetBatchWriter.EncodedBatch>stream(source, request.threads(),
                            inFlight, (index, batch) -> writer.encode(mask(maskers.get(), columns,
                                    spelling.plain(batch.rows()), request.seed(), index)),
                            (pages, ignored) -> {
                                writer.append(pages);
                                done[0] += pages.rows();
                                progress.advance(done[0]);
                            });
                }
            } else {
                CsvBatchEncoder encoder = new CsvBatchEncoder(columns, head.dialect());
                // output buffers go back for reuse once written: no batch allocates and grows a fresh one
                Queue<CsvBatchEncoder.Sink> spare = new ConcurrentLinkedQueue<>();
                try (OutputStream stream = Files.newOutputStream(temp)) {
                    stream.write(encoder.header());
                    BatchPipeline.<RowBatches.Pending, Encoded>stream(source, request.threads(), inFlight,
                            (index, batch) -> {
                                CsvBatchEncoder.Sink sink = spare.poll();
                                if (sink == null) {
                                    sink = new CsvBatchEncoder.Sink(encoder.sizeHint(SampleRequest.BATCH_ROWS));
                                }
                                sink.clear();
                                int rows = maskToCsv(maskers.get(), columns, encoder, batch, spelling, request.seed(),
                                        index, sink);
                                return new Encoded(sink, rows);
                            },
                            (encoded, ignored) -> {
                                stream.write(encoded.sink().array(), 0, encoded.sink().size());
                                spare.add(encoded.sink());
                                done[0] += encoded.rows();
                                progress.advance(done[0]);
                            });
                }
            }
        }
        return done[0];
    }

    private record Encoded(CsvBatchEncoder.Sink sink, int rows) {}

    /** Masks one batch of rows into a batch of output strings; its randomness comes from (seed, batch index). */
    private static Batch mask(MaskingStage.Masker masker, List<ColumnModel> columns, String[][] rows, long seed,
            long index) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, "mask", index));
        Batch batch = new Batch(columns, rows.length);
        maskSlice(masker, rows, 0, rows.length, rnd, batch, index * SampleRequest.BATCH_ROWS);
        return batch;
    }

    /**
     * Parses, masks and encodes one batch of rows straight into CSV bytes appended to {@code sink},
     * {@value #SLICE_ROWS} rows at a time: each slice's cells are masked while still in the processor's cache, and
     * its strings encoded. The bytes are those of masking the whole batch, then encoding it: the rows take the batch's
     * random stream in the same order.
     *
     * @return the rows of the batch
     */
    private static int maskToCsv(MaskingStage.Masker masker, List<ColumnModel> columns, CsvBatchEncoder encoder,
            RowBatches.Pending batch, Spelling spelling, long seed, long index, CsvBatchEncoder.Sink sink) {
        SplittableRandom rnd = new SplittableRandom(Seeds.derive(seed, "mask", index));
        Batch slice = new Batch(columns, SLICE_ROWS);
        int[] done = {0};
        batch.rows(SLICE_ROWS, read -> {
            String[][] rows = spelling.plain(read);
            maskSlice(masker, rows, 0, rows.length, rnd, slice, index * SampleRequest.BATCH_ROWS + done[0]);
            encoder.append(slice, sink);
            done[0] += rows.length;
        });
        return done[0];
    }

    /** Masks rows[from, from + count) into {@code batch} (reset to hold them as rows from {@code firstRow}). */
    private static void maskSlice(MaskingStage.Masker masker, String[][] rows, int from, int count,
            SplittableRandom rnd, Batch batch, long firstRow) {
        batch.reset(firstRow, count);
        for (int r = 0; r < count; r++) {
            String[] out = masker.mask(rows[from + r], rnd);
            for (int c = 0; c < out.length; c++) {
                batch.strings(c)[r] = out[c];
            }
        }
    }

    /**
     * The columns masking must read (generalised, suppressed or quasi-identifiers) whose cells have another spelling
     * than their spec's: numbers with a number layout, and dates mixing layouts. Their cells are put in the one
     * spelling before masking, as fitting reads them ({@link CellSpellings}); every other column, kept or replaced,
     * goes through as written.
     */
    private record Spelling(int[] columns, List<UnaryOperator<String>> spellers) {
        static Spelling of(MaskPlan plan, List<ColumnSpec> specs, RawTable head) {
            List<Integer> cs = new ArrayList<>();
            List<UnaryOperator<String>> ss = new ArrayList<>();
            for (int c = 0; c < specs.size(); c++) {
                MaskAction action = plan.columns().get(c).action();
                boolean read = action == MaskAction.GENERALISE || action == MaskAction.SUPPRESS
                        || plan.quasiIdentifiers().contains(specs.get(c).name());
                var speller = read ? CellSpellings.speller(specs.get(c), head.column(c))
                        : java.util.Optional.<UnaryOperator<String>>empty();
                if (speller.isPresent()) {
                    cs.add(c);
                    ss.add(speller.get());
                }
            }
            return new Spelling(cs.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(ss));
        }

        /** The rows with those columns in their one spelling (changed in place; the reader made them for this batch). */
        String[][] plain(String[][] rows) {
            if (columns.length > 0) {
                for (String[] row : rows) {
                    for (int i = 0; i < columns.length; i++) {
                        row[columns[i]] = spellers.get(i).apply(row[columns[i]]);
                    }
                }
            }
            return rows;
        }
    }
}
