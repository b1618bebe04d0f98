package dev.doppel.pipeline;

import dev.doppel.constraint.ProfileConstraints;
import dev.doppel.error.InputException;
import dev.doppel.error.OutputException;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.Evaluation;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.Gate;
import dev.doppel.evaluate.ReportJson;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.evaluate.html.HtmlReport;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.RowReader;
import dev.doppel.io.TableReaders;
import dev.doppel.io.TableSample;
import dev.doppel.mask.MaskMode;
import dev.doppel.mask.MaskPlan;
import dev.doppel.mask.PrivacyManifest;
import dev.doppel.privacy.PersonalDataDetector;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileColumns;
import dev.doppel.profile.ProfileFile;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.CellSpellings;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code doppel evaluate REAL SYNTH}: reads the real table (and the hold-out) into memory, infers its columns (the
 * profile's settings on top) and their privacy roles, streams the synthetic file into the same encoding, evaluates,
 * and writes the JSON and HTML reports atomically. The gate's verdict is in the returned report; the caller turns a
 * failure into the exit code.
 */
public final class EvaluateJob {
    /** Synthetic rows read at most (8 bytes per numeric cell in memory): more would add precision nobody needs. */
    static final int MAX_SYNTHETIC_ROWS = 2_000_000;

    private EvaluateJob() {}

    /**
     * @param json where to write report.json; null for none, "-" (as a path) for the caller to print it
     * @param html where to write report.html; null for none
     * @param gate thresholds from the command line (the profile's are added under them)
     */
    public record Request(
            Path real,
            Path synthetic,
            Path holdout,
            Path profile,
            ReadOptions readOptions,
            String target,
            long seed,
            int threads,
            Integer privacyRows,
            Gate gate,
            Path json,
            Path html,
            boolean force) {}

    /** The report and what was written. */
    public record Result(EvaluationReport report, String json, Path jsonFile, Path htmlFile) {}

    public static Result run(Request request, String version) {
        Profile profile = null;
        String profileText = null;
        String profileName = null;
        if (request.profile() != null) {
            profileName = request.profile().toString();
            try {
                profileText = Files.readString(request.profile(), StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InputException(profileName + ": no such profile");
            } catch (IOException e) {
                throw new InputException(profileName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            profile = ProfileFile.parse(profileText, profileName);
        }
        ReadOptions options = request.readOptions();
        checkOutputs(request);

        // the real tables as fitting reads them: a bounded uniform sample of a large input, in one streaming pass
        int bound = Profiles.sampleRows(null, profile == null ? null : profile.input(), profileName);
        List<String> notes = new ArrayList<>();
        RawTable real = bounded(request.real(), options, bound, request.seed(), notes);
        List<ColumnProfile> inferred = SchemaInference.infer(real, Map.of());
        List<ColumnSpec> specs = profile == null ? inferred.stream().map(ColumnProfile::spec).toList()
                : ProfileColumns.apply(inferred, profile.columns(), profileName, profileText);
        real = CellSpellings.normalised(real, specs, inferred); // decimal commas and grouping read once, as fitting reads them
        Evaluation.Rules rules = rules(profile, specs, profileName, profileText); // a bad profile fails before the work
        EvalSchema schema = EvalSchema.of(specs, roles(real, specs, profile, profileName, profileText));
        TableEncoder encoder = new TableEncoder(schema);
        EncodedTable realEncoded = encoder.encodeReal(real);
        EncodedTable synthetic;
        try (RowReader rows = TableReaders.open(request.synthetic(), options)) {
            synthetic = encoder.encode(rows, MAX_SYNTHETIC_ROWS);
            if (rows.next() != null) {
                notes.add(String.format(java.util.Locale.ROOT, "Only the first %,d synthetic rows were evaluated.",
                        MAX_SYNTHETIC_ROWS));
            }
        }
        EncodedTable holdout = null;
        RawTable holdoutTable = null;
        if (request.holdout() != null) {
            RawTable read = bounded(request.holdout(), options, bound, request.seed(), notes);
            holdoutTable = CellSpellings.normalised(read, specs, inferred);
            holdout = encoder.encode(holdoutTable);
        }
        Profile.Evaluate settings = profile == null ? null : profile.evaluate();
        String target = request.target() != null ? request.target() : settings == null ? null : settings.target();
        if (target != null && schema.indexOf(target) < 0) {
            throw new InputException(request.real().getFileName() + ": the target column '" + target
                    + "' is not among the evaluated columns (identifiers, free text and direct identifiers are not)");
        }
        Gate gate = settings == null ? Gate.none()
                : Gate.of(settings.failUnder(), settings.max(), profileName);
        gate = gate.and(request.gate() == null ? Gate.none() : request.gate());
        int privacyRows = request.privacyRows() != null ? request.privacyRows()
                : settings != null && settings.privacyRows() != null ? settings.privacyRows()
                : Evaluation.Settings.DEFAULT_PRIVACY_ROWS;
        int k = profile != null && profile.privacy().k() != null ? profile.privacy().k() : 5;
        if (holdout == null) {
            notes.add("No hold-out was given (--holdout), so privacy could not be measured against real rows the"
                    + " generator never saw.");
        }
        EvaluationReport report = Evaluation.run(realEncoded, synthetic, holdout,
                new Evaluation.Settings(request.seed(), target, k, privacyRows, request.threads()),
                new Evaluation.Sources(table(request.real(), real.rows()), table(request.synthetic(), synthetic.rows()),
                        holdout == null ? null : table(request.holdout(), holdoutTable.rows()),
                        profileText == null ? null : PrivacyManifest.sha256(profileText), Reports.versions(version),
                        notes),
                gate, rules);
        String json = ReportJson.toJson(report);
        Path jsonFile = null;
        if (request.json() != null && !request.json().toString().equals("-")) {
            write(request.json(), json, request.force());
            jsonFile = request.json();
        }
        if (request.html() != null) {
            write(request.html(), HtmlReport.render(report), request.force());
        }
        return new Result(report, json, jsonFile, request.html());
    }

    /** The profile's constraints, checked against the real table's columns; none without a profile. */
    private static Evaluation.Rules rules(Profile profile, List<ColumnSpec> specs, String profileName,
            String profileText) {
        if (profile == null || profile.constraints().isEmpty()) {
            return Evaluation.Rules.NONE;
        }
        return new Evaluation.Rules(
                ProfileConstraints.resolve(profile.constraints(), specs, profileName, profileText),
                Profiles.fitSettings(profile.model(), profileName).rareLabel());
    }

    /** Each column's privacy role: detection's, unless the profile says otherwise. */
    static Map<String, PrivacyRole> roles(RawTable table, List<ColumnSpec> specs, Profile profile, String profileName,
            String profileText) {
        MaskPlan plan = MaskPlan.resolve(specs, PersonalDataDetector.detect(table, specs), profile, 5,
                MaskMode.SYNTHESIS, profileName == null ? "evaluate" : profileName, profileText);
        return plan.roles();
    }

    /** The file's rows, or a uniform random sample of {@code bound} of them, with a note saying so. */
    private static RawTable bounded(Path file, ReadOptions options, int bound, long seed, List<String> notes) {
        TableSample sample = TableSample.read(file, options, bound, seed);
        if (sample.sampled()) {
            notes.add(String.format(java.util.Locale.ROOT,
                    "%s was evaluated on a uniform random sample of %,d of its %,d rows (input.sample_rows).",
                    file.getFileName(), sample.table().rows(), sample.inputRows()));
        }
        return sample.table();
    }

    private static EvaluationReport.Table table(Path file, long rows) {
        return new EvaluationReport.Table(file.getFileName().toString(), rows);
    }

    private static void checkOutputs(Request request) {
        for (Path p : new Path[] {request.json(), request.html()}) {
            if (p != null && !p.toString().equals("-") && Files.exists(p) && !request.force()) {
                throw new OutputException(p + ": already exists; pass --force to overwrite it");
            }
        }
    }

    static void write(Path file, String text, boolean force) {
        try (AtomicOutput out = AtomicOutput.open(file, force)) {
            Files.writeString(out.temp(), text, StandardCharsets.UTF_8);
            out.commit();
        } catch (IOException e) {
            throw new OutputException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
