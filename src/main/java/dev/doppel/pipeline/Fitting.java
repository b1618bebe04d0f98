package dev.doppel.pipeline;

import dev.doppel.constraint.ConstraintFit;
import dev.doppel.constraint.ProfileConstraints;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableSample;
import dev.doppel.mask.MaskMode;
import dev.doppel.mask.MaskPlan;
import dev.doppel.mask.MaskSetup;
import dev.doppel.mask.MaskingStage;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.Constraint;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FakeColumn;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.privacy.PersonalDataDetector;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileColumns;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.CellSpellings;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Reading, inference, masking and fitting, in that order: the path from a data file to a model. */
public final class Fitting {
    private Fitting() {}

    /**
     * A table with what inference found, after the profile's overrides.
     *
     * @param table the rows read: the whole input, or a uniform random sample of it when it is larger than the bound
     * @param inputRows the input's rows, all counted (at least {@code table.rows()})
     */
    public record Inspected(RawTable table, List<ColumnProfile> inferred, List<ColumnSpec> specs, long inputRows) {
        /** The whole input in memory. */
        public Inspected(RawTable table, List<ColumnProfile> inferred, List<ColumnSpec> specs) {
            this(table, inferred, specs, table.rows());
        }

        /** True when the table is a sample: some of the input's rows were left out. */
        public boolean sampled() {
            return inputRows > table.rows();
        }
    }

    /**
     * What the model may learn, after masking: the table with quasi-identifiers generalised or suppressed, the specs
     * (dropped columns skipped, pseudonymised ones turned into fresh ids) and the made-up columns' models.
     *
     * @param table the table the model learns
     * @param specs one per column of {@code table}
     * @param given models of the columns that are made up rather than learned, by name
     * @param plan the masking plan
     * @param setup the fakes' locale
     * @param stage the stage that coarsened the table (its counts go into the manifest)
     */
    public record Masked(
            RawTable table,
            List<ColumnSpec> specs,
            Map<String, ColumnModel> given,
            MaskPlan plan,
            MaskSetup setup,
            MaskingStage stage) {}

    /** {@link #inspect(Path, ReadOptions, int, long, Profile, String, String)} with the default bound and seed 42. */
    public static Inspected inspect(Path data, ReadOptions options, Profile profile, String profileName, String profileText) {
        return inspect(data, options, TableSample.DEFAULT_ROWS, 42, profile, profileName, profileText);
    }

    /**
     * Reads a file or a folder of files in one streaming pass, keeping at most {@code sampleRows} rows (a uniform
     * random sample drawn with {@code seed}, see {@link TableSample}), and infers the columns from them.
     */
    public static Inspected inspect(Path data, ReadOptions options, int sampleRows, long seed, Profile profile,
            String profileName, String profileText) {
        TableSample sample = TableSample.read(data, options, sampleRows, seed);
        RawTable table = sample.table();
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        List<ColumnSpec> specs = profile == null
                ? inferred.stream().map(ColumnProfile::spec).toList()
                : ProfileColumns.apply(inferred, profile.columns(), profileName, profileText);
        // decimal commas, grouping, units and mixed date layouts are read here, once: everything after sees one spelling
        return new Inspected(CellSpellings.normalised(table, specs, inferred), inferred, specs, sample.inputRows());
    }

    /**
     * The model with a note and {@code source.input_rows} saying it learnt a sample of the input, when it did; the
     * model unchanged otherwise.
     *
     * @param inspected what was read
     * @param seed the seed the sample was drawn with
     */
    public static SynthModel noteSample(SynthModel model, Inspected inspected, long seed) {
        if (!inspected.sampled()) {
            return model;
        }
        return model.withInputRows(inspected.inputRows()).withNote(String.format(Locale.ROOT,
                "fitted on a uniform random sample of %,d of the input's %,d rows (seed %d); raise --sample-rows"
                        + " (input.sample_rows) to learn more of them", inspected.table().rows(), inspected.inputRows(),
                seed));
    }

