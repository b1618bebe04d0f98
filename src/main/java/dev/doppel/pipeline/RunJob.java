package dev.doppel.pipeline;

import dev.doppel.db.DatabaseTarget;
import dev.doppel.db.IfExists;
import dev.doppel.error.InputException;
import dev.doppel.error.OutputException;
import dev.doppel.error.UsageException;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.Evaluation;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.Gate;
import dev.doppel.evaluate.ReportJson;
import dev.doppel.evaluate.html.HtmlReport;
import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.io.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.ModelFile;
import dev.doppel.mask.PrivacyManifest;
import dev.doppel.mask.PrivacyManifests;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole path from a profile: read, infer, fit, generate, write. By default each run gets its own folder,
 * {@code output/<job>/<yyyyMMdd-HHmmss>/}, holding {@code synthetic.csv} (or {@code .parquet}), {@code model.json} and
 * {@code summary.txt}; the folder appears only once everything in it is written, so batch runs never overwrite or
 * half-write one another.
 */
public final class RunJob {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /**
     * Command-line settings that win over the profile's; null leaves the profile's.
     *
     * @param outputDir make the run folder under this folder, whatever the profile's output.dir and output.path say
     * @param gate thresholds from the command line, on top of the profile's {@code evaluate:} ones
     * @param gateBeforeWrite evaluate before publishing and write nothing when a privacy threshold fails
     * @param evaluate false to skip the evaluation and its reports (faster; no gate can be checked)
     * @param sampleRows the most input rows read into memory (a uniform random sample), over input.sample_rows
     */
    public record Overrides(Long rows, Long seed, Integer threads, boolean force, Path outputDir, Gate gate,
            boolean gateBeforeWrite, boolean evaluate, ModelChoice.Type model, Integer sampleRows) {
        public Overrides(Long rows, Long seed, Integer threads, boolean force, Path outputDir, Gate gate,
                boolean gateBeforeWrite, boolean evaluate, ModelChoice.Type model) {
            this(rows, seed, threads, force, outputDir, gate, gateBeforeWrite, evaluate, model, null);
        }

        public Overrides(Long rows, Long seed, Integer threads, boolean force, Path outputDir, Gate gate,
                boolean gateBeforeWrite, boolean evaluate) {
            this(rows, seed, threads, force, outputDir, gate, gateBeforeWrite, evaluate, null);
        }

        public Overrides(Long rows, Long seed, Integer threads, boolean force) {
            this(rows, seed, threads, force, null);
        }

        public Overrides(Long rows, Long seed, Integer threads, boolean force, Path outputDir) {
            this(rows, seed, threads, force, outputDir, Gate.none(), false, true);
        }
    }

    /** What a run wrote. */
    public record Result(
            Path folder,
            Path data,
            Path modelFile,
            SynthModel model,
            SampleResult sample,
            double fitSeconds,
            Path manifestFile,
            EvaluationReport report,
            Path reportFile,
            Path htmlFile,
            boolean written,
            TableResult table) {
        public Result(Path folder, Path data, Path modelFile, SynthModel model, SampleResult sample, double fitSeconds,
                Path manifestFile, EvaluationReport report, Path reportFile, Path htmlFile, boolean written) {
            this(folder, data, modelFile, model, sample, fitSeconds, manifestFile, report, reportFile, htmlFile, written,
                    null);
        }
    }

    private RunJob() {}

