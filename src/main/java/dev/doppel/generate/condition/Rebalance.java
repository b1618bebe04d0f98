package dev.doppel.generate.condition;

import dev.doppel.generate.condition.Condition.Literal;
import dev.doppel.generate.condition.ConditionException.Part;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.SynthModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --rebalance} request as typed: {@code COLUMN} for equal shares of the column's labels, or
 * {@code COLUMN=LABEL:SHARE,LABEL:SHARE,...} for a chosen mix (shares are weights: {@code Yes:1,No:3} is 25/75; labels
 * left out get none). A label with a comma, colon or leading space is written in single quotes
 * ({@code 'Fiber, optic':0.5}); the column may be double- or back-quoted.
 *
 * @param column the column as typed
 * @param mix the chosen mix, empty for equal shares
 */
public record Rebalance(String column, List<Share> mix) {
    /** One label's weight, as typed. */
    public record Share(Literal label, double weight) {}

    public Rebalance {
        mix = List.copyOf(mix);
    }

    /** Parses; throws {@link ConditionException} (part REBALANCE) naming the problem. */
    public static Rebalance parse(String text) {
        if (text == null || text.isBlank()) {
            throw error("give a column, optionally with its mix: Churn or Churn=Yes:0.5,No:0.5");
        }
        String s = text.strip();
        String column;
        String rest;
        if (s.charAt(0) == '"' || s.charAt(0) == '`') {
            int[] end = new int[1];
            column = quoted(s, 0, end);
            rest = s.substring(end[0]).strip();
            if (!rest.isEmpty() && rest.charAt(0) != '=') {
                throw error("expected '=' after the column name");
            }
            rest = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int eq = s.indexOf('=');
            column = (eq < 0 ? s : s.substring(0, eq)).strip();
            rest = eq < 0 ? "" : s.substring(eq + 1);
            if (column.isEmpty()) {
                throw error("the column name is missing before '='");
            }
        }
        if (s.indexOf('=') >= 0 && rest.isBlank()) {
            throw error("the mix after '=' is empty: write LABEL:SHARE,LABEL:SHARE");
        }
        List<Share> mix = new ArrayList<>();
        int i = 0;
        String m = rest;
        while (!m.isBlank() && i < m.length()) {
            while (i < m.length() && m.charAt(i) == ' ') {
                i++;
            }
            String label;
            boolean wasQuoted = i < m.length() && m.charAt(i) == '\'';
            int colon;
            if (wasQuoted) {
                int[] end = new int[1];
                label = quoted(m, i, end);
                colon = end[0];
                while (colon < m.length() && m.charAt(colon) == ' ') {
                    colon++;
                }
                if (colon >= m.length() || m.charAt(colon) != ':') {
                    throw error("expected ':' and a share after '" + label + "'");
                }
            } else {
                int comma = m.indexOf(',', i);
                String item = m.substring(i, comma < 0 ? m.length() : comma);
                int last = item.lastIndexOf(':');
                if (last < 0) {
                    throw error("expected LABEL:SHARE, found '" + item.strip() + "'");
                }
                label = item.substring(0, last).strip();
                colon = i + last;
            }
            int comma = m.indexOf(',', colon);
            String number = m.substring(colon + 1, comma < 0 ? m.length() : comma).strip();
            double weight;
            try {
                weight = Double.parseDouble(number.endsWith("%") ? number.substring(0, number.length() - 1) : number);
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw error("the share of '" + label + "' must be a number of at least 0, not '" + number + "'");
            }
            mix.add(new Share(new Literal(label, wasQuoted), weight));
            i = comma < 0 ? m.length() : comma + 1;
            if (comma >= 0 && m.substring(i).isBlank()) {
                throw error("a label:share is missing after the last ','");
            }
        }
        return new Rebalance(column, mix);
    }

    /** A quoted string starting at {@code from} (doubled quotes undone); {@code end[0]} receives the index after it. */
    private static String quoted(String s, int from, int[] end) {
        char q = s.charAt(from);
        StringBuilder out = new StringBuilder();
        int j = from + 1;
        while (true) {
            if (j >= s.length()) {
                throw error("the quote at character " + (from + 1) + " is not closed");
            }
            char c = s.charAt(j);
            if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                    out.append(q);
                    j += 2;
                    continue;
                }
                end[0] = j + 1;
                return out.toString();
            }
            out.append(c);
            j++;
        }
    }

    /**
     * One condition per label that gets rows, each the {@code where} plus "the column has this label", with the
     * label's weight. Checks that the column is categorical or boolean, that every label is in the model, and that the
     * where condition leaves room for each.
     */
    List<Group> groups(SynthModel model, Where where) {
        List<ColumnModel> columns = model.columns();
        int index = ConditionCompiler.resolve(column, columns, Part.REBALANCE);
        ColumnModel m = columns.get(index);
        if (!(m instanceof CategoricalColumn cat)) {
            throw error("column '" + m.name() + "' is " + m.spec().kind().key()
                    + ": only categorical and boolean columns can be rebalanced (choose a range with --where instead)");
        }
        List<String> labels = cat.marginal().labels();
        List<Double> shares = cat.marginal().shares();
        LabelCondition given = where.column(index) instanceof LabelCondition lc ? lc : null;
        double[] weights = new double[labels.size()];
        if (mix.isEmpty()) {
            for (int k = 0; k < labels.size(); k++) {
                boolean allowed = given == null || given.accepts(k);
                weights[k] = allowed && shares.get(k) > 0 ? 1 : 0;
            }
        } else {
            boolean[] seen = new boolean[labels.size()];
            for (Share share : mix) {
                int k = ConditionCompiler.labelCode(cat, share.label(), Part.REBALANCE);
                if (seen[k]) {
                    throw error("label " + share.label().shown() + " is given twice");
                }
                seen[k] = true;
                weights[k] = share.weight();
                if (share.weight() > 0 && given != null && !given.accepts(k)) {
                    throw error("label " + share.label().shown() + " of '" + m.name() + "' is ruled out by the where"
                            + " condition");
                }
                if (share.weight() > 0 && !(shares.get(k) > 0)) {
                    throw error("label " + share.label().shown() + " of '" + m.name() + "' never occurs in the model");
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            if (weights[k] > 0) {
                boolean[] one = new boolean[labels.size()];
                one[k] = true;
                LabelCondition only = new LabelCondition(index, m.name(), one, false,
                        (1 - m.missingShare()) * shares.get(k));
                groups.add(new Group(where.with(only), weights[k]));
            }
        }
        if (groups.isEmpty()) {
            throw error("no label of '" + m.name() + "' gets a share above 0");
        }
        return groups;
    }

    /** One part of a rebalanced output: its condition and weight. */
    record Group(Where where, double weight) {}

    private static ConditionException error(String message) {
        return new ConditionException(Part.REBALANCE, message);
    }
}
