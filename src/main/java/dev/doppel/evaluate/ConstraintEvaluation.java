package dev.doppel.evaluate;

import dev.doppel.constraint.Checks;
import dev.doppel.constraint.Expression;
import dev.doppel.model.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts constraint violations in the real and the synthetic table, with the same checks the model's fitting uses
 * ({@link Checks}). An allowed combination is checked against the combinations the real table holds; synthetic rows
 * holding the model's pooled label (rare combinations) are not checked, since that label stands for no one
 * combination.
 */
final class ConstraintEvaluation {
    private ConstraintEvaluation() {}

    static ConstraintScores score(List<Constraint> constraints, String rareLabel, EncodedTable real,
            EncodedTable synthetic) {
        List<ConstraintScores.Check> checks = new ArrayList<>();
        double total = 0;
        for (Constraint c : constraints) {
            int[] cols = new int[c.columns().size()];
            String absent = null;
            for (int i = 0; i < cols.length; i++) {
                cols[i] = real.schema().indexOf(c.columns().get(i));
                if (cols[i] < 0 && absent == null) {
                    absent = c.columns().get(i);
                }
            }
            if (absent != null) {
                checks.add(new ConstraintScores.Check(c.type(), c.rule(), 0, 0, 0, 0, "not checked: column '"
                        + absent + "' is not evaluated (identifiers, free text and direct identifiers are not)"));
                total = Double.NaN;
                continue;
            }
            Checks.Count r;
            Checks.Count s;
            if (c instanceof Constraint.Allowed) {
                int[][] realCodes = codes(real, cols);
                Set<Checks.Combination> seen = Checks.combinations(realCodes, real.rows());
                int[] pooled = new int[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    pooled[i] = pooledCode(real.schema().labels(cols[i]), rareLabel);
                }
                r = Checks.allowed(realCodes, real.rows(), seen, fill(cols.length));
                s = Checks.allowed(codes(synthetic, cols), synthetic.rows(), seen, pooled);
            } else {
                r = numeric(c, real, cols);
                s = numeric(c, synthetic, cols);
            }
            checks.add(new ConstraintScores.Check(c.type(), c.rule(), r.rows(), r.violations(), s.rows(),
                    s.violations(), null));
            total += s.violations();
        }
        return new ConstraintScores(total, checks);
    }

    private static int[] fill(int n) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, -2);
        return out;
    }

    private static Checks.Count numeric(Constraint c, EncodedTable t, int[] cols) {
        double[][] values = new double[cols.length][];
        for (int i = 0; i < cols.length; i++) {
            values[i] = t.numbers(cols[i]);
        }
        int last = cols.length - 1;
        double[][] inputs = java.util.Arrays.copyOf(values, last);
        if (c instanceof Constraint.Order) {
            double[] units = new double[cols.length];
            for (int i = 0; i < cols.length; i++) {
                units[i] = Checks.unit(t.columns().get(cols[i]).kind());
            }
            return Checks.order(values, units, t.rows());
        }
        if (c instanceof Constraint.Sum s) {
            return Checks.sum(inputs, values[last], s.tolerance(), t.rows());
        }
        Constraint.Formula f = (Constraint.Formula) c;
        return Checks.formula(Expression.parse(f.expression()), inputs, values[last], f.tolerance(), t.rows());
    }

    private static int[][] codes(EncodedTable t, int[] cols) {
        int[][] out = new int[cols.length][];
        for (int i = 0; i < cols.length; i++) {
            out[i] = t.codes(cols[i]);
        }
        return out;
    }

    /** The code of the pooled label, -2 when no table holds it. */
    private static int pooledCode(LabelCodes labels, String rareLabel) {
        for (int code = 0; code < labels.size(); code++) {
            if (labels.label(code).equals(rareLabel)) {
                return code;
            }
        }
        return -2;
    }
}
