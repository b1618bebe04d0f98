package dev.doppel.privacy;

import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises personal data in a column from its header name and its values, offline, with regexes and check-digit
 * arithmetic only, and says why. The header is read in English and German ({@link HeaderRules}); values are checked
 * over at most the first {@link #MAX_CHECKED} non-missing cells, and a check counts when at least 90% pass
 * ({@link ValueRules}). A header's claim is kept even when its values do not confirm it (the evidence says so), unless
 * the values clearly say something else. A column unique per row that nothing else explains is a record key, which
 * is a direct identifier: it links each row back to one person's record.
 *
 * <p>The evidence is built from counts, percentages and the names of kinds, never from a cell.
 */
public final class PersonalDataDetector {
    /** Values checked per column, at most. */
    public static final int MAX_CHECKED = 5_000;

    private PersonalDataDetector() {}

    /** Detects every column of a table, given the specs inference (and any profile) settled on. */
    public static List<Detection> detect(RawTable table, List<ColumnSpec> specs) {
        List<Detection> result = new ArrayList<>(specs.size());
        for (int c = 0; c < specs.size(); c++) {
            result.add(detect(table.names().get(c), table.column(c), specs.get(c)));
        }
        return result;
    }

    /** Detects one column: its header, its cells (null where missing) and its inferred spec. */
    public static Detection detect(String header, String[] values, ColumnSpec spec) {
        List<String> sample = sample(values);
        Optional<PersonalData> byHeader = HeaderRules.match(header);
        Optional<ValueRules.Result> byValues = sample.isEmpty() ? Optional.empty() : ValueRules.fromValues(spec, sample);
        if (byHeader.isEmpty()) {
            if (byValues.isPresent()) {
                return Detection.of(byValues.get().what(), describe(byValues.get()));
            }
            return spec.kind() == ColumnKind.IDENTIFIER
                    ? Detection.of(PersonalData.RECORD_ID, "unique per row: a key to one record")
                    : Detection.none();
        }
        PersonalData claimed = byHeader.get();
        String said = "header says " + claimed.label();
        if (sample.isEmpty()) {
            return Detection.of(claimed, said + "; every value is missing");
        }
        boolean checkable = ValueRules.confirming(claimed, spec).isPresent();
        ValueRules.Result confirmation = checkable ? ValueRules.check(claimed, spec, sample) : null;
        if (confirmation != null && confirmation.counts()) {
            return Detection.of(claimed, said + "; " + describe(confirmation));
        }
        if (byValues.isPresent() && byValues.get().what() != claimed) {
            return Detection.of(byValues.get().what(), said + ", but " + describe(byValues.get()));
        }
        if (confirmation != null) {
            return Detection.of(claimed, said + "; only " + describe(confirmation));
        }
        return Detection.of(claimed, spec.kind() == ColumnKind.IDENTIFIER ? said + "; unique per row" : said);
    }

    /** The first {@link #MAX_CHECKED} non-missing cells. */
    private static List<String> sample(String[] values) {
        List<String> sample = new ArrayList<>(Math.min(values.length, MAX_CHECKED));
        for (int i = 0; i < values.length && sample.size() < MAX_CHECKED; i++) {
            if (values[i] != null) {
                sample.add(values[i]);
            }
        }
        return sample;
    }

    /** "100% of 1,000 values are e-mail addresses"; "97.5% of the first 5,000 values are phone numbers". */
    static String describe(ValueRules.Result r) {
        return String.format(Locale.ROOT, "%s of %s%,d %s %s", percent(r.passed(), r.checked()),
                r.checked() == MAX_CHECKED ? "the first " : "", r.checked(), r.checked() == 1 ? "value" : "values",
                "are " + r.what().valueNoun());
    }

    /** A share rounded down to one decimal, so that 99.99% never shows as 100%. */
    static String percent(int part, int whole) {
        if (part == whole) {
            return "100%";
        }
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(1000.0 * part / whole) / 10);
    }
}
