package dev.doppel.model.tree;

import java.util.List;

/**
 * The sequential tree model's dependence: columns are drawn one after another in {@code order}, each from a leaf of
 * its own tree, which splits on the columns drawn before it (synthpop's CART synthesis, with aggregate leaves). The
 * first column's tree is a single leaf: its marginal.
 *
 * @param settings the settings it was fitted with
 * @param order the model's numeric and categorical columns, in the order they are drawn
 * @param trees one tree per column of {@code order}, in that order
 * @param privacy what the trees hold
 */
public record TreeSequence(TreeSettings settings, List<String> order, List<ColumnTree> trees, String privacy) {
    public static final String PRIVACY_STATEMENT = "Trees split on the codes of labels and on quantile bins (never on"
            + " a value); every leaf holds at least min_leaf training rows and stores only their counts by outcome and"
            + " the means and spreads of groups of at least k of their quantile scores, and the coefficients of a"
            + " regression on the normal scores of earlier columns fitted over all of the leaf's rows. No row is"
            + " stored.";

    public TreeSequence {
        order = List.copyOf(order);
        trees = List.copyOf(trees);
        if (order.size() != trees.size()) {
            throw new IllegalArgumentException("trees: one tree per column in the order");
        }
        for (int i = 0; i < trees.size(); i++) {
            if (!trees.get(i).column().equals(order.get(i))) {
                throw new IllegalArgumentException("trees: tree " + i + " is not the order's column " + i);
            }
            for (String p : trees.get(i).predictors()) {
                if (!order.subList(0, i).contains(p)) {
                    throw new IllegalArgumentException("trees: a tree splits on a column drawn after it");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "TreeSequence[" + order.size() + " columns]";
    }
}
