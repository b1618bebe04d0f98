package dev.doppel.pipeline;

import dev.doppel.error.InputException;
import dev.doppel.model.tree.TreeSettings;
import java.util.Locale;

/**
 * Which model draws the numeric and categorical columns ({@code model.type} in a profile, {@code --model} on the
 * command line), with the tree model's settings.
 *
 * @param type what to fit
 * @param tree the tree model's settings (used by TREE and AUTO)
 */
public record ModelChoice(Type type, TreeSettings tree) {
    public enum Type {
        /** A Gaussian copula over the columns' marginals: fast, smooth, linear (rank) dependence only. */
        COPULA,
        /** Sequential CART synthesis: each column from a tree leaf given the columns before it. */
        TREE,
        /** Fit both on a training split, score them on the rest, keep the better one that passes the privacy bar. */
        AUTO;

        /**
         * @param text copula, tree or auto, any case
         * @param where what to name in the error (profile file or option)
         */
        public static Type parse(String text, String where) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": model type must be copula, tree or auto");
            }
        }

        /** A command-line option's value: a bad one is a usage error (exit 2), not bad input. */
        public static Type parseOption(String text, String option) {
            try {
                return parse(text, option);
            } catch (InputException e) {
                throw new dev.doppel.error.UsageException(e.getMessage());
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The default: auto. It keeps the copula under {@link ModelSelection#MIN_ROWS} rows and above
     * {@link ModelSelection#MAX_TREE_ROWS}, and otherwise the better of copula and tree that passes the privacy bar.
     */
    public static ModelChoice defaults(int k) {
        return new ModelChoice(Type.AUTO, TreeSettings.defaults(k));
    }

    public static ModelChoice copula(int k) {
        return new ModelChoice(Type.COPULA, TreeSettings.defaults(k));
    }

    public ModelChoice withType(Type other) {
        return new ModelChoice(other, tree);
    }
}
