package dev.doppel.cli;

import dev.doppel.error.DoppelException;
import dev.doppel.error.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into one-line messages and exit codes. Doppel's own errors print their message (written to name
 * places, never values); anything else is a bug and prints only its type, since a library's message may quote data.
 * {@code --debug} adds the stack trace: exception types and frames only, never a message, so it is as safe to paste
 * into a bug report as the error line itself.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed != null && hasDebug(parsed);
        if (e instanceof DoppelException de) {
            err.println("error: " + de.getMessage());
            if (debug) {
                printTrace(e, err);
            }
            return de.exitCode();
        }
        err.println("error: internal error (" + e.getClass().getSimpleName() + "); rerun with --debug and report it");
        if (debug) {
            printTrace(e, err);
        }
        return ExitCodes.INTERNAL;
    }

    /** Types and frames of the exception and its causes; messages are left out, since they may quote data. */
    static void printTrace(Throwable e, PrintWriter err) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            err.println((depth == 0 ? "" : "caused by: ") + t.getClass().getName());
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + frame);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        err.flush();
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        err.println("try: " + cli.getCommandSpec().qualifiedName() + " --help");
        return ExitCodes.USAGE;
    }

    private static boolean hasDebug(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
