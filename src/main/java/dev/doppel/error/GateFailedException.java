package dev.doppel.error;

/**
 * An evaluation gate failed: the message names each threshold that was not met and the value found (scores, never
 * data). Exit code {@link ExitCodes#GATE}, distinct from input and output errors so a scheduler can tell "the data is
 * not good or private enough" from "the job broke".
 */
public final class GateFailedException extends DoppelException {
    private static final long serialVersionUID = 1L;

    public GateFailedException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.GATE;
    }
}
