package dev.doppel.pipeline;

import dev.doppel.error.InputException;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableSample;
import dev.doppel.model.FitSettings;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.profile.Profile;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Turns a profile's sections into the settings the pipeline takes, checking values on the way. */
public final class Profiles {
    private Profiles() {}

    public static ReadOptions readOptions(Profile.Input input, String profileName) {
        ReadOptions options = ReadOptions.DEFAULTS;
        if (input.delimiter() != null) {
            options = options.withDelimiter(delimiter(input.delimiter(), profileName + ": input.delimiter"));
        }
        if (input.encoding() != null) {
            options = options.withEncoding(charset(input.encoding(), profileName + ": input.encoding"));
        }
        if (input.missing() != null) {
            options = options.withMissingMarkers(input.missing());
        }
        return options;
    }

    /**
     * The most rows fitting keeps: {@code override} (the command line's) when given, else the profile's
     * {@code input.sample_rows}, else {@link TableSample#DEFAULT_ROWS}.
     *
     * @param profileName names the profile in an error
     */
    public static int sampleRows(Integer override, Profile.Input input, String profileName) {
        if (override != null) {
            if (override < 1) {
                throw new dev.doppel.error.UsageException("--sample-rows must be at least 1");
            }
            return override;
        }
        if (input != null && input.sampleRows() != null) {
            if (input.sampleRows() < 1) {
                throw new InputException(profileName + ": input.sample_rows must be at least 1");
            }
            return input.sampleRows();
        }
        return TableSample.DEFAULT_ROWS;
    }

    /** "auto" (null), ",", ";", "tab" or "\t", "|", or any single character. */
    public static Character delimiter(String text, String where) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto" -> null;
            case "tab", "\\t", "\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
                    throw new InputException(where + ": must be auto, a single character, or tab");
                }
                yield text.charAt(0);
            }
        };
    }

    public static Charset charset(String name, String where) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InputException(where + ": unknown encoding (try UTF-8 or ISO-8859-1)");
        }
    }

    public static FitSettings fitSettings(Profile.Model model, String profileName) {
        if (model.type() != null) {
            ModelChoice.Type.parse(model.type(), profileName + ": model.type");
        }
        int k = model.minGroup() != null ? model.minGroup() : FitSettings.DEFAULTS.minGroup();
        if (k < FitSettings.MIN_GROUP_FLOOR) {
            throw new InputException(profileName + ": model.min_group must be at least " + FitSettings.MIN_GROUP_FLOOR
                    + " (smaller groups would let the model describe single rows)");
        }
        return new FitSettings(k, model.rareLabel() != null ? model.rareLabel() : FitSettings.DEFAULTS.rareLabel());
    }

    /**
     * The model a profile asks for: {@code model.type} (auto by default) and the tree settings ({@code min_leaf},
     * {@code max_depth}, {@code order}, {@code smoothing}, {@code significance}), checked.
     *
     * @param k the model's k (a leaf never holds fewer rows)
     */
    public static ModelChoice modelChoice(Profile.Model model, String profileName, int k) {
        ModelChoice.Type type = model.type() == null ? ModelChoice.Type.AUTO
                : ModelChoice.Type.parse(model.type(), profileName + ": model.type");
        TreeSettings defaults = TreeSettings.defaults(k);
        int minLeaf = model.minLeaf() != null ? model.minLeaf() : defaults.minLeaf();
        if (model.minLeaf() != null && minLeaf < k) {
            throw new InputException(profileName + ": model.min_leaf must be at least min_group (" + k
                    + "): a smaller leaf would describe fewer than k rows");
        }
        int maxDepth = model.maxDepth() != null ? model.maxDepth() : defaults.maxDepth();
        if (maxDepth < 1 || maxDepth > 64) {
            throw new InputException(profileName + ": model.max_depth must be from 1 to 64");
        }
        double smoothing = model.smoothing() != null ? model.smoothing() : defaults.smoothing();
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new InputException(profileName + ": model.smoothing must be a number >= 0");
        }
        double significance = model.significance() != null ? model.significance() : defaults.significance();
        if (!(significance > 0 && significance <= 1)) {
            throw new InputException(profileName + ": model.significance must be above 0 and at most 1");
        }
        return new ModelChoice(type, new TreeSettings(minLeaf, maxDepth, model.order(), smoothing, significance));
    }
}
