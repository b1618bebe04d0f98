package dev.doppel.cli;

import dev.doppel.db.DatabaseTarget;
import dev.doppel.db.IfExists;
import dev.doppel.error.ExitCodes;
import dev.doppel.error.UsageException;
import dev.doppel.generate.condition.Audience;
import dev.doppel.generate.condition.ConditionException;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.SampleResult;
import dev.doppel.pipeline.Sampling;
import dev.doppel.pipeline.TableLoading;
import dev.doppel.pipeline.TableRequest;
import dev.doppel.pipeline.TableResult;
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
        description = "Generate synthetic rows from a model, streamed to CSV or Parquet, or loaded into a database"
                + " table (PostgreSQL or SQLite). The same seed gives the same rows whatever the thread count.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./doppel sample output/telco.model.json -n 1000000 -o output/telco.parquet --seed 7",
            "  ./doppel sample output/telco.model.json -n 10000 -o two_year.csv"
                    + " --where \"Contract = 'Two year' and tenure > 24\"",
            "  ./doppel sample output/telco.model.json -n 10000 -o balanced.csv --rebalance Churn",
            "  ./doppel sample output/telco.model.json -n 100000 --to sqlite:output/test.db --table customers",
            "  PGPASSWORD=... ./doppel sample output/telco.model.json -n 1000000"
                    + " --to jdbc:postgresql://localhost:5432/test?user=loader --table customers"})
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model written by fit or run.")
    Path model;

    @Option(names = {"-n", "--rows"}, required = true, paramLabel = "ROWS", description = "Number of synthetic rows.")
    long rows;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (.csv or .parquet).")
    Path output;

    @Option(names = "--to", paramLabel = "URL",
            description = "Load into a database instead of a file: jdbc:postgresql://HOST:PORT/DB[?user=NAME] (password"
                    + " from PGPASSWORD or .pgpass, never the URL) or sqlite:FILE. Needs --table.")
    String to;

    @Option(names = "--table", paramLabel = "NAME", description = "The table to load (NAME or SCHEMA.NAME); created"
            + " from the model's schema when missing.")
    String table;

    @Option(names = "--if-exists", paramLabel = "WHAT", defaultValue = "append",
            description = "When the table exists: append (default; its columns must fit the model), replace (drop and"
                    + " recreate) or fail.")
    IfExists ifExists;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsMixin threads;

    @Mixin
    FileFormatMixin file;

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
        int workers = threads.workers();
        if ((output == null) == (to == null)) {
            throw new UsageException(output == null ? "give -o FILE or --to URL --table NAME"
                    : "-o and --to both give a destination; use one");
        }
        if (to == null && table != null) {
            throw new UsageException("--table goes with --to");
        }
        if (to != null) {
            return loadTable(workers);
        }
        OutputFormat fmt = file.formatOf(output);
        SynthModel m = readModel();
        Audience audience = audience(m);
        PrintWriter err = spec.commandLine().getErr();
        SampleResult result = Sampling.run(
                new SampleRequest(m, rows, seed, workers, fmt, file.compression, output, force, Map.of(), audience),
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

    /** {@code --to}: the same rows, loaded into a table in one transaction. */
    private Integer loadTable(int workers) {
        if (force) {
            throw new UsageException("--force is for files; for a table use --if-exists replace");
        }
        if (file.format != null) {
            throw new UsageException("--format is for files; --to loads rows into a table");
        }
        DatabaseTarget target = DatabaseTarget.parse(to, table, ifExists);
        SynthModel m = readModel();
        Audience audience = audience(m);
        PrintWriter err = spec.commandLine().getErr();
        TableResult result = TableLoading.run(
                new TableRequest(m, rows, seed, workers, target, Map.of(), audience),
                new ConsoleProgress(err, common.quiet));
        if (!common.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(result.summary().render(5));
            out.printf(Locale.ROOT, "loaded: %s (%s, %,d rows, %.2f s, %,.0f rows/s, seed %d)%n",
                    target, result.action().describe(), result.rows(), result.seconds(), result.rowsPerSecond(), seed);
        }
        return ExitCodes.OK;
    }

    private SynthModel readModel() {
        if (!java.nio.file.Files.exists(model)) {
            throw new dev.doppel.error.InputException(model + ": no such model file");
        }
        return ModelFile.read(model);
    }

    private Audience audience(SynthModel m) {
        try {
            return Audience.compile(m, where, rebalance);
        } catch (ConditionException e) {
            throw new UsageException("--" + e.part().key() + ": " + e.getMessage());
        }
    }
}
