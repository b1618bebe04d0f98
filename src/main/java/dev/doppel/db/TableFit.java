package dev.doppel.db;

import dev.doppel.db.ExistingColumn.Family;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an existing table can take a model's rows, checked before any row is written. Every model column needs a
 * column of the same name (exactly, or else the one column whose name differs only in case) whose type holds every
 * value the model can produce:
 *
 * <ul>
 *   <li>whole numbers: an integer type wide enough for the model's range, NUMERIC with enough digits, or DOUBLE;
 *   <li>decimals: NUMERIC with at least the model's scale and enough integer digits, or DOUBLE;
 *   <li>booleans: BOOLEAN (in SQLite also an integer column: booleans are 0/1 there);
 *   <li>dates: DATE or a timestamp; date-times: a timestamp;
 *   <li>labels, ids, text: a character type at least as long as the longest value (unbounded text always fits).
 * </ul>
 *
 * A NOT NULL column must not get empty cells, and a NOT NULL column without a default that the model does not fill
 * would refuse every row. Extra columns that are nullable or have a default are left to their default.
 *
 * @param targetNames per model column, the name of the table's column it goes into (null where there is none)
 * @param problems what does not fit, one entry per column ({@code "tenure": missing, ...}); empty when it fits
 */
public record TableFit(List<String> targetNames, List<String> problems) {
    public TableFit {
        targetNames = java.util.Collections.unmodifiableList(new ArrayList<>(targetNames)); // may hold nulls
        problems = List.copyOf(problems);
    }

    public boolean fits() {
        return problems.isEmpty();
    }

    public static TableFit check(TableDesign design, List<ExistingColumn> table, Engine engine) {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<ExistingColumn> used = new HashSet<>();
        for (SqlColumn want : design.columns()) {
            ExistingColumn have = find(table, want.name());
            if (have == null) {
                names.add(null);
                problems.add(quoted(want.name()) + " is missing (the model writes " + want.describe(engine) + ")");
                continue;
            }
            used.add(have);
            names.add(have.name());
            String typeProblem = typeProblem(want, have, engine);
            if (typeProblem != null) {
                problems.add(quoted(have.name()) + " is " + describe(have) + ": " + typeProblem);
            }
            if (have.notNull() && want.nullable()) {
                problems.add(quoted(have.name()) + " is NOT NULL, but the model leaves "
                        + (want.missingShare() > 0 ? percent(want.missingShare()) + " of its cells" : "cells")
                        + " empty");
            }
        }
        for (ExistingColumn extra : table) {
            if (!used.contains(extra) && extra.notNull() && !extra.hasDefault()) {
                problems.add(quoted(extra.name()) + " is NOT NULL without a default, and the model has no such column"
                        + " to fill it");
            }
        }
        return new TableFit(names, problems);
    }

    /** The column of that name; else the only one whose name equals it ignoring case; else null. */
    private static ExistingColumn find(List<ExistingColumn> table, String name) {
        ExistingColumn folded = null;
        int foldedCount = 0;
        for (ExistingColumn c : table) {
            if (c.name().equals(name)) {
                return c;
            }
            if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                folded = c;
                foldedCount++;
            }
        }
        return foldedCount == 1 ? folded : null;
    }

    /** Why the existing column cannot hold the model's values, or null when it can. */
    static String typeProblem(SqlColumn want, ExistingColumn have, Engine engine) {
        Family f = have.family();
        return switch (want.kind()) {
            case INTEGER -> {
                if (f.integer()) {
                    if (engine == Engine.POSTGRESQL && !Double.isNaN(want.min())
                            && (want.min() < f.min || want.max() > f.max)) {
                        yield "too small for the model's range (" + whole(want.min()) + " to " + whole(want.max()) + ")";
                    }
                    if (engine == Engine.POSTGRESQL && Double.isNaN(want.min()) && f != Family.BIGINT) {
                        yield "a computed column needs BIGINT";
                    }
                    yield null;
                }
                if (f == Family.NUMERIC) {
                    yield numericProblem(want, have, 0);
                }
                yield f == Family.DOUBLE ? null : "not a number type (the model writes whole numbers)";
            }
            case DECIMAL -> {
                if (f == Family.NUMERIC) {
                    yield numericProblem(want, have, Math.max(0, want.scale()));
                }
                yield f == Family.DOUBLE ? null : "not a decimal type (the model writes "
                        + (want.scale() >= 0 ? want.scale() + " digits after the point" : "decimals") + ")";
            }
            case BOOLEAN -> f == Family.BOOLEAN || (engine == Engine.SQLITE && f.integer()) ? null
                    : "not BOOLEAN (the model writes true/false)";
            case DATE -> f == Family.DATE || f == Family.TIMESTAMP || f == Family.TIMESTAMPTZ ? null
                    : "not a date type (the model writes dates)";
            case DATETIME -> f == Family.TIMESTAMP || f == Family.TIMESTAMPTZ ? null
                    : "not a timestamp type (the model writes date-times)";
            case CATEGORICAL, IDENTIFIER, TEXT -> {
                if (!f.text()) {
                    yield "not a text type (the model writes " + want.kind().key() + " values)";
                }
                if (have.length() > 0 && (want.type() == SqlType.TEXT || want.length() > have.length())) {
                    yield "too short: the model's values take up to "
                            + (want.type() == SqlType.TEXT ? "any number of" : want.length()) + " characters";
                }
                yield null;
            }
            case EMPTY -> null; // always NULL
        };
    }

    /** NUMERIC(p, s) must keep the model's scale and hold its largest value. */
    private static String numericProblem(SqlColumn want, ExistingColumn have, int scale) {
        if (have.precision() == 0) {
            return null; // unconstrained
        }
        if (have.scale() < scale) {
            return "keeps " + have.scale() + " digits after the point, the model writes " + scale;
        }
        if (Double.isNaN(want.max())) {
            return "a computed column needs an unconstrained NUMERIC or DOUBLE PRECISION";
        }
        double largest = Math.max(Math.abs(want.min()), Math.abs(want.max()));
        int intDigits = largest < 1 ? 1 : (int) Math.floor(Math.log10(largest)) + 1;
        if (intDigits > have.precision() - have.scale()) {
            return "holds " + (have.precision() - have.scale()) + " digits before the point, the model's values need "
                    + intDigits;
        }
        return null;
    }

    private static String describe(ExistingColumn c) {
        return switch (c.family()) {
            case VARCHAR, CHAR -> c.typeName().toUpperCase(Locale.ROOT).replaceAll("\\(.*", "")
                    + (c.length() > 0 ? "(" + c.length() + ")" : "");
            case NUMERIC -> c.precision() > 0 ? "NUMERIC(" + c.precision() + "," + c.scale() + ")" : "NUMERIC";
            default -> c.typeName().toUpperCase(Locale.ROOT);
        };
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
