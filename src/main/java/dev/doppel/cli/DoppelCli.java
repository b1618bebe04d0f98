package dev.doppel.cli;

import dev.doppel.error.ExitCodes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code doppel} command: learn a customer table, generate synthetic rows. */
@Command(
        name = "doppel",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "Privacy-safe synthetic customer data: learn a table's statistics, stream out synthetic rows.",
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
        CommandLine cli = build(args);
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

    /** The commands, by name, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("inspect", InspectCommand::new);
        m.put("fit", FitCommand::new);
        m.put("sample", SampleCommand::new);
        m.put("run", RunCommand::new);
        m.put("mask", MaskCommand::new);
        m.put("evaluate", EvaluateCommand::new);
        return m;
    }

    /** The command line for these arguments, with the commands they need registered (see {@link #addCommands}). */
    static CommandLine build(String... args) {
        CommandLine cli = new CommandLine(new DoppelCli());
        addCommands(cli, args);
        return cli;
    }

    /**
     * Registers the command the arguments name, or every command when they name none (usage, help, a mistyped
     * command). Picocli reads a command's options from its annotations when it is registered, which takes about
     * 20 ms per command on a cold JVM: a run that names its command pays for that one only.
     */
    private static void addCommands(CommandLine cli, String[] args) {
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
            return;
        }
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
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