    public static Result run(Path profilePath, Overrides overrides, String version, Progress progress) {
        String profileName = profilePath.toString();
        String text;
        try {
            text = Files.readString(profilePath, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(profileName + ": no such profile");
        } catch (IOException e) {
            throw new InputException(profileName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Profile profile = ProfileFile.parse(text, profileName);
        if (profile.input().path() == null) {
            throw new InputException(profileName + ": input.path is missing (the data file to learn from)");
        }
        Path data = Path.of(profile.input().path());
        String job = profile.job() != null ? profile.job() : stem(profilePath.getFileName().toString());
        if (!job.matches("[A-Za-z0-9._-]+")) {
            throw new InputException(profileName + ": job must be letters, digits, '.', '_' or '-' (it names a folder)");
        }
        Profile.Output out = profile.output();
        OutputFormat format = format(out, profileName);
        Compression compression = compression(out, profileName);
        long seed = overrides.seed() != null ? overrides.seed() : out.seed() != null ? out.seed() : 42L;
        int threads = overrides.threads() != null ? overrides.threads()
                : out.threads() != null && out.threads() > 0 ? out.threads()
                : Runtime.getRuntime().availableProcessors();
        FitSettings settings = Profiles.fitSettings(profile.model(), profileName);
        ModelChoice choice = Profiles.modelChoice(profile.model(), profileName, settings.minGroup());
        if (overrides.model() != null) {
            choice = choice.withType(overrides.model());
        }
        try {
            Audience.check(out.where(), out.rebalance()); // the syntax, before the work
        } catch (ConditionException e) {
            throw new InputException(profileName + ": output." + e.part().key() + ": " + e.getMessage());
        }

        DatabaseTarget table = tableTarget(out, profileName);

        // Check the destination before the work, so a run that cannot write fails fast.
        boolean force = overrides.force() || Boolean.TRUE.equals(out.overwrite());
        Path explicit = out.path() != null && overrides.outputDir() == null ? Path.of(out.path()) : null;
        if (explicit != null && Files.exists(explicit) && !force) {
            throw new OutputException(explicit + ": already exists; pass --force or set output.overwrite: true");
        }
        if (explicit != null && !force) {
            for (Path beside : List.of(MaskJob.manifestFor(explicit), reportFor(explicit, ".report.json"),
                    reportFor(explicit, ".report.html"))) {
                if (Files.exists(beside)) {
                    throw new OutputException(beside + ": already exists; pass --force or set output.overwrite: true");
                }
            }
        }

        long fitStart = System.nanoTime();
        ReadOptions readOptions = Profiles.readOptions(profile.input(), profileName);
        int sampleRows = Profiles.sampleRows(overrides.sampleRows(), profile.input(), profileName);
        Fitting.Inspected inspected = Fitting.inspect(data, readOptions, sampleRows, seed, profile, profileName, text);
        Profile.Evaluate evaluate = profile.evaluate();
        double holdoutShare = evaluate.holdout() != null ? evaluate.holdout() : HoldoutSplit.DEFAULT_SHARE;
        if (holdoutShare < 0 || holdoutShare >= 1) {
            throw new InputException(profileName + ": evaluate.holdout must be a share from 0 (none) to under 1");
        }
        HoldoutSplit split = overrides.evaluate() ? HoldoutSplit.of(inspected.table(), holdoutShare, seed)
                : new HoldoutSplit(inspected.table(), null);
        Fitting.Inspected training = new Fitting.Inspected(split.training(), inspected.inferred(), inspected.specs());
        Fitting.Masked masked = Fitting.mask(training, profile, settings, profileName, text);
        SynthModel model = Fitting.noteSample(
                Fitting.fit(masked, settings, version, profile, profileName, text, choice, seed, threads), inspected,
                seed);
        Audience audience;
        try {
            audience = Audience.compile(model, out.where(), out.rebalance());
        } catch (ConditionException e) {
            throw new InputException(profileName + ": output." + e.part().key() + ": " + e.getMessage());
        }
        CopyGuard guard = CopyGuard.over(model, masked.table(), EvalSchema.of(masked.specs(), masked.plan().roles()),
                settings.minGroup());
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        long rows = overrides.rows() != null ? overrides.rows() : out.rows() != null ? out.rows() : inspected.inputRows();
        Gate gate = Gate.of(evaluate.failUnder(), evaluate.max(), profileName)
                .and(overrides.gate() == null ? Gate.none() : overrides.gate());
        boolean gateBeforeWrite = overrides.gateBeforeWrite() || Boolean.TRUE.equals(evaluate.gateBeforeWrite());
        if (!overrides.evaluate() && (!gate.isEmpty() || gateBeforeWrite)) {
            throw new UsageException("--no-evaluation turns off the report, so thresholds and --gate-before-write"
                    + " cannot be checked");
        }
        Reporter reporter = new Reporter(masked, split, readOptions, evaluate, profile, text, version, seed, threads,
                gate, data, overrides.evaluate(), new Evaluation.Rules(model.constraints(), settings.rareLabel()),
                modelNote(model));
        if (rows < 0) {
            throw new InputException(profileName + ": output.rows must not be negative");
        }

        if (explicit != null) {
            Path staged = explicit.toAbsolutePath().resolveSibling(
                    "." + explicit.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".run");
            try {
                SampleResult sample = Sampling.run(
                        new SampleRequest(model, rows, seed, threads, format, compression, staged, false,
                                realIds(inspected, masked), audience, guard),
                        progress);
                PrivacyManifest.CopyCheck copies = guard.check(); // before a database load draws the rows again
                EvaluationReport report = reporter.evaluate(staged, explicit, sample.rows());
                if (gateBeforeWrite && report != null && privacyFailed(report)) {
                    return new Result(null, null, null, model, sample, fitSeconds, null, report, null, null, false);
                }
                Path reportFile = reportFor(explicit, ".report.json");
                Path htmlFile = reportFor(explicit, ".report.html");
                if (report != null) {
                    EvaluateJob.write(reportFile, ReportJson.toJson(report), force);
                    EvaluateJob.write(htmlFile, HtmlReport.render(report), force);
                }
                TableResult loaded = load(table, model, rows, seed, threads, inspected, masked, audience, guard,
                        progress);
                Files.move(staged, explicit, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Path manifestFile = MaskJob.manifestFor(explicit);
                writeManifest(manifestFile, manifest(version, data, inspected, explicit, profileName, text, seed, masked)
                        .withCopies(copies), force);
                return new Result(explicit.toAbsolutePath().getParent(), explicit,
                        null, model, new SampleResult(explicit, sample.rows(), sample.bytes(), sample.seconds(),
                                sample.summary()),
                        fitSeconds, manifestFile, report, report == null ? null : reportFile,
                        report == null ? null : htmlFile, true, loaded);
            } catch (IOException e) {
                throw new OutputException(explicit + ": cannot be written (" + e.getClass().getSimpleName() + ")");
            } finally {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    // best effort
                }
            }
        }
        Path base = overrides.outputDir() != null ? overrides.outputDir()
                : Path.of(out.dir() != null ? out.dir() : "output/" + job);
        Path staging = null;
        Thread cleanup = null;
        try {
            Files.createDirectories(base);
            staging = stagingFolder(base);
            Path doomed = staging;
            cleanup = new Thread(() -> deleteQuietly(doomed), "doppel-run-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup); // an interrupted run leaves no hidden folder behind
            String dataName = "synthetic." + (format == OutputFormat.PARQUET ? "parquet" : "csv");
            SampleResult sample = Sampling.run(
                    new SampleRequest(model, rows, seed, threads, format, compression, staging.resolve(dataName), false,
                            realIds(inspected, masked), audience, guard),
                    progress);
            PrivacyManifest.CopyCheck copies = guard.check(); // before a database load draws the rows again
            Files.writeString(staging.resolve("model.json"), ModelFile.toJson(model));
            Files.writeString(staging.resolve("privacy.json"), manifest(version, data, inspected,
                    staging.resolve(dataName), profileName, text, seed, masked).withCopies(copies).toJson());
            Files.writeString(staging.resolve("summary.txt"), sample.summary().render(10));
            EvaluationReport report = reporter.evaluate(staging.resolve(dataName), staging.resolve(dataName), sample.rows());
            if (gateBeforeWrite && report != null && privacyFailed(report)) {
                return new Result(null, null, null, model, sample, fitSeconds, null, report, null, null, false);
            }
            if (report != null) {
                Files.writeString(staging.resolve("report.json"), ReportJson.toJson(report));
                Files.writeString(staging.resolve("report.html"), HtmlReport.render(report));
            }
            TableResult loaded = load(table, model, rows, seed, threads, inspected, masked, audience, guard,
                        progress);
            Path folder = publish(staging, base);
            staging = null;
            return new Result(folder, folder.resolve(dataName), folder.resolve("model.json"), model,
                    new SampleResult(folder.resolve(dataName), sample.rows(), sample.bytes(), sample.seconds(), sample.summary()),
                    fitSeconds, folder.resolve("privacy.json"), report,
                    report == null ? null : folder.resolve("report.json"),
                    report == null ? null : folder.resolve("report.html"), true, loaded);
        } catch (IOException e) {
            throw new OutputException(base + ": cannot write the run folder (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs anyway
                }
            }
        }
    }

    /** The report's note on which model drew the rows, with auto's reasons when it chose. */
    static String modelNote(SynthModel model) {
        String chosen = model.notes().stream().filter(n -> n.startsWith(ModelSelection.NOTE)).findFirst().orElse(null);
        return "Model: " + model.kind() + (chosen == null ? "." : " (" + chosen + ").");
    }

    /** The profile's {@code output.to}/{@code table}/{@code if_exists}, checked before the work; null without them. */
    static DatabaseTarget tableTarget(Profile.Output out, String profileName) {
        if (out.to() == null && out.table() == null) {
            return null;
        }
        if (out.to() == null) {
            throw new InputException(profileName + ": output.table needs output.to (the database to load into)");
        }
        IfExists ifExists;
        try {
            ifExists = out.ifExists() == null ? IfExists.APPEND : IfExists.fromKey(out.ifExists());
        } catch (IllegalArgumentException e) {
            throw new InputException(profileName + ": output.if_exists must be append, replace or fail");
        }
        try {
            return DatabaseTarget.parse(out.to(), out.table(), ifExists);
        } catch (UsageException e) {
            throw new InputException(profileName + ": output: " + e.getMessage().replace("--to", "to")
                    .replace("--table", "table"));
        }
    }

    /**
     * Loads the run's rows into the profile's table, after the evaluation and its gate and before the run's files are
     * published: the same seed and batches as the file, so the table holds the same rows. A failed load is rolled
     * back and the run publishes nothing. Null without a table.
     */
    private static TableResult load(DatabaseTarget table, SynthModel model, long rows, long seed, int threads,
            Fitting.Inspected inspected, Fitting.Masked masked, Audience audience, CopyGuard guard, Progress progress) {
        if (table == null) {
            return null;
        }
        return TableLoading.run(new TableRequest(model, rows, seed, threads, table, realIds(inspected, masked),
                audience, guard), progress);
    }

    /** True when a privacy threshold of the report's gate failed. */
    static boolean privacyFailed(EvaluationReport report) {
        return report.gate() != null
                && report.gate().checks().stream().anyMatch(c -> c.privacy() && !c.passed());
    }

    /** {@code data.csv} → {@code data<suffix>} beside it. */
    static Path reportFor(Path output, String suffix) {
        return output.resolveSibling(stem(output.getFileName().toString()) + suffix);
    }

    /** Everything the run's evaluation needs, gathered once. */
    private record Reporter(Fitting.Masked masked, HoldoutSplit split, ReadOptions readOptions,
            Profile.Evaluate settings, Profile profile, String profileText, String version, long seed, int threads,
            Gate gate, Path input, boolean enabled, Evaluation.Rules rules, String modelNote) {

        /** The report on the synthetic file just written ({@code shownAs} names it in the report); null when off. */
        EvaluationReport evaluate(Path synthetic, Path shownAs, long rows) {
            if (!enabled) {
                return null;
            }
            List<String> notes = new ArrayList<>();
            notes.add(modelNote);
            if (split.holdout() == null) {
                notes.add("Nothing was held out (evaluate.holdout is 0 or the table has too few rows), so privacy"
                        + " could not be measured against real rows the generator never saw.");
            }
            int k = profile.privacy().k() != null ? profile.privacy().k() : 5;
            String target = settings.target();
            return RunEvaluation.evaluate(masked, split.holdout(), synthetic, readOptions,
                    new Evaluation.Settings(seed, target, k,
                            settings.privacyRows() != null ? settings.privacyRows()
                                    : Evaluation.Settings.DEFAULT_PRIVACY_ROWS, threads),
                    new Evaluation.Sources(
                            new EvaluationReport.Table(input.getFileName() + " (training rows)", split.training().rows()),
                            new EvaluationReport.Table(shownAs.getFileName().toString(), rows),
                            split.holdout() == null ? null
                                    : new EvaluationReport.Table(input.getFileName() + " (hold-out rows)",
                                            split.holdout().rows()),
                            PrivacyManifest.sha256(profileText), Reports.versions(version), notes),
                    gate, rules);
        }
    }

    /**
     * A new hidden folder beside the run folders, made with the default permissions (a temp directory would be
     * owner-only, and the run folder it becomes would stay so).
     */
    private static Path stagingFolder(Path base) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path dir = base.resolve(".run-" + Long.toHexString(System.nanoTime()) + "-" + attempt);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames the finished staging folder to the first free {@code <yyyyMMdd-HHmmss>[-N]} name. A rename never
     * replaces a folder that has files in it, so when another run takes the name first this one takes the next.
     */
    private static Path publish(Path staging, Path base) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        for (int i = 1; ; i++) {
            Path folder = base.resolve(i == 1 ? stamp : stamp + "-" + i);
            if (Files.exists(folder)) {
                continue;
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
                return folder;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (i >= 1000) {
                    throw e;
                }
            }
        }
    }

    private static PrivacyManifest manifest(String version, Path data, Fitting.Inspected inspected, Path output,
            String profileName, String text, long seed, Fitting.Masked masked) {
        return PrivacyManifests.of("run", version, data, inspected.table().rows(), inspected.table().columnCount(),
                output, profileName, text, seed, masked.plan(), masked.setup(), masked.stage());
    }

    private static void writeManifest(Path file, PrivacyManifest manifest, boolean force) {
        try (AtomicOutput out = AtomicOutput.open(file, force)) {
            Files.writeString(out.temp(), manifest.toJson());
            out.commit();
        } catch (IOException e) {
            throw new OutputException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The real values of each identifier and made-up column, in memory only, so that no synthetic id or fake can
     * equal one.
     */
    private static Map<String, Set<String>> realIds(Fitting.Inspected inspected, Fitting.Masked masked) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (int c = 0; c < masked.specs().size(); c++) {
            ColumnSpec spec = masked.specs().get(c);
            if ((spec.kind() == ColumnKind.IDENTIFIER || masked.given().containsKey(spec.name())) && !spec.skip()) {
                Set<String> values = new HashSet<>();
                for (String v : inspected.table().column(c)) {
                    if (v != null) {
                        values.add(v);
                    }
                }
                ids.put(spec.name(), values);
            }
        }
        return ids;
    }

    private static OutputFormat format(Profile.Output out, String profileName) {
        if (out.format() != null) {
            try {
                return OutputFormat.fromKey(out.format());
            } catch (IllegalArgumentException e) {
                throw new InputException(profileName + ": output.format must be csv or parquet");
            }
        }
        if (out.path() != null) {
            return OutputFormat.fromPath(Path.of(out.path())).orElse(OutputFormat.CSV);
        }
        return OutputFormat.CSV;
    }

    private static Compression compression(Profile.Output out, String profileName) {
        if (out.compression() == null) {
            return Compression.SNAPPY;
        }
        try {
            return Compression.fromKey(out.compression());
        } catch (IllegalArgumentException e) {
            throw new InputException(profileName + ": output.compression must be snappy, zstd, gzip or none");
        }
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
