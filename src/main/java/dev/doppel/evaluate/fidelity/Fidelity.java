package dev.doppel.evaluate.fidelity;

import dev.doppel.evaluate.Charts;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalColumn;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.ColumnScore;
import dev.doppel.evaluate.QualityScores.PairScore;
import dev.doppel.stats.Correlations;
import dev.doppel.stats.KolmogorovSmirnov;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * SDMetrics' quality report, computed on encoded tables: column shapes, column pair trends and their mean, plus the
 * missing-share similarity per column. Every column and pair is scored independently and in parallel; each result
 * lands in its own slot, so the scores do not depend on the thread count.
 *
 * <p>Definitions (those of SDMetrics 0.1x, so scores compare across tools):
 * <ul>
 *   <li>KSComplement = 1 − D, D the two-sample Kolmogorov–Smirnov statistic over the present values (dates as
 *       epoch numbers);
 *   <li>TVComplement = 1 − ½ Σ |p_real(v) − p_synth(v)| over the labels of either table, missing cells left out;
 *   <li>CorrelationSimilarity = 1 − |r_real − r_synth| / 2 with Pearson's r over the rows where both are present; a
 *       pair where either r is undefined (a constant column) is listed with NaN and left out of the mean;
 *   <li>ContingencySimilarity = 1 − ½ Σ |p_real(a,b) − p_synth(a,b)| over the joint cells, numbers in 10 equal-width
 *       bins of the real range, missing as a value of its own;
 *   <li>overall = (column shapes + column pair trends) / 2;
 *   <li>missing-share similarity = 1 − |share missing in real − share missing in synthetic| (SDMetrics'
 *       MissingValueSimilarity), reported beside the overall score, not inside it.
 * </ul>
 */
public final class Fidelity {
    private Fidelity() {}

    /** The scores and the association matrices, from one pass over the pairs. */
    public record Result(QualityScores scores, Charts.Associations associations) {}

    /** Scores {@code synthetic} against {@code real}; propensity and ML efficacy are left null for the caller. */
    public static Result score(EncodedTable real, EncodedTable synthetic) {
        List<EvalColumn> columns = real.columns();
        int d = columns.size();
        ColumnScore[] perColumn = new ColumnScore[d];
        IntStream.range(0, d).parallel().forEach(j -> perColumn[j] = column(real, synthetic, j));
        Map<String, ColumnScore> byName = new LinkedHashMap<>();
        double shapes = 0;
        int shapeCount = 0;
        double missing = 0;
        for (int j = 0; j < d; j++) {
            byName.put(columns.get(j).name(), perColumn[j]);
            if (!Double.isNaN(perColumn[j].score())) {
                shapes += perColumn[j].score();
                shapeCount++;
            }
            missing += perColumn[j].missingSimilarity();
        }

        Discretised[] discrete = new Discretised[d];
        IntStream.range(0, d).parallel().forEach(j -> discrete[j] = Discretised.of(real, synthetic, j));
        int pairCount = d * (d - 1) / 2;
        int[][] index = new int[pairCount][];
        for (int a = 0, p = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                index[p++] = new int[] {a, b};
            }
        }
        PairScore[] pairs = new PairScore[pairCount];
        double[][] assocReal = identity(d);
        double[][] assocSynth = identity(d);
        IntStream.range(0, pairCount).parallel().forEach(p -> {
            int a = index[p][0];
            int b = index[p][1];
            PairScore s = pair(real, synthetic, a, b, discrete);
            pairs[p] = s;
            assocReal[a][b] = s.real();
            assocReal[b][a] = s.real();
            assocSynth[a][b] = s.synthetic();
            assocSynth[b][a] = s.synthetic();
        });
        double trends = 0;
        int trendCount = 0;
        for (PairScore s : pairs) {
            if (!Double.isNaN(s.score())) {
                trends += s.score();
                trendCount++;
            }
        }
        double columnShapes = shapeCount == 0 ? Double.NaN : shapes / shapeCount;
        // SDMetrics scores a single-column table's pair trends as absent; the overall is then the shapes alone
        double pairTrends = trendCount == 0 ? Double.NaN : trends / trendCount;
        double overall = Double.isNaN(pairTrends) ? columnShapes
                : Double.isNaN(columnShapes) ? pairTrends : (columnShapes + pairTrends) / 2;
        QualityScores scores = new QualityScores(overall, columnShapes, pairTrends, d == 0 ? Double.NaN : missing / d,
                byName, List.of(pairs), null, null);
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return new Result(scores, new Charts.Associations(names, assocReal, assocSynth));
    }

    private static ColumnScore column(EncodedTable real, EncodedTable synthetic, int j) {
        double realMissing = missingShare(real, j);
        double synthMissing = missingShare(synthetic, j);
        double missingSimilarity = 1 - Math.abs(realMissing - synthMissing);
        if (real.columns().get(j).numeric()) {
            double d = KolmogorovSmirnov.statistic(real.numbers(j), synthetic.numbers(j));
            return new ColumnScore("KSComplement", 1 - d, missingSimilarity, realMissing, synthMissing);
        }
        int size = real.schema().labels(j).size();
        double[] p = shares(real.codes(j), size);
        double[] q = shares(synthetic.codes(j), size);
        double score = Double.NaN;
        if (p != null && q != null) {
            double tv = 0;
            for (int v = 0; v < size; v++) {
                tv += Math.abs(p[v] - q[v]);
            }
            score = 1 - tv / 2;
        }
        return new ColumnScore("TVComplement", score, missingSimilarity, realMissing, synthMissing);
    }

    private static PairScore pair(EncodedTable real, EncodedTable synthetic, int a, int b, Discretised[] discrete) {
        String first = real.columns().get(a).name();
        String second = real.columns().get(b).name();
        if (real.columns().get(a).numeric() && real.columns().get(b).numeric()) {
            double r = Correlations.pearsonPairwiseOrUnknown(real.numbers(a), real.numbers(b));
            double s = Correlations.pearsonPairwiseOrUnknown(synthetic.numbers(a), synthetic.numbers(b));
            double score = Double.isNaN(r) || Double.isNaN(s) ? Double.NaN : 1 - Math.abs(r - s) / 2;
            return new PairScore(first, second, "CorrelationSimilarity", score, r, s);
        }
        Contingency r = Contingency.real(discrete[a], discrete[b]);
        Contingency s = Contingency.synthetic(discrete[a], discrete[b]);
        return new PairScore(first, second, "ContingencySimilarity", Contingency.similarity(r, s), r.cramersV(),
                s.cramersV());
    }

    private static double missingShare(EncodedTable t, int j) {
        if (t.rows() == 0) {
            return 0;
        }
        int missing = 0;
        for (int i = 0; i < t.rows(); i++) {
            missing += t.missing(j, i) ? 1 : 0;
        }
        return (double) missing / t.rows();
    }

    /** Shares of each code among the present cells; null when none is present. */
    private static double[] shares(int[] codes, int size) {
        double[] counts = new double[size];
        int n = 0;
        for (int c : codes) {
            if (c >= 0) {
                counts[c]++;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        for (int v = 0; v < size; v++) {
            counts[v] /= n;
        }
        return counts;
    }

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int j = 0; j < d; j++) {
            m[j][j] = 1;
        }
        return m;
    }
}
