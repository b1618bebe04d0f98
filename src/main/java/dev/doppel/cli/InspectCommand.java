package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.io.AtomicOutput;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.InputFiles;
import dev.doppel.io.TableReaders;
import dev.doppel.pipeline.Fitting;
import dev.doppel.privacy.Detection;
import dev.doppel.privacy.PersonalDataDetector;
import dev.doppel.profile.ProfileWriter;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.table.FileDialect;
import dev.doppel.error.OutputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doppel inspect DATA}: what each column is, and optionally a profile to edit. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Infer each column's kind (integer, decimal, boolean, categorical, date, datetime, identifier,"
                + " text, empty) with its missing share and cardinality, and recognise personal data (role and"
                + " proposed masking action, with the evidence in the notes).",
        footerHeading = "%nExample:%n",
        footer = {"  ./doppel inspect ../shared/data/telco_churn.csv --write-profile profiles/telco.yaml"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataMixin data;

    @Option(names = "--write-profile", paramLabel = "FILE", description = "Write an editable YAML profile.")
    Path profile;

    @Option(names = "--force", description = "Overwrite an existing profile.")
    boolean force;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        ReadOptions options = read.toOptions(ReadOptions.DEFAULTS);
        Fitting.Inspected inspected = Fitting.inspect(data.path, options, null, null, null);
        PrintWriter out = spec.commandLine().getOut();
        if (!common.quiet) {
            out.print(render(inspected, TableReaders.isParquet(InputFiles.of(data.path).get(0))));
        }
        if (profile != null) {
            String job = jobName(data.path);
            String text = ProfileWriter.write(job, data.path.toString(), inspected.table().dialect(),
                    options.encodingGiven() ? options.encoding().name() : null,
                    options.missingMarkers(), inspected.inferred(),
                    PersonalDataDetector.detect(inspected.table(), inspected.specs()));
            try (AtomicOutput file = AtomicOutput.open(profile, force)) {
                Files.writeString(file.temp(), text);
                file.commit();
            } catch (IOException e) {
                throw new OutputException(profile + ": cannot be written (" + e.getClass().getSimpleName() + ")");
            }
            if (!common.quiet) {
                out.println("profile written: " + profile);
            }
        }
        return ExitCodes.OK;
    }

    static String jobName(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String job = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        return job.isEmpty() ? "job" : job;
    }

    /** The dialect for people: "semicolon-separated, text quoted, CRLF". */
    static String describe(FileDialect dialect) {
        StringBuilder sb = new StringBuilder(dialect.delimiterName()).append("-separated");
        if (dialect.spaceAfterDelimiter()) {
            sb.append(" with a space after each separator");
        }
        if (dialect.quoteText()) {
            sb.append(", text quoted");
        }
        if (dialect.lineSeparator().equals("\r\n")) {
            sb.append(", CRLF");
        }
        if (dialect.bom()) {
            sb.append(", UTF-8 BOM");
        }
        return sb.toString();
    }

    private static final String UNIQUE = "unique per row";

    static String render(Fitting.Inspected inspected, boolean parquet) {
        List<ColumnProfile> columns = inspected.inferred();
        StringBuilder sb = new StringBuilder();
        var table = inspected.table();
        long rows = inspected.inputRows();
        sb.append(String.format(Locale.ROOT, "%s: %,d %s%s, %d %s, %s%n", table.source(), rows,
                rows == 1 ? "row" : "rows",
                inspected.sampled() ? String.format(Locale.ROOT, " (inferred from a sample of %,d)", table.rows()) : "",
                table.columnCount(), table.columnCount() == 1 ? "column" : "columns",
                parquet ? "Parquet" : describe(table.dialect())));
        int width = Math.min(32, Math.max(6, columns.stream().mapToInt(c -> c.spec().name().length()).max().orElse(6)));
        int formatWidth = Math.min(28, Math.max(6, columns.stream().mapToInt(c -> c.spec().describe().length()).max().orElse(6)));
        List<Detection> detections = PersonalDataDetector.detect(table, inspected.specs());
        List<String> notes = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String evidence = detections.get(i).evidence();
            List<String> parts = new ArrayList<>(columns.get(i).notes());
            if (evidence.contains(UNIQUE)) {
                parts.remove(UNIQUE); // said again by the evidence
            }
            if (!evidence.isEmpty()) {
                parts.add(evidence);
            }
            notes.add(String.join("; ", parts));
        }
        int notesWidth = Math.max(5, notes.stream().mapToInt(String::length).max().orElse(5));
        int roleWidth = "direct-identifier".length();
        String row = "%-" + width + "s  %-" + formatWidth + "s  %8s  %9s  %-" + notesWidth + "s  %-" + roleWidth
                + "s  %s%n";
        sb.append(String.format(Locale.ROOT, row, "column", "kind", "missing", "distinct", "notes", "role", "action")
                .stripTrailing()).append(System.lineSeparator());
        for (int i = 0; i < columns.size(); i++) {
            ColumnProfile c = columns.get(i);
            String name = c.spec().name();
            Detection d = detections.get(i);
            sb.append(String.format(Locale.ROOT, row,
                    name.length() > width ? name.substring(0, width - 1) + "…" : name,
                    c.spec().describe(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * c.missingShare()),
                    String.format(Locale.ROOT, "%,d", c.distinct()),
                    notes.get(i),
                    d.role().key(),
                    d.action().key()));
        }
        return sb.toString();
    }
}
