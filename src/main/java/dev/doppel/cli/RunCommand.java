package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.Gate;
import dev.doppel.pipeline.ModelChoice;
import dev.doppel.pipeline.RunJob;
import java.util.List;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doppel run PROFILE}: the whole job from a profile. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run a job profile end to end: read, infer, fit, generate, write. Each run writes a new folder"
                + " output/<job>/<timestamp>/ with the synthetic data, model.json, summary.txt, privacy.json and the evaluation (report.json, report.html),"
                + " measured against a hold-out of the input (20%% by default) the model never sees. Exit code 5 when a"
                + " threshold of the gate fails.",
        footerHeading = "%nExample:%n",
        footer = {"  ./doppel run profiles/demo.yaml", "  ./doppel run profiles/telco.yaml -n 100000 --output-dir /data/synthetic/telco"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", description = "The job profile.")
    Path profile;

    @Option(names = {"-n", "--rows"}, paramLabel = "ROWS", description = "Override output.rows.")
    Long rows;

    @Option(names = "--seed", paramLabel = "N", description = "Override output.seed.")
    Long seed;

    @Mixin
    ThreadsMixin threads;

    @Option(names = "--force", description = "Allow overwriting output.path when the profile names one.")
    boolean force;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Make the run folder DIR/<timestamp>/ (overrides output.dir and output.path).")
    Path outputDir;

    @Option(names = "--fail-under", paramLabel = "METRIC=VALUE",
            description = "Fail (exit 5) when a score is below VALUE, e.g. quality=0.85. Repeatable; adds to the"
                    + " profile's evaluate.fail_under.")
    List<String> failUnder;

    @Option(names = "--max", paramLabel = "METRIC=VALUE",
            description = "Fail (exit 5) when a risk is above VALUE, e.g. dcr-share=0.55. Repeatable; adds to the"
                    + " profile's evaluate.max.")
    List<String> max;

    @Option(names = "--gate-before-write",
            description = "Evaluate before publishing: when a privacy threshold fails, write nothing at all.")
    boolean gateBeforeWrite;

    @Option(names = "--no-evaluation",
            description = "Skip the evaluation (no hold-out, no report.json/report.html, no gate).")
    boolean noEvaluation;

    @Option(names = "--model", paramLabel = "TYPE", description = "Override model.type: copula, tree or auto.")
    String modelType;

    @Option(names = "--sample-rows", paramLabel = "N",
            description = "Override input.sample_rows: read at most N input rows into memory, a uniform random sample"
                    + " of a larger input (default 1,000,000).")
    Integer sampleRows;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Integer requestedThreads = threads.requested();
        if (rows != null && rows < 0) {
            throw new dev.doppel.error.UsageException("-n must not be negative");
        }
        PrintWriter err = spec.commandLine().getErr();
        Gate gate = Gate.of(Gate.pairs(failUnder, "--fail-under"), Gate.pairs(max, "--max"), "command line");
        if (noEvaluation && (!gate.isEmpty() || gateBeforeWrite)) {
            throw new dev.doppel.error.UsageException("--no-evaluation turns off the report, so --fail-under, --max and"
                    + " --gate-before-write cannot be checked");
        }
        RunJob.Result result = RunJob.run(profile,
                new RunJob.Overrides(rows, seed, requestedThreads, force, outputDir, gate, gateBeforeWrite, !noEvaluation,
                        modelType == null ? null : ModelChoice.Type.parseOption(modelType, "--model"), sampleRows),
                Versions.current(), new ConsoleProgress(err, common.quiet));
        EvaluationReport report = result.report();
        boolean gateFailed = report != null && report.gate() != null && !report.gate().passed();
        if (!result.written()) {
            for (String line : Gate.failures(report.gate())) {
                err.println("doppel: gate failed: " + line);
            }
            err.println("doppel: a privacy threshold failed and --gate-before-write is set: nothing was written");
            return ExitCodes.GATE;
        }
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            for (String note : result.model().notes()) {
                out.println("note: " + note);
            }
            out.print(result.sample().summary().render(5));
            String held = report == null || report.about().holdout() == null ? ""
                    : String.format(Locale.ROOT, " (%,d more held out for the evaluation)", report.about().holdout().rows());
            out.printf(Locale.ROOT, "fitted on %,d rows%s in %.2f s; generated %,d rows in %.2f s (%,.0f rows/s)%n",
                    result.model().source().rows(), held, result.fitSeconds(), result.sample().rows(),
                    result.sample().seconds(), result.sample().rowsPerSecond());
            out.println("written: " + result.data());
            if (result.table() != null) {
                out.printf(Locale.ROOT, "loaded:  %s (%s, %,d rows, %.2f s)%n", result.table().target(),
                        result.table().action().describe(), result.table().rows(), result.table().seconds());
            }
            if (result.modelFile() != null) {
                out.println("model:   " + result.modelFile());
            }
            if (report != null) {
                out.print(ReportSummary.render(report));
                out.println("report:  " + result.htmlFile());
            }
        }
        if (gateFailed) {
            for (String line : Gate.failures(report.gate())) {
                err.println("doppel: gate failed: " + line);
            }
            return ExitCodes.GATE;
        }
        return ExitCodes.OK;
    }
}
