package dev.doppel.model.tree;

/**
 * What a tree that does not split draws its column with: the Gaussian copula's conditional of the column given the
 * columns before it (see {@link TreeGrower}). Indices 0 to t − 1 are the tree's predictors, t is its column.
 *
 * @param latent latent correlations: the copula's, except that two numeric columns have the one under which their
 *     values show the training rows' Pearson correlation ({@link ValueCorrelation}); NaN where a column has no single
 *     copula dimension (missing values or a spike give it more, and its level is then not its latent normal)
 * @param copula the copula's own latent correlations, the same way: the fall-back when {@code latent} is not positive
 *     definite over the columns a regression uses
 * @param fidelity per predictor, the correlation between its latent normal and the score of its level
 *     ({@link Levels#fidelity}): what the regression sees of it
 */
record RootConditional(double[][] latent, double[][] copula, double[] fidelity) {}
