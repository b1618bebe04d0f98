package dev.doppel.error;

/** Output that cannot be written as asked (exists without --force, unwritable folder). Exit code {@link ExitCodes#OUTPUT}. */
public final class OutputException extends DoppelException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.OUTPUT;
    }
}
