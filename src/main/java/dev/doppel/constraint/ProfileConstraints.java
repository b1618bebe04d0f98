package dev.doppel.constraint;

import dev.doppel.error.InputException;
import dev.doppel.model.Constraint;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a profile's {@code constraints:} list into checked {@link Constraint}s against the columns the model learns:
 * every problem (an unknown type or column, a key the type does not take, a column of the wrong kind, a column
 * computed by two constraints, constraints that depend on each other in a circle) is a one-line error naming the
 * profile, the line of the constraint and the problem.
 */
public final class ProfileConstraints {
    private static final Map<String, Set<String>> KEYS = Map.of(
            "order", Set.of("columns"),
            "sum", Set.of("parts", "total", "tolerance"),
            "formula", Set.of("column", "expression", "tolerance"),
            "allowed", Set.of("columns"));

    private ProfileConstraints() {}

    /**
     * @param entries the profile's constraints, in order
     * @param specs the columns as the model sees them (after the profile's settings and masking)
     * @param profileName the profile's file name, for messages
     * @param profileText its text, to find the line of each entry (may be null)
     */
    public static List<Constraint> resolve(
            List<Profile.Constraint> entries, List<ColumnSpec> specs, String profileName, String profileText) {
        if (entries == null || entries.isEmpty()) {
            return List.of();
        }
        List<Integer> lines = ProfileFile.itemLines(profileText, "constraints");
        Map<String, ColumnSpec> byName = new LinkedHashMap<>();
        for (ColumnSpec s : specs) {
            byName.put(s.name(), s);
        }
        List<Constraint> out = new ArrayList<>();
        Map<String, Integer> writtenBy = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = profileName + (i < lines.size() ? ", line " + lines.get(i) : "") + ": constraint "
                    + (i + 1);
            Profile.Constraint e = entries.get(i);
            if (e == null) {
                throw new InputException(where + ": is empty (give type: order, sum, formula or allowed)");
            }
            Constraint c = one(e, byName, where);
            for (String target : c.targets()) {
                Integer other = writtenBy.putIfAbsent(target, i);
                if (other != null) {
                    throw new InputException(where + " (" + c.type() + "): column '" + target
                            + "' is already computed by constraint "
                            + (other + 1) + "; a column can be derived by one constraint only");
                }
            }
            out.add(c);
        }
        String cycle = cycle(out);
        if (cycle != null) {
            int i = indexWriting(out, cycle);
            throw new InputException(profileName + (i < lines.size() ? ", line " + lines.get(i) : "")
                    + ": constraint " + (i + 1) + ": constraints depend on each other in a circle through column '"
                    + cycle + "'");
        }
        return out;
    }

    private static Constraint one(Profile.Constraint e, Map<String, ColumnSpec> byName, String where) {
        if (e.type() == null) {
            throw new InputException(where + ": type is missing (order, sum, formula or allowed)");
        }
        String type = e.type().strip().toLowerCase(java.util.Locale.ROOT);
        Set<String> allowed = KEYS.get(type);
        if (allowed == null) {
            throw new InputException(where + ": unknown type '" + e.type() + "' (use order, sum, formula or allowed)");
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("columns", e.columns());
        given.put("parts", e.parts());
        given.put("total", e.total());
        given.put("column", e.column());
        given.put("expression", e.expression());
        given.put("tolerance", e.tolerance());
        for (Map.Entry<String, Object> g : given.entrySet()) {
            if (g.getValue() != null && !allowed.contains(g.getKey())) {
                throw new InputException(where + ": '" + g.getKey() + "' does not belong to a " + type
                        + " constraint (it takes " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return typed(type, e, byName, where + " (" + type + ")");
    }

    private static Constraint typed(String type, Profile.Constraint e, Map<String, ColumnSpec> byName, String where) {
        switch (type) {
            case "order" -> {
                List<ColumnSpec> cols = columns(e.columns(), "columns", 2, byName, where);
                ColumnKind first = cols.get(0).kind();
                for (ColumnSpec c : cols) {
                    boolean ok = switch (first) {
                        case INTEGER, DECIMAL -> c.kind() == ColumnKind.INTEGER || c.kind() == ColumnKind.DECIMAL;
                        case DATE, DATETIME -> c.kind() == ColumnKind.DATE || c.kind() == ColumnKind.DATETIME;
                        default -> false;
                    };
                    if (!ok) {
                        throw new InputException(where + ": column '" + c.name() + "' is " + c.kind().key()
                                + "; order takes all numbers or all dates and date-times");
                    }
                }
                return new Constraint.Order(names(cols), cols.subList(1, cols.size()), null);
            }
            case "sum" -> {
                List<ColumnSpec> parts = columns(e.parts(), "parts", 2, byName, where);
                ColumnSpec total = column(e.total(), "total", byName, where);
                if (parts.contains(total)) {
                    throw new InputException(where + ": the total '" + total.name() + "' is also a part");
                }
                parts.forEach(p -> numeric(p, where));
                numeric(total, where);
                return new Constraint.Sum(names(parts), total.name(), tolerance(e.tolerance(), total, where),
                        List.of(total));
            }
            case "formula" -> {
                ColumnSpec target = column(e.column(), "column", byName, where);
                numeric(target, where);
                if (e.expression() == null) {
                    throw new InputException(where + ": 'expression' is missing, e.g. expression: \"price * quantity\"");
                }
                Expression x;
                try {
                    x = Expression.parse(e.expression());
                } catch (IllegalArgumentException ex) {
                    throw new InputException(where + ": the expression cannot be read: " + ex.getMessage());
                }
                if (x.variables().isEmpty()) {
                    throw new InputException(where + ": the expression names no column");
                }
                for (String v : x.variables()) {
                    if (v.equals(target.name())) {
                        throw new InputException(where + ": the expression uses its own column '" + v + "'");
                    }
                    numeric(column(v, "expression", byName, where), where);
                }
                return new Constraint.Formula(target.name(), e.expression().strip(), x.variables(),
                        tolerance(e.tolerance(), target, where), List.of(target));
            }
            case "allowed" -> {
                List<ColumnSpec> cols = columns(e.columns(), "columns", 2, byName, where);
                for (ColumnSpec c : cols) {
                    if (c.kind() != ColumnKind.CATEGORICAL && c.kind() != ColumnKind.BOOLEAN) {
                        throw new InputException(where + ": column '" + c.name() + "' is " + c.kind().key()
                                + "; allowed takes categorical or boolean columns");
                    }
                }
                return new Constraint.Allowed(names(cols), cols);
            }
            default -> throw new AssertionError(type);
        }
    }

    private static List<String> names(List<ColumnSpec> specs) {
        return specs.stream().map(ColumnSpec::name).toList();
    }

    private static List<ColumnSpec> columns(
            List<String> names, String key, int least, Map<String, ColumnSpec> byName, String where) {
        if (names == null || names.size() < least) {
            throw new InputException(where + ": '" + key + "' needs a list of at least " + least + " columns");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new InputException(where + ": '" + key + "' names a column twice");
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (String n : names) {
            out.add(column(n, key, byName, where));
        }
        return out;
    }

    private static ColumnSpec column(String name, String key, Map<String, ColumnSpec> byName, String where) {
        if (name == null) {
            throw new InputException(where + ": '" + key + "' is missing");
        }
        ColumnSpec spec = byName.get(name);
        if (spec == null) {
            throw new InputException(where + ": column '" + name + "' is not in the data (names are case-sensitive)");
        }
        if (spec.skip()) {
            throw new InputException(where + ": column '" + name + "' is skipped or dropped, so it cannot take part");
        }
        return spec;
    }

    private static void numeric(ColumnSpec spec, String where) {
        if (spec.kind() != ColumnKind.INTEGER && spec.kind() != ColumnKind.DECIMAL) {
            throw new InputException(where + ": column '" + spec.name() + "' is " + spec.kind().key()
                    + "; sums and formulas take integer or decimal columns");
        }
    }

    private static double tolerance(Double given, ColumnSpec target, String where) {
        if (given != null && !(given >= 0 && Double.isFinite(given))) {
            throw new InputException(where + ": tolerance must be a number of 0 or more");
        }
        return Math.max(given == null ? 0 : given, halfStep(target));
    }

    /** Half the last digit a column is written with: the most rounding can move a computed value. */
    static double halfStep(ColumnSpec spec) {
        return switch (spec.kind()) {
            case INTEGER -> 0.5;
            case DECIMAL -> spec.scale() < 0 ? 0 : 0.5 * Math.pow(10, -spec.scale());
            default -> 0;
        };
    }

    /** A column on a cycle of "computed from" links, or null when there is none. */
    private static String cycle(List<Constraint> constraints) {
        Map<String, List<String>> next = new HashMap<>(); // input -> targets computed from it
        for (Constraint c : constraints) {
            for (Map.Entry<String, String> edge : Dependencies.edges(c)) {
                next.computeIfAbsent(edge.getKey(), k -> new ArrayList<>()).add(edge.getValue());
            }
        }
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (String start : next.keySet()) {
            String found = visit(start, next, state);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String node, Map<String, List<String>> next, Map<String, Integer> state) {
        Integer s = state.get(node);
        if (s != null) {
            return s == 1 ? node : null;
        }
        state.put(node, 1);
        for (String to : next.getOrDefault(node, List.of())) {
            String found = visit(to, next, state);
            if (found != null) {
                return found;
            }
        }
        state.put(node, 2);
        return null;
    }

    private static int indexWriting(List<Constraint> constraints, String column) {
        for (int i = 0; i < constraints.size(); i++) {
            if (constraints.get(i).targets().contains(column)) {
                return i;
            }
        }
        return 0;
    }
}
