package dev.doppel.generate.condition;

/**
 * A {@code --where} or {@code --rebalance} that cannot be parsed, does not fit the model, or asks for rows the model
 * cannot produce. Not a {@link dev.doppel.error.DoppelException} itself: the caller knows whether the text came from
 * the command line (a usage error) or a profile (an input error) and wraps it with that origin. Messages quote only
 * what the user typed (column names, labels, numbers), never anything the model holds.
 */
public final class ConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which setting the problem is in. */
    public enum Part {
        WHERE("where"),
        REBALANCE("rebalance");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        /** The setting's name without dashes: {@code where} or {@code rebalance}. */
        public String key() {
            return key;
        }
    }

    private final Part part;

    public ConditionException(Part part, String message) {
        super(message, null, false, false);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