    /**
     * Masks a table before the model learns it: direct identifiers are not learned (made up from their layouts, or
     * fresh ids), dropped columns are skipped, and quasi-identifiers are generalised, suppressed and made k-anonymous
     * as the profile says, so the model never sees a rare individual.
     */
    public static Masked mask(Inspected inspected, Profile profile, FitSettings settings, String profileName,
            String profileText) {
        RawTable table = inspected.table();
        List<ColumnSpec> specs = inspected.specs();
        MaskPlan plan = MaskPlan.resolve(specs, PersonalDataDetector.detect(table, specs), profile,
                settings.minGroup(), MaskMode.SYNTHESIS, profileName, profileText);
        MaskSetup setup = MaskSetup.of(plan, table, profileName == null ? "run" : profileName, false);
        List<ColumnSpec> out = new ArrayList<>(specs);
        Map<String, ColumnModel> given = new HashMap<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            var m = plan.columns().get(c);
            switch (m.action()) {
                case DROP -> out.set(c, spec.withSkip(true));
                case FAKE -> {
                    given.put(spec.name(), FakeColumn.fit(spec, table.column(c), m.what(),
                            setup.locale().toLanguageTag(), settings.minGroup()));
                    out.set(c, spec.withKind(ColumnKind.TEXT).withLayout(null));
                }
                case PSEUDONYMISE -> out.set(c, spec.withKind(ColumnKind.IDENTIFIER).withLayout(null));
                default -> {}
            }
        }
        MaskingStage stage = new MaskingStage(plan, out, setup::fakes, null, false, table.rows(), 0);
        if (!stage.needsObservation()) {
            stage.solve();
            return new Masked(table, out, given, plan, setup, stage);
        }
        int n = table.rows();
        int width = table.columnCount();
        for (int first = 0; first < n; first += SampleRequest.BATCH_ROWS) {
            String[][] batch = new String[Math.min(SampleRequest.BATCH_ROWS, n - first)][width];
            for (int r = 0; r < batch.length; r++) {
                for (int c = 0; c < width; c++) {
                    batch[r][c] = table.column(c)[first + r];
                }
            }
            stage.merge(stage.observe(batch));
        }
        stage.solve();
        if (!stage.coarsens()) {
            return new Masked(table, out, given, plan, setup, stage);
        }
        RawTable coarse = coarsened(table, stage, linesOf(table));
        List<String[]> columns = coarse.columns();
        // columns whose values changed are inferred again: "30-39" bands are labels, not numbers
        List<ColumnProfile> again = SchemaInference.infer(coarse, Map.of());
        for (int c = 0; c < width; c++) {
            if (!java.util.Arrays.equals(columns.get(c), table.column(c)) && !out.get(c).skip()
                    && !given.containsKey(out.get(c).name())) {
                out.set(c, again.get(c).spec().withMissing(out.get(c).missing()));
            }
        }
        return new Masked(coarse, out, given, plan, setup, stage);
    }

    /**
     * A table generalised and suppressed row by row as a solved stage says: the training rows before fitting, and in
     * {@code run}'s evaluation the hold-out, so both are compared as the model saw them.
     */
    static RawTable coarsened(RawTable table, MaskingStage stage, int[] lines) {
        int n = table.rows();
        int width = table.columnCount();
        List<String[]> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            columns.add(new String[n]);
        }
        String[] row = new String[width];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) {
                row[c] = table.column(c)[r];
            }
            String[] masked = stage.coarsen(row);
            for (int c = 0; c < width; c++) {
                columns.get(c)[r] = masked[c];
            }
        }
        return new RawTable(table.source(), table.names(), columns, table.missingMarkers(), table.dialect(), lines,
                table.parts());
    }

    private static int[] linesOf(RawTable table) {
        int[] lines = new int[table.rows()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = table.lineOf(r);
        }
        return lines;
    }

    public static SynthModel fit(Inspected inspected, FitSettings settings, String version) {
        return CopulaFitter.fit(inspected.table(), inspected.specs(), settings, version);
    }

    public static SynthModel fit(Masked masked, FitSettings settings, String version) {
        return CopulaFitter.fit(masked.table(), masked.specs(), settings, version, masked.given());
    }

    /**
     * Fits the chosen model with the profile's constraints. Constraints are checked against the columns as the model
     * sees them (after masking), the table is rewritten for them before the model learns it, and the fitted model is
     * completed with them. The model: the copula (its marginals are the tree model's too), then for {@code tree} the
     * trees on top of it; for {@code auto}, {@link ModelSelection} first compares both on a split of the rows, and the
     * model's notes say which won and why. Whichever wins is built on the copula of all rows, so with more than one
     * thread that copula is fitted while the candidates are compared (the same model as fitted after: the fit is
     * deterministic).
     *
     * @param seed seeds auto's split and samples (the fit itself is deterministic)
     */
    public static SynthModel fit(Masked masked, FitSettings settings, String version, Profile profile,
            String profileName, String profileText, ModelChoice choice, long seed, int threads) {
        List<Constraint> constraints = profile == null ? List.of()
                : ProfileConstraints.resolve(profile.constraints(), masked.specs(), profileName, profileText);
        ConstraintFit.Prepared prepared = constraints.isEmpty() ? null
                : ConstraintFit.prepare(masked.table(), masked.specs(), constraints, settings);
        Masked learned = prepared == null ? masked : new Masked(prepared.table(), prepared.specs(), masked.given(),
                masked.plan(), masked.setup(), masked.stage());
        String note = null;
        SynthModel model;
        if (choice.type() == ModelChoice.Type.AUTO) {
            FutureTask<SynthModel> copula = new FutureTask<>(() -> fit(learned, settings, version));
            if (threads > 1) {
                Thread worker = new Thread(copula, "doppel-copula");
                worker.setDaemon(true);
                worker.start();
            }
            ModelSelection.Outcome outcome = ModelSelection.choose(masked, settings, choice, seed, threads);
            copula.run(); // with one thread, the fit runs here; otherwise this returns at once
            note = outcome.reason();
            model = onCopula(result(copula), learned, choice.withType(outcome.chosen()), threads);
        } else {
            model = fit(learned, settings, version, choice, threads);
        }
        if (prepared != null) {
            model = ConstraintFit.finish(model, prepared);
        }
        return note == null ? model : model.withNote(note);
    }

    /** A finished task's result; its failure rethrown as it was thrown. */
    private static SynthModel result(FutureTask<SynthModel> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Fits with the profile's constraints, a copula model. */
    public static SynthModel fit(Masked masked, FitSettings settings, String version, Profile profile,
            String profileName, String profileText) {
        return fit(masked, settings, version, profile, profileName, profileText,
                ModelChoice.copula(settings.minGroup()), 0, 1);
    }

    /** Fits a copula or a tree model (not auto), without constraints. */
    static SynthModel fit(Masked masked, FitSettings settings, String version, ModelChoice choice, int threads) {
        return onCopula(fit(masked, settings, version), masked, choice, threads);
    }

    /** The chosen model (not auto) built on the copula fitted on {@code masked}: the copula itself, or trees on it. */
    private static SynthModel onCopula(SynthModel copula, Masked masked, ModelChoice choice, int threads) {
        return switch (choice.type()) {
            case COPULA -> copula;
            case TREE -> TreeFitter.fit(copula, masked.table(), masked.specs(), choice.tree(), threads);
            case AUTO -> throw new IllegalArgumentException("auto is settled by ModelSelection");
        };
    }
}
