package dev.doppel.evaluate.utility;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalColumn;
import dev.doppel.evaluate.QualityScores;
import java.util.Arrays;
import java.util.List;

/**
 * Train on synthetic, test on real (TSTR): the same model is trained once on synthetic rows and once on real training
 * rows, and both predict the same real test rows; a faithful synthetic table scores about what the real one does.
 *
 * <ul>
 *   <li>Rows whose target is missing are dropped from all three tables. Training rows are sampled down (seeded) to
 *       at most {@value #MAX_TRAINING_ROWS} per model, and for a label target with K classes to at most
 *       {@value #MAX_CLASS_CELLS} / (K - 1) (but not below {@value #MIN_CLASS_ROWS}), the same cap for both models.
 *   <li>Inputs: every other evaluated column through {@link Features} learned from the real training rows (so both
 *       models see the same encoding).
 *   <li>A <b>label</b> target is a classification: {@link LogisticRegression} for two classes, {@link
 *       SoftmaxRegression} for more, each over the classes present in its own training rows (a class it never saw it
 *       never predicts; a single class is predicted always). The metric is <b>macro F1</b> ({@link
 *       Metrics#macroF1}): accuracy rewards always predicting the majority class of an unbalanced target (88% on
 *       bank marketing's {@code y}), so a generator that lost the minority class would look fine by it.
 *   <li>A <b>numeric</b> target is a regression: {@link RidgeRegression}, scored by R² ({@link Metrics#rSquared})
 *       about the test rows' mean.
 * </ul>
 *
 * Deterministic for a seed, whatever the thread count.
 */
public final class MlEfficacy {
    /** Training rows sampled per model at most. */
    public static final int MAX_TRAINING_ROWS = 100_000;

    /**
     * Training rows times (classes - 1) per model at most, which bounds a softmax fit's cost: 100,000 rows up to 16
     * classes, fewer above (both models get the same cap).
     */
    public static final int MAX_CLASS_CELLS = 1_500_000;

    /** Training rows kept however many classes there are. */
    static final int MIN_CLASS_ROWS = 5_000;

    private MlEfficacy() {}

    /** The measure with at most {@value #MAX_TRAINING_ROWS} training rows per model, on all processors. */
    public static QualityScores.MlEfficacy measure(
            EncodedTable trainReal, EncodedTable synthetic, EncodedTable testReal, String target, long seed) {
        return measure(trainReal, synthetic, testReal, target, seed, MAX_TRAINING_ROWS,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The measure.
     *
     * @param trainReal the real rows the real model learns from (and the encoding is learned from)
     * @param synthetic the synthetic rows the synthetic model learns from
     * @param testReal real rows neither model saw (or saw equally): both are scored on them
     * @param target the name of the evaluated column to predict
     * @param seed drives the sampling of training rows
     * @param maxTrainingRows training rows per model at most
     * @param threads threads to fit with; does not change the result
     * @throws IllegalArgumentException when the target is not an evaluated column, the schemas differ, or a training
     *     table has no row with a target
     */
    public static QualityScores.MlEfficacy measure(EncodedTable trainReal, EncodedTable synthetic,
            EncodedTable testReal, String target, long seed, int maxTrainingRows, int threads) {
        if (trainReal.schema() != synthetic.schema() || trainReal.schema() != testReal.schema()) {
            throw new IllegalArgumentException("the tables were encoded against different schemas");
        }
        int column = trainReal.schema().indexOf(target);
        if (column < 0) {
            throw new IllegalArgumentException("target '" + target + "' is not an evaluated column");
        }
        EncodedTable realRows = withTarget(trainReal, column);
        EncodedTable synthRows = withTarget(synthetic, column);
        int limit = maxTrainingRows;
        if (!trainReal.columns().get(column).numeric()) { // a softmax costs rows times (classes - 1) per iteration
            int classes = Math.max(distinct(realRows.codes(column)), distinct(synthRows.codes(column)));
            limit = Math.min(limit, Math.max(MIN_CLASS_ROWS, MAX_CLASS_CELLS / Math.max(1, classes - 1)));
        }
        EncodedTable real = Subsample.rows(realRows, limit, seed, "tstr-real");
        EncodedTable synth = Subsample.rows(synthRows, limit, seed, "tstr-synthetic");
        EncodedTable test = withTarget(testReal, column);
        if (real.rows() == 0 || synth.rows() == 0) {
            throw new IllegalArgumentException("target '" + target + "': no training rows with a value (real "
                    + real.rows() + ", synthetic " + synth.rows() + ")");
        }
        Features features = Features.fit(real, List.of(synth, test), column);
        DesignMatrix testX = features.matrix(test);
        EvalColumn col = trainReal.columns().get(column);
        if (col.numeric()) {
            double[] actual = test.numbers(column);
            return new QualityScores.MlEfficacy(target, "regression", "r2",
                    Metrics.rSquared(actual, regress(features, synth, column, testX, threads)),
                    Metrics.rSquared(actual, regress(features, real, column, testX, threads)), test.rows());
        }
        int[] actual = test.codes(column);
        return new QualityScores.MlEfficacy(target, "classification", "macro_f1",
                Metrics.macroF1(actual, classify(features, synth, column, testX, threads)),
                Metrics.macroF1(actual, classify(features, real, column, testX, threads)), test.rows());
    }

    private static double[] regress(Features features, EncodedTable train, int column, DesignMatrix testX,
            int threads) {
        RidgeRegression model = RidgeRegression.fit(features.matrix(train), train.numbers(column), threads);
        double[] predicted = new double[testX.rows()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = model.predict(testX, i);
        }
        return predicted;
    }

    /** Label codes predicted for the test rows by a model trained on {@code train}. */
    private static int[] classify(Features features, EncodedTable train, int column, DesignMatrix testX,
            int threads) {
        int[] codes = train.codes(column);
        int size = 0;
        for (int c : codes) {
            size = Math.max(size, c + 1);
        }
        boolean[] present = new boolean[size];
        for (int c : codes) {
            present[c] = true;
        }
        int[] classOfCode = new int[size];
        int[] codeOfClass = new int[size];
        int classes = 0;
        for (int c = 0; c < size; c++) { // classes in code order: the real table's labels first
            classOfCode[c] = present[c] ? classes : -1;
            if (present[c]) {
                codeOfClass[classes++] = c;
            }
        }
        int[] y = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            y[i] = classOfCode[codes[i]];
        }
        int[] predicted = new int[testX.rows()];
        if (classes == 1) {
            Arrays.fill(predicted, codeOfClass[0]);
            return predicted;
        }
        DesignMatrix x = features.matrix(train);
        if (classes == 2) {
            boolean[] positive = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                positive[i] = y[i] == 1;
            }
            LogisticRegression model = LogisticRegression.fit(x, positive, threads);
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = codeOfClass[model.probability(testX, i) > 0.5 ? 1 : 0];
            }
            return predicted;
        }
        SoftmaxRegression model = SoftmaxRegression.fit(x, y, classes, threads);
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = codeOfClass[model.predict(testX, i)];
        }
        return predicted;
    }

    /** How many distinct codes occur. */
    private static int distinct(int[] codes) {
        return (int) Arrays.stream(codes).distinct().count();
    }

    /** The rows whose target cell is present. */
    private static EncodedTable withTarget(EncodedTable table, int column) {
        int kept = 0;
        int[] positions = new int[table.rows()];
        for (int i = 0; i < table.rows(); i++) {
            if (!table.missing(column, i)) {
                positions[kept++] = i;
            }
        }
        return kept == table.rows() ? table : table.select(Arrays.copyOf(positions, kept));
    }
}
