package dev.doppel.error;

/** Options that contradict each other or make no sense together. Exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends DoppelException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
