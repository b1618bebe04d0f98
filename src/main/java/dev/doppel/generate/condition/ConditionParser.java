package dev.doppel.generate.condition;

import dev.doppel.generate.condition.Condition.And;
import dev.doppel.generate.condition.Condition.Between;
import dev.doppel.generate.condition.Condition.Compare;
import dev.doppel.generate.condition.Condition.In;
import dev.doppel.generate.condition.Condition.IsMissing;
import dev.doppel.generate.condition.Condition.Literal;
import dev.doppel.generate.condition.Condition.Not;
import dev.doppel.generate.condition.Condition.Op;
import dev.doppel.generate.condition.Condition.Or;
import dev.doppel.generate.condition.ConditionException.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the {@code --where} language, a small SQL-like subset:
 *
 * <pre>
 * condition  := term ("or" term)*
 * term       := factor ("and" factor)*
 * factor     := "not" factor | "(" condition ")" | predicate
 * predicate  := column ("=" | "==" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") value
 *             | column ["not"] "in" "(" value ("," value)* ")"
 *             | column ["not"] "between" value "and" value
 *             | column "is" ["not"] ("missing" | "null")
 * column     := word | "double quoted" | `back-quoted`
 * value      := 'single quoted' | number | date | word
 * </pre>
 *
 * Keywords are case-insensitive. A quote inside a quoted name or value is doubled ({@code 'O''Brien'}). A bare word
 * on the right of an operator is a label ({@code Churn = Yes}); a bare number or date runs up to the next space,
 * parenthesis, comma, quote or operator ({@code 2021-03-01}, {@code 12.5}). Errors give the character position.
 */
public final class ConditionParser {
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "between", "is");

    private enum Kind { WORD, NAME, STRING, BARE, OP, LPAREN, RPAREN, COMMA, END }

    private record Token(Kind kind, String text, int position) {}

    private final List<Token> tokens;
    private int next;

    private ConditionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a condition; throws {@link ConditionException} (part WHERE) naming the position of a problem. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw error("the condition is empty");
        }
        ConditionParser parser = new ConditionParser(tokenize(text));
        Condition condition = parser.or();
        Token t = parser.peek();
        if (t.kind() != Kind.END) {
            throw error("unexpected " + describe(t) + " at character " + t.position()
                    + (t.kind() == Kind.RPAREN ? " (a ')' without its '(')" : " (join conditions with 'and' or 'or')"));
        }
        return condition;
    }

    private Condition or() {
        List<Condition> children = new ArrayList<>();
        children.add(and());
        while (keyword("or")) {
            children.add(and());
        }
        return children.size() == 1 ? children.get(0) : new Or(children);
    }

    private Condition and() {
        List<Condition> children = new ArrayList<>();
        children.add(factor());
        while (keyword("and")) {
            children.add(factor());
        }
        return children.size() == 1 ? children.get(0) : new And(children);
    }

    private Condition factor() {
        if (keyword("not")) {
            return new Not(factor());
        }
        if (peek().kind() == Kind.LPAREN) {
            Token open = take();
            Condition inner = or();
            if (peek().kind() != Kind.RPAREN) {
                throw error("the '(' at character " + open.position() + " is not closed");
            }
            take();
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        Token t = peek();
        String column;
        if (t.kind() == Kind.NAME || (t.kind() == Kind.WORD && !RESERVED.contains(lower(t.text())))) {
            column = take().text();
        } else {
            throw error("expected a column name at character " + t.position() + ", found " + describe(t)
                    + " (quote names with spaces or dashes: \"monthly charges\")");
        }
        Token op = peek();
        if (op.kind() == Kind.OP) {
            take();
            return new Compare(column, op(op.text()), value());
        }
        if (keyword("is")) {
            boolean negated = keyword("not");
            if (!keyword("missing") && !keyword("null")) {
                throw error("expected 'missing' after 'is' at character " + peek().position());
            }
            Condition missing = new IsMissing(column);
            return negated ? new Not(missing) : missing;
        }
        boolean negated = keyword("not");
        Condition c;
        if (keyword("in")) {
            c = in(column);
        } else if (keyword("between")) {
            Literal low = value();
            if (!keyword("and")) {
                throw error("expected 'and' in 'between ... and ...' at character " + peek().position());
            }
            c = new Between(column, low, value());
        } else {
            throw error("expected an operator after column '" + column + "' at character " + peek().position()
                    + " (=, !=, <, <=, >, >=, in, between, is missing)");
        }
        return negated ? new Not(c) : c;
    }

    private Condition in(String column) {
        Token open = peek();
        if (open.kind() != Kind.LPAREN) {
            throw error("expected '(' after 'in' at character " + open.position());
        }
        take();
        List<Literal> values = new ArrayList<>();
        values.add(value());
        while (peek().kind() == Kind.COMMA) {
            take();
            values.add(value());
        }
        if (peek().kind() != Kind.RPAREN) {
            throw error("expected ',' or ')' in the list opened at character " + open.position());
        }
        take();
        return new In(column, values);
    }

    private Literal value() {
        Token t = peek();
        return switch (t.kind()) {
            case STRING -> new Literal(take().text(), true);
            case BARE -> new Literal(take().text(), false);
            case WORD -> {
                if (RESERVED.contains(lower(t.text()))) {
                    throw error("expected a value at character " + t.position() + ", found '" + t.text() + "'");
                }
                yield new Literal(take().text(), false);
            }
            default -> throw error("expected a value ('quoted label', number or date) at character " + t.position()
                    + ", found " + describe(t));
        };
    }

    private static Op op(String symbol) {
        return switch (symbol) {
            case "=", "==" -> Op.EQ;
            case "!=", "<>" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            default -> throw new IllegalStateException(symbol);
        };
    }

    private boolean keyword(String word) {
        Token t = peek();
        if (t.kind() == Kind.WORD && lower(t.text()).equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case END -> "the end";
            case STRING -> "'" + t.text() + "'";
            default -> "'" + t.text() + "'";
        };
    }

    private static ConditionException error(String message) {
        return new ConditionException(Part.WHERE, message);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA, String.valueOf(c), pos));
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw error("the quote at character " + pos + " is not closed");
                    }
                    char d = s.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && s.charAt(j + 1) == c) {
                            text.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                if (c != '\'' && text.length() == 0) {
                    throw error("empty column name at character " + pos);
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.NAME, text.toString(), pos));
                i = j + 1;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("==") || two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                    out.add(new Token(Kind.OP, two, pos));
                    i += 2;
                } else if (c == '!') {
                    throw error("unexpected '!' at character " + pos + " (write != or not)");
                } else {
                    out.add(new Token(Kind.OP, String.valueOf(c), pos));
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, j), pos));
                i = j;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < n
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                int j = i + 1;
                while (j < n && !Character.isWhitespace(s.charAt(j)) && "()',\"`=<>!".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(new Token(Kind.BARE, s.substring(i, j), pos));
                i = j;
            } else {
                throw error("unexpected '" + c + "' at character " + pos
                        + " (quote names with spaces or dashes: \"capital-gain\")");
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }
}
