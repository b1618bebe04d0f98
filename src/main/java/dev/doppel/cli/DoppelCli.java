package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code doppel} command: learn a customer table, generate synthetic rows. */
@Command(
        name = "doppel",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Privacy-safe synthetic customer data: learn a table's statistics, stream out synthetic rows.",
        subcommands = {InspectCommand.class, FitCommand.class, SampleCommand.class, RunCommand.class, MaskCommand.class,
            EvaluateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug: rerun with --debug and report it)",
            "2:usage error (unknown option, missing argument)",
            "3:bad input (data, model or profile unreadable or invalid)",
            "4:output not written (exists without --force, not writable)",
            "5:evaluation gate failed (a --fail-under or --max threshold was not met)"
        },
        footerHeading = "%nExample:%n",
        footer = {"  ./doppel run profiles/demo.yaml"})
public final class DoppelCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line and returns the exit code; prints only to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new DoppelCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler(CliErrors::usage);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (inspect, fit, sample, run, mask, evaluate)");
    }

    static int ok() {
        return ExitCodes.OK;
    }
}
