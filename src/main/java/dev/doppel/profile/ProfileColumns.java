package dev.doppel.profile;

import dev.doppel.error.InputException;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.NumberLayout;
import dev.doppel.schema.TemporalLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies a profile's column settings on top of what inference found. */
public final class ProfileColumns {
    private ProfileColumns() {}

    /**
     * @param inferred inference's result, one per input column
     * @param columns the profile's {@code columns} section
     * @param profileName the profile's file name, for messages
     * @param profileText the profile's text, to find line numbers for messages
     */
    public static List<ColumnSpec> apply(
            List<ColumnProfile> inferred, Map<String, Profile.Column> columns, String profileName, String profileText) {
        Set<String> names = inferred.stream().map(p -> p.spec().name()).collect(Collectors.toSet());
        for (String key : columns.keySet()) {
            if (!names.contains(key)) {
                throw new InputException(profileName + at(profileText, key) + ": column '" + key
                        + "' is not in the data (names are case-sensitive)");
            }
        }
        List<ColumnSpec> specs = new ArrayList<>(inferred.size());
        for (ColumnProfile p : inferred) {
            Profile.Column entry = columns.get(p.spec().name());
            specs.add(entry == null ? p.spec() : merge(p.spec(), entry, profileName, profileText));
        }
        return specs;
    }

    private static ColumnSpec merge(ColumnSpec base, Profile.Column e, String profileName, String text) {
        String where = profileName + at(text, base.name()) + ": column '" + base.name() + "'";
        ColumnKind kind = base.kind();
        if (e.kind() != null) {
            try {
                kind = ColumnKind.fromKey(e.kind());
            } catch (IllegalArgumentException ex) {
                throw new InputException(where + ": unknown kind '" + e.kind() + "' (use one of "
                        + Arrays.stream(ColumnKind.values()).map(ColumnKind::key).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        boolean same = kind == base.kind();
        int scale = e.scale() != null ? e.scale() : same ? base.scale() : kind == ColumnKind.DECIMAL ? -1 : 0;
        boolean numbers = kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL;
        boolean bothNumbers = numbers && (base.kind() == ColumnKind.INTEGER || base.kind() == ColumnKind.DECIMAL);
        String layout = e.layout() != null ? e.layout() : same || bothNumbers ? base.layout() : null;
        String trueValue = e.trueValue() != null ? e.trueValue() : same ? base.trueValue() : null;
        String falseValue = e.falseValue() != null ? e.falseValue() : same ? base.falseValue() : null;
        String missing = e.missing() != null ? e.missing() : base.missing();
        boolean skip = e.skip() != null ? e.skip() : base.skip();
        if ((kind == ColumnKind.DATE || kind == ColumnKind.DATETIME)) {
            if (layout == null) {
                throw new InputException(where + ": a " + kind.key() + " needs a layout, e.g. layout: dd.MM.yyyy");
            }
            try {
                TemporalLayout.checked(layout, kind == ColumnKind.DATETIME);
            } catch (IllegalArgumentException ex) {
                throw new InputException(where + ": layout is not a usable " + (kind == ColumnKind.DATE ? "date" : "date-time")
                        + " pattern (see java.time.format.DateTimeFormatter; a date needs day, month and year, a"
                        + " date-time also hours and minutes)");
            }
        }
        if (numbers && layout != null && NumberLayout.parse(layout).isEmpty()) {
            throw new InputException(where + ": layout of a number must be 0,0 (decimal comma), #.##0,0 (decimal"
                    + " comma, grouping dots), #,##0.0 (grouping commas, decimal point) or 0.0, with a unit before or"
                    + " after if the values carry one ($#,##0.0, 0.0%, #.##0,0 €); leave it out for 1234.5");
        }
        if (kind == ColumnKind.DECIMAL && (scale < -1 || scale > ColumnSpec.MAX_SCALE)) {
            throw new InputException(where + ": scale must be between 0 and " + ColumnSpec.MAX_SCALE
                    + " (or -1 for the shortest exact form)");
        }
        if (kind == ColumnKind.BOOLEAN && (trueValue == null || falseValue == null)) {
            throw new InputException(where + ": a boolean needs true_value and false_value");
        }
        return new ColumnSpec(base.name(), kind, scale, layout, trueValue, falseValue, missing, skip);
    }

    private static String at(String text, String key) {
        int line = ProfileFile.lineOf(text, key);
        return line > 0 ? ", line " + line : "";
    }
}
