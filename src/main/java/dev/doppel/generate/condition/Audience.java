package dev.doppel.generate.condition;

import dev.doppel.model.SynthModel;
import java.util.List;

/**
 * Which rows to generate: a {@link Where} condition, optionally split into groups with exact shares by a
 * {@link Rebalance} (one group per label of the rebalanced column, each the where condition plus that label). Rows are
 * assigned to groups by {@link Interleave}, a function of the row index, so the output is the same whatever the
 * thread count. Without groups it is a single group; without any condition it is {@link #isEmpty() empty}.
 */
public final class Audience {
    private static final Audience NONE = new Audience(List.of(), new double[0], false);

    private final List<Where> groups;
    private final double[] weights;
    private final boolean rebalanced;

    private Audience(List<Where> groups, double[] weights, boolean rebalanced) {
        this.groups = List.copyOf(groups);
        this.weights = weights.clone();
        this.rebalanced = rebalanced;
    }

    /** Every row of the model: no condition. */
    public static Audience none() {
        return NONE;
    }

    /** One condition for every row. */
    public static Audience of(Where where) {
        return where.isEmpty() ? NONE : new Audience(List.of(where), new double[] {1}, false);
    }

    /**
     * Checks the syntax of both settings without a model (so {@code run} can fail before fitting); throws
     * {@link ConditionException}. Null or blank settings are not given.
     */
    public static void check(String where, String rebalance) {
        if (where != null) {
            ConditionParser.parse(where);
        }
        if (rebalance != null) {
            Rebalance.parse(rebalance);
        }
    }

    /**
     * Compiles both settings against a model (either may be null: not given); throws {@link ConditionException} for
     * text that does not parse, does not fit the model, or asks for rows the model cannot produce.
     */
    public static Audience compile(SynthModel model, String where, String rebalance) {
        Where w = where == null ? Where.none(model.columns().size()) : ConditionCompiler.compile(where, model);
        if (rebalance == null) {
            return of(w);
        }
        List<Rebalance.Group> groups = Rebalance.parse(rebalance).groups(model, w);
        double[] weights = new double[groups.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = groups.get(i).weight();
        }
        return new Audience(groups.stream().map(Rebalance.Group::where).toList(), weights, true);
    }

    /** True when every row of the model is wanted, as without --where and --rebalance. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** True when the groups come from {@code --rebalance} (one per label that gets rows). */
    public boolean rebalanced() {
        return rebalanced;
    }

    /** The groups' conditions: one without rebalance, none when empty. */
    public List<Where> groups() {
        return groups;
    }

    /** The groups' weights (any scale). */
    public double[] weights() {
        return weights.clone();
    }

    /** How {@code rows} output rows are split among the groups: exact counts, interleaved. */
    public Interleave interleave(long rows) {
        return new Interleave(Interleave.counts(rows, weights));
    }

    @Override
    public String toString() {
        return "Audience[" + groups.size() + " groups]";
    }
}
