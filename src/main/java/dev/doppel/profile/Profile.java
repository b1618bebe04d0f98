package dev.doppel.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job profile as written in YAML: where the data is, what its columns are, how to model them and where to write
 * synthetic rows. Every section and key is optional except {@code input.path} for {@code run}. See README.md,
 * "Profile format", for every key.
 */
public record Profile(
        Integer version, String job, Input input, Map<String, Column> columns, Model model, Output output) {

    public static final int VERSION = 1;

    public Profile {
        input = input == null ? new Input(null, null, null, null) : input;
        columns = columns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(columns);
        model = model == null ? new Model(null, null, null) : model;
        output = output == null ? new Output(null, null, null, null, null, null, null, null) : output;
    }

    /**
     * @param path the data file (CSV, TSV or Parquet), relative to the working directory
     * @param delimiter "auto" (default), ",", ";", "tab", "|"
     * @param encoding the text encoding, default UTF-8
     * @param missing cell values that mean "missing"; default "", NA, N/A, null, ?
     */
    public record Input(String path, String delimiter, String encoding, java.util.List<String> missing) {}

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
     */
    public record Column(
            String kind,
            Integer scale,
            String layout,
            String trueValue,
            String falseValue,
            String missing,
            Boolean skip) {}

    /**
     * @param type "copula" (the only model so far)
     * @param minGroup k: labels seen fewer times are pooled, quantile knots average at least k rows (default 5)
     * @param rareLabel label written for pooled rare labels (default "(other)")
     */
    public record Model(String type, Integer minGroup, String rareLabel) {}

    /**
     * @param rows synthetic rows to generate (default: as many as the input has)
     * @param seed generation seed (default 42)
     * @param threads worker threads (default: all cores)
     * @param format csv or parquet (default: from the file name, else csv)
     * @param compression Parquet codec: snappy (default), zstd, gzip, none
     * @param dir run folders are made under it (default output/JOB)
     * @param path write the data to exactly this file instead of a run folder
     * @param overwrite allow replacing an existing {@code path} (default false)
     */
    public record Output(
            Long rows,
            Long seed,
            Integer threads,
            String format,
            String compression,
            String dir,
            String path,
            Boolean overwrite) {}
}
