package dev.doppel.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule every synthetic row keeps, as a model stores it: which columns it ties together and, in {@code written}, the
 * spec of each column it computes or rewrites after sampling (as the output spells it; the model's own entry for such
 * a column may hold something else, such as a gap or a joint label). Holds column names, formats and the profile's
 * expression, never a value of the data. The logic lives in {@code dev.doppel.constraint}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Constraint.Order.class, name = "order"),
    @JsonSubTypes.Type(value = Constraint.Sum.class, name = "sum"),
    @JsonSubTypes.Type(value = Constraint.Formula.class, name = "formula"),
    @JsonSubTypes.Type(value = Constraint.Allowed.class, name = "allowed")
})
public sealed interface Constraint {
    /** Every column the rule mentions, inputs first. */
    List<String> columns();

    /** The specs of the columns the rule computes or rewrites after sampling. */
    List<ColumnSpec> written();

    /** A short statement of the rule for notes and reports, e.g. {@code a <= b}. Names only, no value. */
    String rule();

    /** The columns the rule computes or rewrites, by name. */
    default List<String> targets() {
        return written().stream().map(ColumnSpec::name).toList();
    }

    /** The rule's name in profiles and reports. */
    String type();

    /**
     * {@code columns[0] <= columns[1] <= ...}: numbers, dates or date-times. Per later column, the model learns either
     * its non-negative gap to the one before ({@link #GAP}; generation adds it back) or the column itself
     * ({@link #VALUE}; generation raises a value below the one before to it), whichever varies less in the real data.
     *
     * @param written the specs of columns[1..]
     * @param learned per later column, {@link #GAP} or {@link #VALUE}
     */
    record Order(List<String> columns, List<ColumnSpec> written, List<String> learned) implements Constraint {
        public static final String GAP = "gap";
        public static final String VALUE = "value";

        public Order {
            columns = List.copyOf(columns);
            written = List.copyOf(written);
            learned = learned == null ? java.util.Collections.nCopies(written.size(), GAP) : List.copyOf(learned);
            if (columns.size() < 2 || written.size() != columns.size() - 1 || learned.size() != written.size()
                    || !learned.stream().allMatch(l -> l.equals(GAP) || l.equals(VALUE))) {
                throw new IllegalArgumentException("order: needs two or more columns, each later one learned as gap or value");
            }
        }

        /** The same rule with the way each later column is learned. */
        public Order withLearned(List<String> newLearned) {
            return new Order(columns, written, newLearned);
        }

        @Override
        public String type() {
            return "order";
        }

        @Override
        public String rule() {
            return String.join(" <= ", columns);
        }
    }

    /**
     * {@code total = parts[0] + parts[1] + ...}: the total is computed, not learned.
     *
     * @param tolerance the largest difference a check accepts (at least half the total's last digit)
     * @param written the total's spec
     */
    record Sum(List<String> parts, String total, double tolerance, List<ColumnSpec> written) implements Constraint {
        public Sum {
            parts = List.copyOf(parts);
            written = List.copyOf(written);
            if (parts.isEmpty() || written.size() != 1 || !(tolerance >= 0)) {
                throw new IllegalArgumentException("sum: needs parts, a total and a tolerance of 0 or more");
            }
        }

        @Override
        public List<String> columns() {
            List<String> all = new ArrayList<>(parts);
            all.add(total);
            return all;
        }

        @Override
        public String type() {
            return "sum";
        }

        @Override
        public String rule() {
            return total + " = " + String.join(" + ", parts);
        }
    }

    /**
     * {@code column = expression} within {@code tolerance}: the column is computed, not learned.
     *
     * @param inputs the columns the expression reads, in order of first use
     * @param written the column's spec
     */
    record Formula(String column, String expression, List<String> inputs, double tolerance, List<ColumnSpec> written)
            implements Constraint {
        public Formula {
            inputs = List.copyOf(inputs);
            written = List.copyOf(written);
            if (written.size() != 1 || !(tolerance >= 0)) {
                throw new IllegalArgumentException("formula: needs a column and a tolerance of 0 or more");
            }
        }

        @Override
        public List<String> columns() {
            List<String> all = new ArrayList<>(inputs);
            all.add(column);
            return all;
        }

        @Override
        public String type() {
            return "formula";
        }

        @Override
        public String rule() {
            return column + " = " + expression;
        }
    }

    /**
     * Only combinations of labels seen in the real data (at least k times) appear: the model learns the combination
     * as one label in {@code columns[0]}'s place and generation splits it.
     *
     * @param written the specs of every column (the first one's model entry holds the joint labels)
     */
    record Allowed(List<String> columns, List<ColumnSpec> written) implements Constraint {
        /** Separates the parts of a joint label. */
        public static final char SEPARATOR = '\u001F';
        /** Stands for a missing part inside a joint label. */
        public static final String MISSING_PART = "\u0018";

        public Allowed {
            columns = List.copyOf(columns);
            written = List.copyOf(written);
            if (columns.size() < 2 || written.size() != columns.size()) {
                throw new IllegalArgumentException("allowed: needs two or more columns");
            }
        }

        @Override
        public String type() {
            return "allowed";
        }

        @Override
        public String rule() {
            return "(" + String.join(", ", columns) + ") is a combination seen in the real data";
        }
    }
}
