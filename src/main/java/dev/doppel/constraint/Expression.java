package dev.doppel.constraint;

import java.util.ArrayList;
import java.util.List;

/**
 * An arithmetic expression over columns, as a {@code formula} constraint writes it: numbers, column names, {@code +
 * - * /}, unary minus and parentheses, with the usual precedence. A name is letters, digits, {@code _} and {@code .}
 * not starting with a digit; any other name goes in backticks ({@code `Total day minutes`}). Immutable and
 * thread-safe once parsed.
 */
public final class Expression {
    /** One node of the parsed tree: its value for the row whose inputs are {@code values}. */
    private interface Node {
        double eval(double[] values);
    }

    private final String text;
    private final List<String> variables;
    private final Node root;

    private Expression(String text, List<String> variables, Node root) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.root = root;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and where (a character position)
     */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the expression is empty");
        }
        Parser p = new Parser(text);
        Node root = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(p.pos) + "' at character " + (p.pos + 1));
        }
        return new Expression(text, p.variables, root);
    }

    /** The columns the expression reads, in order of first use: {@link #evaluate} takes their values in this order. */
    public List<String> variables() {
        return variables;
    }

    /** The value for one row; NaN or infinite when an input is missing or a division is by zero. */
    public double evaluate(double[] values) {
        return root.eval(values);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private final List<String> variables = new ArrayList<>();
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node sum() {
            Node left = product();
            while (true) {
                if (eat('+')) {
                    Node a = left;
                    Node b = product();
                    left = v -> a.eval(v) + b.eval(v);
                } else if (eat('-')) {
                    Node a = left;
                    Node b = product();
                    left = v -> a.eval(v) - b.eval(v);
                } else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    Node a = left;
                    Node b = unary();
                    left = v -> a.eval(v) * b.eval(v);
                } else if (eat('/')) {
                    Node a = left;
                    Node b = unary();
                    left = v -> a.eval(v) / b.eval(v);
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat('-')) {
                Node a = unary();
                return v -> -a.eval(v);
            }
            if (eat('+')) {
                return unary();
            }
            return atom();
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("the expression ends where a number, a column or '(' belongs");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum();
                if (!eat(')')) {
                    throw new IllegalArgumentException("a ')' is missing at character " + (pos + 1));
                }
                return inner;
            }
            if (c == '`') {
                int end = s.indexOf('`', pos + 1);
                if (end < 0 || end == pos + 1) {
                    throw new IllegalArgumentException("a column name in backticks is not closed or empty at character "
                            + (pos + 1));
                }
                String name = s.substring(pos + 1, end);
                pos = end + 1;
                return variable(name);
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int mark = pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = mark;
                    }
                }
                double value;
                try {
                    value = Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number at character " + (start + 1));
                }
                return v -> value;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '.')) {
                    pos++;
                }
                return variable(s.substring(start, pos));
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at character " + (pos + 1)
                    + " (a column name with spaces or symbols goes in backticks)");
        }

        Node variable(String name) {
            int index = variables.indexOf(name);
            if (index < 0) {
                index = variables.size();
                variables.add(name);
            }
            int i = index;
            return v -> v[i];
        }
    }
}
