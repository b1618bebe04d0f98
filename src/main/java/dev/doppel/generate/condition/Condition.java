package dev.doppel.generate.condition;

import java.util.List;

/**
 * A parsed {@code --where} condition, before it is checked against a model: a tree of and/or/not over comparisons of
 * one column with literal values. {@link ConditionParser} builds it, {@link ConditionCompiler} turns it into a
 * {@link Where} for one model.
 */
public sealed interface Condition {

    /** Every child holds. */
    record And(List<Condition> children) implements Condition {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds. */
    record Or(List<Condition> children) implements Condition {
        public Or {
            children = List.copyOf(children);
        }
    }

    /** The child does not hold (SQL's three-valued logic: a comparison with a missing value stays unknown). */
    record Not(Condition child) implements Condition {}

    /** {@code column op value}. */
    record Compare(String column, Op op, Literal value) implements Condition {}

    /** {@code column in (v1, v2, ...)}. */
    record In(String column, List<Literal> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code column between low and high}, both ends included. */
    record Between(String column, Literal low, Literal high) implements Condition {}

    /** {@code column is missing} (also written {@code is null}). */
    record IsMissing(String column) implements Condition {}

    /** A comparison operator. */
    enum Op {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * A value as typed: {@code quoted} for {@code 'text'}, else a bare number, date or word.
     *
     * @param text the value without quotes (doubled quotes undone)
     * @param quoted true when it was written in single quotes
     */
    record Literal(String text, boolean quoted) {
        /** The value in quotes, for messages. */
        public String shown() {
            return "'" + text.replace("'", "''") + "'";
        }
    }
}
