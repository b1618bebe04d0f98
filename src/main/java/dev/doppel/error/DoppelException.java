package dev.doppel.error;

/**
 * The one unchecked base of every error Doppel reports to a user. A message names the place (file, line, column) and
 * the problem, never a cell value: messages are shown on the terminal and end up in CI logs.
 */
public abstract sealed class DoppelException extends RuntimeException
        permits InputException, OutputException, UsageException {
    private static final long serialVersionUID = 1L;

    protected DoppelException(String message) {
        super(message, null, false, false);
    }

    /** The process exit code this error maps to. */
    public abstract int exitCode();
}
