package dev.doppel.error;

/** Data, model or profile that cannot be read or is invalid. Exit code {@link ExitCodes#INPUT}. */
public final class InputException extends DoppelException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.INPUT;
    }
}
