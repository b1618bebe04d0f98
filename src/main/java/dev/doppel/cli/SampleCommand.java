package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import dev.doppel.error.UsageException;
import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.SampleResult;
import dev.doppel.pipeline.Sampling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doppel sample MODEL -n ROWS -o OUT}: generate synthetic rows. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Generate synthetic rows from a model, streamed to CSV or Parquet. The same seed gives the same"
                + " bytes whatever the thread count.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./doppel sample output/telco.model.json -n 1000000 -o output/telco.parquet --seed 7",
            "  ./doppel sample output/telco.model.json -n 10000 -o two_year.csv"
                    + " --where \"Contract = 'Two year' and tenure > 24\"",
            "  ./doppel sample output/telco.model.json -n 10000 -o balanced.csv --rebalance Churn"})
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model written by fit or run.")
    Path model;

    @Option(names = {"-n", "--rows"}, required = true, paramLabel = "ROWS", description = "Number of synthetic rows.")
    long rows;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output file (.csv or .parquet).")
    Path output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet (default: from the file name).")
    OutputFormat format;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "snappy",
            description = "Parquet codec: snappy (default), zstd, gzip, none.")
    Compression compression;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "Generate only rows meeting the condition, e.g. \"Contract = 'Two year' and MonthlyCharges > 80\""
                    + " (=, !=, <, <=, >, >=, in (...), between ... and ..., is [not] missing; and, or, not).")
    String where;

    @Option(names = "--rebalance", paramLabel = "COLUMN[=LABEL:SHARE,...]",
            description = "Give a categorical or boolean column equal label shares (Churn), or a chosen mix"
                    + " (Churn=Yes:0.3,No:0.7); counts are exact.")
    String rebalance;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (rows < 0) {
            throw new UsageException("-n must not be negative");
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        OutputFormat fmt = format != null ? format : OutputFormat.fromPath(output).orElseThrow(
                () -> new UsageException(output + ": cannot tell the format from the name; use .csv or .parquet, or --format"));
        if (!java.nio.file.Files.exists(model)) {
            throw new dev.doppel.error.InputException(model + ": no such model file");
        }
        SynthModel m = ModelFile.read(model);
        Audience audience;
        try {
            audience = Audience.compile(m, where, rebalance);
        } catch (ConditionException e) {
            throw new UsageException("--" + e.part().key() + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        SampleResult result = Sampling.run(
                new SampleRequest(m, rows, seed, workers, fmt, compression, output, force, Map.of(), audience),
                new ConsoleProgress(err, common.quiet));
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(result.summary().render(5));
            if (!audience.isEmpty()) {
                out.println("note: rows were chosen by --where/--rebalance, so the summary's comparison with the whole"
                        + " model differs by design in the columns they name");
            }
            out.printf(Locale.ROOT, "written: %s (%,d rows, %.1f MB, %.2f s, %,.0f rows/s, seed %d)%n", output,
                    result.rows(), result.bytes() / 1e6, result.seconds(), result.rowsPerSecond(), seed);
        }
        return ExitCodes.OK;
    }
}
