package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.error.UsageException;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.Gate;
import dev.doppel.io.ReadOptions;
import dev.doppel.pipeline.EvaluateJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code doppel evaluate REAL SYNTH}: how faithful and how private a synthetic table is, and a gate on it. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Score a synthetic table against the real one it was learned from: SDMetrics-style quality"
                + " (column shapes, pair trends), propensity (pMSE), train-on-synthetic/test-on-real, and, with a"
                + " hold-out of real rows the generator never saw, privacy (exact copies, distance to closest record,"
                + " singling-out, linkability and inference attacks, k-anonymity). Exit code 5 when a threshold fails.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./doppel evaluate train.csv synthetic.csv --holdout holdout.csv --html report.html",
            "  ./doppel evaluate train.csv synthetic.parquet --json - --fail-under quality=0.85 --max dcr-share=0.55"
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REAL", description = "The real table the generator learned (CSV, TSV or Parquet).")
    Path real;

    @Parameters(index = "1", paramLabel = "SYNTH", description = "The synthetic table.")
    Path synthetic;

    @Option(names = "--holdout", paramLabel = "FILE",
            description = "Real rows the generator never saw: the control for every privacy measure.")
    Path holdout;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "Column to predict for train-on-synthetic/test-on-real (default: the profile's evaluate.target).")
    String target;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE.yaml",
            description = "Column settings, privacy roles, quasi-identifiers and thresholds (evaluate: section).")
    Path profile;

    @Option(names = "--json", paramLabel = "FILE", description = "Write report.json here ('-': print it to stdout).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.")
    Path html;

    @Option(names = "--fail-under", paramLabel = "METRIC=VALUE",
            description = "Fail (exit 5) when a score is below VALUE, e.g. quality=0.85. Repeatable.")
    List<String> failUnder;

    @Option(names = "--max", paramLabel = "METRIC=VALUE",
            description = "Fail (exit 5) when a risk is above VALUE, e.g. dcr-share=0.55, attack-risk=0.05. Repeatable.")
    List<String> max;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the samples drawn inside the evaluation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsMixin threads;

    @Option(names = "--privacy-rows", paramLabel = "N",
            description = "Synthetic rows sampled for distance and attack work (default 10000).")
    Integer privacyRows;

    @Option(names = "--force", description = "Overwrite existing report files.")
    boolean force;

    @Mixin
    ReadOptionsMixin read;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        int workers = threads.workers();
        if (privacyRows != null && privacyRows < 100) {
            throw new UsageException("--privacy-rows must be at least 100");
        }
        Gate gate = Gate.of(Gate.pairs(failUnder, "--fail-under"), Gate.pairs(max, "--max"), "command line");
        EvaluateJob.Result result = EvaluateJob.run(new EvaluateJob.Request(real, synthetic, holdout, profile,
                read.toOptions(ReadOptions.DEFAULTS), target, seed,
                workers, privacyRows, gate, json, html,
                force), Versions.current());
        PrintWriter out = spec.commandLine().getOut();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        if (jsonToStdout) {
            out.print(result.json());
        } else if (!common.quiet) {
            out.print(ReportSummary.render(result.report()));
            if (result.jsonFile() != null) {
                out.println("report:  " + result.jsonFile());
            }
            if (result.htmlFile() != null) {
                out.println("report:  " + result.htmlFile());
            }
        }
        EvaluationReport report = result.report();
        if (report.gate() != null && !report.gate().passed()) {
            PrintWriter err = spec.commandLine().getErr();
            for (String line : Gate.failures(report.gate())) {
                err.println("doppel: gate failed: " + line);
            }
            return ExitCodes.GATE;
        }
        return ExitCodes.OK;
    }
}
