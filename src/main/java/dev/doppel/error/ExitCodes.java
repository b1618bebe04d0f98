package dev.doppel.error;

/** Process exit codes, shared by the CLI and the exceptions that map to them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug in Doppel: the message asks for a rerun with --debug. */
    public static final int INTERNAL = 1;
    /** The command line was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** Input data, a model file or a profile could not be read or is invalid. */
    public static final int INPUT = 3;
    /** Output could not be written (exists without --force, disk full, no permission). */
    public static final int OUTPUT = 4;
    /** An evaluation gate failed: a quality score fell under, or a privacy risk rose over, its threshold. */
    public static final int GATE = 5;

    private ExitCodes() {}
}
