package dev.doppel.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job profile as written in YAML: where the data is, what its columns are, how to model them and where to write
 * synthetic rows. Every section and key is optional except {@code input.path} for {@code run}. See README.md,
 * "Profile format", for every key.
 */
public record Profile(
        Integer version,
        String job,
        Input input,
        Map<String, Column> columns,
        Model model,
        Output output,
        Privacy privacy,
        Evaluate evaluate,
        java.util.List<Constraint> constraints) {

    public static final int VERSION = 1;

    public Profile {
        input = input == null ? new Input(null, null, null, null, null) : input;
        columns = columns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(columns);
        model = model == null ? new Model(null, null, null) : model;
        output = output == null ? new Output(null, null, null, null, null, null, null, null, null, null, null, null, null)
                : output;
        privacy = privacy == null ? new Privacy(null, null, null, null, null, null) : privacy;
        evaluate = evaluate == null ? new Evaluate(null, null, null, null, null, null) : evaluate;
        constraints = constraints == null ? java.util.List.of() : java.util.List.copyOf(constraints);
    }

    public Profile(Integer version, String job, Input input, Map<String, Column> columns, Model model, Output output,
            Privacy privacy, Evaluate evaluate) {
        this(version, job, input, columns, model, output, privacy, evaluate, null);
    }

    public Profile(Integer version, String job, Input input, Map<String, Column> columns, Model model, Output output,
            Privacy privacy) {
        this(version, job, input, columns, model, output, privacy, null, null);
    }

    /** A profile without a privacy section (detection's defaults apply). */
    public Profile(Integer version, String job, Input input, Map<String, Column> columns, Model model, Output output) {
        this(version, job, input, columns, model, output, null);
    }

    /**
     * @param path the data file (CSV, TSV or Parquet), relative to the working directory
     * @param delimiter "auto" (default), ",", ";", "tab", "|"
     * @param encoding the text encoding, default UTF-8
     * @param missing cell values that mean "missing"; default "", NA, N/A, null, ?
     * @param sampleRows the most rows fitting learns: a larger input is read in one pass and a uniform random sample
     *     of this many rows kept (default 1,000,000)
     */
    public record Input(String path, String delimiter, String encoding, java.util.List<String> missing,
            Integer sampleRows) {
        public Input(String path, String delimiter, String encoding, java.util.List<String> missing) {
            this(path, delimiter, encoding, missing, null);
        }
    }

    /**
     * One column's settings; anything left out is inferred from the data.
     *
     * @param kind integer, decimal, boolean, categorical, date, datetime, identifier, text or empty
     * @param scale digits after the point for decimals
     * @param layout date or date-time layout, e.g. dd.MM.yyyy
     * @param trueValue how "true" is spelled, for booleans
     * @param falseValue how "false" is spelled, for booleans
     * @param missing the marker written for a missing value
     * @param skip true to leave the column out of model and output
     * @param role privacy role: direct-identifier, quasi-identifier, sensitive or other (default: detected)
     * @param action masking action: keep, fake, pseudonymise, generalise, suppress or drop (default: detected)
     * @param as what the values are, for fake and pseudonymise: a personal-data kind such as email, phone,
     *     first-name (default: detected)
     * @param level how far generalise goes: a band or range width ("10", "1000"), "month" or "year" for dates,
     *     "prefix 2" for codes, "rare" for labels (default: by kind)
     */
    public record Column(
            String kind,
            Integer scale,
            String layout,
            String trueValue,
            String falseValue,
            String missing,
            Boolean skip,
            String role,
            String action,
            String as,
            String level) {
        public Column(
                String kind,
                Integer scale,
                String layout,
                String trueValue,
                String falseValue,
                String missing,
                Boolean skip) {
            this(kind, scale, layout, trueValue, falseValue, missing, skip, null, null, null, null);
        }
    }

    /**
     * How personal data is masked; see README.md, "Masking personal data".
     *
     * @param locale the locale fakes are drawn in, e.g. de-DE (default: guessed from names in the data, else en-US)
     * @param k enforce k-anonymity with this k over the quasi-identifiers (default: not enforced, only reported)
     * @param quasiIdentifiers the columns k-anonymity is enforced over (default: every column whose role is
     *     quasi-identifier and that is not dropped)
     * @param maxSuppressed the largest share of rows whose quasi-identifiers may be suppressed (default 0.05)
     * @param keyEnv the environment variable holding the pseudonymisation key (default DOPPEL_KEY)
     * @param keyFile a file holding the pseudonymisation key (wins over key_env)
     */
    public record Privacy(
            String locale,
            Integer k,
            java.util.List<String> quasiIdentifiers,
            Double maxSuppressed,
            String keyEnv,
            String keyFile) {}

    /**
     * How {@code run} evaluates what it wrote ({@code evaluate:} in YAML), and the gate the result must pass.
     *
     * @param holdout share of the input kept out of fitting as the privacy control (default 0.2; 0 turns the
     *     hold-out, and with it the privacy measurements, off)
     * @param target the column train-on-synthetic/test-on-real predicts; none by default
     * @param failUnder lower bounds by metric, e.g. {@code quality: 0.85}
     * @param max upper bounds by metric, e.g. {@code dcr_share: 0.55}
     * @param gateBeforeWrite true to evaluate before writing and write nothing when a privacy threshold fails
     * @param privacyRows synthetic rows sampled for the distance and attack work (default 10,000)
     */
    public record Evaluate(
            Double holdout,
            String target,
            Map<String, Double> failUnder,
            Map<String, Double> max,
            Boolean gateBeforeWrite,
            Integer privacyRows) {}

    /**
     * @param type auto (default: fits both and keeps the better, see README "Choosing a model"), copula or tree
     * @param minGroup k: labels seen fewer times are pooled, quantile knots average at least k rows (default 5)
     * @param rareLabel label written for pooled rare labels (default "(other)")
     * @param minLeaf tree model: the fewest training rows a leaf may hold (default √n kept between 5 and 100, at least
     *     k; below 200 training rows the whole table, so the trees do not split)
     * @param maxDepth tree model: the deepest a tree may grow (default 30)
     * @param order tree model: columns drawn first, in this order (the rest follow automatically)
     * @param smoothing tree model: pseudo-rows of a column's overall shares mixed into each leaf (default 0.5)
     * @param significance tree model: the level a split's test must reach (default 0.05; 1 = plain CART)
     */
    public record Model(String type, Integer minGroup, String rareLabel, Integer minLeaf, Integer maxDepth,
            java.util.List<String> order, Double smoothing, Double significance) {
        public Model(String type, Integer minGroup, String rareLabel) {
            this(type, minGroup, rareLabel, null, null, null, null, null);
        }
    }

    /**
     * A rule every synthetic row must keep ({@code constraints:} in YAML, a list); which keys apply depends on
     * {@code type}. See README.md, "Constraints".
     *
     * @param type order, sum, formula or allowed
     * @param columns for order: the columns in increasing order; for allowed: the labels whose combination is kept
     * @param parts for sum: the columns that add up
     * @param total for sum: the column that holds their total
     * @param column for formula: the column the expression gives
     * @param expression for formula: arithmetic over column names, e.g. {@code monthly_charges * tenure}
     * @param tolerance for sum and formula: the largest difference still counted as holding (default: half the
     *     target's last digit)
     */
    public record Constraint(
            String type,
            java.util.List<String> columns,
            java.util.List<String> parts,
            String total,
            String column,
            String expression,
            Double tolerance) {}


    /**
     * @param rows synthetic rows to generate (default: as many as the input has)
     * @param seed generation seed (default 42)
     * @param threads worker threads (default: all cores)
     * @param format csv or parquet (default: from the file name, else csv)
     * @param compression Parquet codec: snappy (default), zstd, gzip, none
     * @param dir run folders are made under it (default output/JOB)
     * @param path write the data to exactly this file instead of a run folder
     * @param overwrite allow replacing an existing {@code path} (default false)
     * @param where generate only rows meeting this condition (the {@code --where} language; default: all rows)
     * @param rebalance give this column equal label shares, or a chosen mix ({@code --rebalance}; default: none)
     * @param to also load the rows into this database ({@code --to}: {@code jdbc:postgresql://HOST:PORT/DB} or
     *     {@code sqlite:FILE}); the run folder is written as without it
     * @param table the table to load, with {@code to}
     * @param ifExists when the table exists: append (default), replace or fail ({@code --if-exists})
     */
    public record Output(
            Long rows,
            Long seed,
            Integer threads,
            String format,
            String compression,
            String dir,
            String path,
            Boolean overwrite,
            String where,
            String rebalance,
            String to,
            String table,
            String ifExists) {
        public Output(Long rows, Long seed, Integer threads, String format, String compression, String dir,
                String path, Boolean overwrite, String where, String rebalance) {
            this(rows, seed, threads, format, compression, dir, path, overwrite, where, rebalance, null, null, null);
        }
    }
}
