package dev.doppel.evaluate.html;

import dev.doppel.evaluate.Charts;
import dev.doppel.evaluate.Charts.Associations;
import dev.doppel.evaluate.Charts.ColumnChart;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.EvaluationReport.About;
import dev.doppel.evaluate.EvaluationReport.Table;
import dev.doppel.evaluate.GateResult;
import dev.doppel.evaluate.GateResult.Check;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.PrivacyScores.DistanceSummary;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.evaluate.PrivacyScores.Quantiles;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.ColumnScore;
import dev.doppel.evaluate.QualityScores.MlEfficacy;
import dev.doppel.evaluate.QualityScores.PairScore;
import dev.doppel.evaluate.QualityScores.Propensity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** Realistic evaluation reports for the renderer's tests, built from known distributions and fixed seeds. */
public final class ReportFixtures {
    private ReportFixtures() {}

    /** A customer table of 12 columns with every section present and a gate with one failed check. */
    static EvaluationReport customers() {
        Builder b = new Builder(7);
        b.numeric("age", 18, 85, 44, 14, 0.0, 0.0, 0.02);
        b.numeric("tenure_months", 0, 72, 30, 20, 0.0, 0.0, 0.05);
        b.numeric("monthly_charges", 18, 120, 68, 28, 0.01, 0.012, 0.03);
        b.numeric("total_charges", 0, 8700, 2300, 2200, 0.002, 0.0, 0.08);
        b.labels("contract_type", List.of("Month-to-month", "One year", "Two year"), new double[] {0.55, 0.21, 0.24},
                0.03);
        b.labels("payment_method", List.of("Electronic check", "Mailed check", "Bank transfer (automatic)",
                "Credit card (automatic)"), new double[] {0.34, 0.23, 0.22, 0.21}, 0.04);
        b.labels("internet_service", List.of("Fiber optic", "DSL", "No"), new double[] {0.44, 0.34, 0.22}, 0.02);
        b.labels("gender", List.of("Female", "Male", "(missing)"), new double[] {0.49, 0.49, 0.02}, 0.01);
        b.labels("paperless_billing", List.of("Yes", "No"), new double[] {0.59, 0.41}, 0.02);
        b.labels("churn", List.of("No", "Yes"), new double[] {0.735, 0.265}, 0.06);
        b.numeric("signup_date", 2014, 2024, 2019, 2.6, 0.0, 0.0, 0.12);
        b.labels("region", List.of("North", "South", "East", "West", "Central", "(rare labels)"),
                new double[] {0.22, 0.25, 0.18, 0.2, 0.12, 0.03}, 0.03);
        GateResult gate = new GateResult(false, List.of(
                new Check("quality.overall", "min", 0.85, 0.874, true, false),
                new Check("quality.column_shapes", "min", 0.9, 0.912, true, false),
                new Check("privacy.dcr_share", "max", 0.55, 0.571, false, true),
                new Check("privacy.exact_copy_rate", "max", 0.01, 0.0008, true, true)));
        return b.build(about(b, "customers_train.csv", 8000, "customers_synthetic.csv", 8000,
                new Table("customers_holdout.csv", 2000)), privacy(), gate, true);
    }

    /** Three columns, no gate. */
    public static EvaluationReport small() {
        Builder b = new Builder(3);
        b.numeric("age", 18, 85, 44, 14, 0.0, 0.0, 0.02);
        b.labels("plan", List.of("Basic", "Plus", "Premium"), new double[] {0.5, 0.3, 0.2}, 0.02);
        b.numeric("monthly_spend", 0, 300, 80, 45, 0.03, 0.02, 0.04);
        return b.build(about(b, "small.csv", 500, "small_synth.csv", 500, new Table("small_holdout.csv", 120)),
                privacy(), null, false);
    }

    /** 40 columns, long names, a 60-label column, NaNs, no privacy (no hold-out), no propensity, no ML. */
    static EvaluationReport big() {
        Builder b = new Builder(40);
        for (int i = 0; i < 40; i++) {
            if (i == 5) {
                List<String> labels = new ArrayList<>();
                double[] shares = new double[60];
                for (int k = 0; k < 60; k++) {
                    labels.add("product_category_" + String.format(Locale.ROOT, "%02d", k) + "_long_name");
                    shares[k] = 1.0 / (k + 3);
                }
                b.labels("product_category_purchased_most_recently_by_the_customer", labels, normalise(shares), 0.05);
            } else if (i == 9) {
                b.numeric("empty_synthetic_side", 0, 1, 0.5, 0.2, 0.4, 1.0, Double.NaN);
            } else if (i % 3 == 0) {
                b.numeric("measurement_with_a_rather_long_column_name_" + i, 0, 100, 40 + i, 12 + i % 7, 0.01 * (i % 4),
                        0.012 * (i % 4), 0.01 * (i % 9));
            } else if (i % 3 == 1) {
                b.labels("segment_" + i, List.of("A", "B", "C", "D", "E"), new double[] {0.3, 0.25, 0.2, 0.15, 0.1},
                        0.015 * (i % 6));
            } else {
                b.numeric("x" + i, -50, 50, 0, 15, 0, 0, 0.02 * (i % 5));
            }
        }
        b.nanPairs = true;
        EvaluationReport r = b.build(about(b, "a_very_long_real_table_file_name_for_testing_wrapping_2024-06-30.parquet",
                1_250_000, "synthetic.parquet", 1_250_000, null), null, null, false);
        QualityScores q = r.quality();
        QualityScores noExtras = new QualityScores(q.overall(), q.columnShapes(), q.columnPairTrends(), q.missingValues(),
                q.columns(), q.pairs(), null, null);
        return new EvaluationReport(r.about(), noExtras, null, r.charts(), null);
    }

    /** User data that tries to break out of HTML: labels and names with markup and quotes. */
    static EvaluationReport hostile() {
        Builder b = new Builder(5);
        b.labels("<script>alert('col')</script>", List.of("<script>alert(1)</script>", "\"quoted\" & 'single'",
                "<img src=x onerror=alert(2)>"), new double[] {0.5, 0.3, 0.2}, 0.02);
        b.numeric("a\"b<c>&d", 0, 10, 5, 2, 0, 0, 0.03);
        EvaluationReport r = b.build(about(b, "<b>real</b>.csv", 10, "synth\".csv", 10, null), privacy(), null, false);
        About a = r.about();
        About hostileAbout = new About(a.real(), a.synthetic(), a.holdout(), a.evaluatedColumns(),
                List.of("<script>skipped</script>"), a.seed(), "\"><script>sha</script>", Map.of("doppel", "<i>0.1</i>"),
                List.of("note with <script>alert(3)</script>"));
        return new EvaluationReport(hostileAbout, r.quality(), r.privacy(), r.charts(), r.gate());
    }

    private static About about(Builder b, String real, long realRows, String synth, long synthRows, Table holdout) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("doppel", "0.1.0");
        versions.put("java", "17.0.15");
        versions.put("commons-math3", "3.6.1");
        List<String> notes = new ArrayList<>();
        notes.add("Privacy distances use a sample of 5,000 synthetic and 2,000 hold-out rows.");
        notes.add("Pairs with a date column use 10 equal-width bins of the real range.");
        return new About(new Table(real, realRows), new Table(synth, synthRows), holdout, b.names, List.of("customer_id",
                "email", "free_text_comment"), 20240611L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", versions, notes);
    }

    private static PrivacyScores privacy() {
        Quantiles dcrSyn = new Quantiles(0.071, 0.214, 0.236, 5000);
        Quantiles dcrHold = new Quantiles(0.064, 0.207, 0.229, 2000);
        Quantiles nnSyn = new Quantiles(0.42, 0.81, 0.77, 5000);
        Quantiles nnHold = new Quantiles(0.45, 0.83, 0.79, 2000);
        AttackResult single = new AttackResult("singling_out", 500, 0.062, 0.048, 0.01, 0.014, -0.011, 0.039);
        AttackResult link = new AttackResult("linkability", 1000, 0.031, 0.029, 0.02, 0.002, -0.012, 0.016);
        AttackResult churn = new AttackResult("inference:churn", 1000, 0.79, 0.715, 0.61, 0.075, 0.036, 0.114);
        AttackResult pay = new AttackResult("inference:payment_method", 1000, 0.41, 0.40, 0.25, 0.01, -0.03, 0.05);
        return new PrivacyScores(0.0008, 0.0010, new DistanceSummary(dcrSyn, dcrHold), 0.571,
                new DistanceSummary(nnSyn, nnHold), single, link, List.of(churn, churn, pay),
                new KAnonymityResult(List.of("age", "gender", "region"), 3, 412, 0.034, 0.0012),
                "Gower distance over the evaluated columns (numbers scaled by the real range, labels 0/1); exact"
                        + " nearest neighbours over 5,000 sampled synthetic rows and 2,000 hold-out rows.");
    }

    private static double[] normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / sum;
        }
        return out;
    }

    /** Collects columns, then derives scores, pairs and association matrices from them. */
    private static final class Builder {
        final SplittableRandom rng;
        final List<String> names = new ArrayList<>();
        final List<Boolean> numeric = new ArrayList<>();
        final Map<String, ColumnScore> columns = new LinkedHashMap<>();
        final List<ColumnChart> charts = new ArrayList<>();
        boolean nanPairs;

        Builder(long seed) {
            rng = new SplittableRandom(seed);
        }

        /** A normal distribution cut to [lo, hi] in 20 bins; the synthetic side shifted by {@code drift} sds. */
        void numeric(String name, double lo, double hi, double mean, double sd, double realMissing,
                double synthMissing, double drift) {
            int bins = 20;
            NormalDistribution real = new NormalDistribution((RandomGenerator) null, mean, sd);
            double d = Double.isNaN(drift) ? 0 : drift;
            NormalDistribution synth = new NormalDistribution((RandomGenerator) null, mean + d * sd, sd * (1 + d));
            double width = (hi - lo) / bins;
            List<String> labels = new ArrayList<>();
            double[] r = new double[bins];
            double[] s = new double[bins];
            for (int i = 0; i < bins; i++) {
                double a = lo + i * width;
                double z = a + width;
                labels.add(i == 0 ? "< " + fmt(z) : i == bins - 1 ? "≥ " + fmt(a) : fmt(a) + "–" + fmt(z));
                r[i] = (i == bins - 1 ? 1 : real.cumulativeProbability(z)) - (i == 0 ? 0 : real.cumulativeProbability(a));
                s[i] = (i == bins - 1 ? 1 : synth.cumulativeProbability(z))
                        - (i == 0 ? 0 : synth.cumulativeProbability(a));
                s[i] *= 1 + (rng.nextDouble() - 0.5) * 0.08;
            }
            double score = Double.isNaN(drift) ? Double.NaN : Math.max(0, 1 - ks(r, normalise(s)));
            add(name, true, "KSComplement", score, realMissing, synthMissing,
                    new ColumnChart(name, "histogram", labels, r, normalise(s)));
        }

        void labels(String name, List<String> labels, double[] real, double noise) {
            double[] s = new double[real.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.max(0, real[i] * (1 + (rng.nextDouble() - 0.5) * 2 * noise * 4));
            }
            s = normalise(s);
            double tv = 0;
            for (int i = 0; i < s.length; i++) {
                tv += Math.abs(real[i] - s[i]);
            }
            add(name, false, "TVComplement", 1 - tv / 2, 0, 0, new ColumnChart(name, "bars", labels, real, s));
        }

        private void add(String name, boolean isNumeric, String metric, double score, double rm, double sm,
                ColumnChart chart) {
            names.add(name);
            numeric.add(isNumeric);
            columns.put(name, new ColumnScore(metric, score, 1 - Math.abs(rm - sm), rm, sm));
            charts.add(chart);
        }

        EvaluationReport build(About about, PrivacyScores privacy, GateResult gate, boolean extras) {
            int n = names.size();
            double[][] real = new double[n][n];
            double[][] synth = new double[n][n];
            List<PairScore> pairs = new ArrayList<>();
            double pairSum = 0;
            for (int i = 0; i < n; i++) {
                real[i][i] = 1;
                synth[i][i] = 1;
                for (int j = 0; j < i; j++) {
                    boolean bothNumeric = numeric.get(i) && numeric.get(j);
                    double v = bothNumeric ? (rng.nextDouble() * 2 - 1) * Math.pow(rng.nextDouble(), 1.5)
                            : Math.pow(rng.nextDouble(), 2.5) * 0.7;
                    double w = v + (rng.nextDouble() - 0.5) * 0.18 * (1 + 2 * Math.pow(rng.nextDouble(), 6));
                    w = bothNumeric ? Math.max(-1, Math.min(1, w)) : Math.max(0, Math.min(1, w));
                    if (nanPairs && (i == 9 || j == 9)) {
                        v = Double.NaN;
                        w = Double.NaN;
                    }
                    real[i][j] = real[j][i] = v;
                    synth[i][j] = synth[j][i] = w;
                    double score = bothNumeric ? 1 - Math.abs(v - w) / 2 : 1 - Math.abs(v - w);
                    if (Double.isNaN(score)) {
                        score = Double.NaN;
                    } else {
                        pairSum += score;
                    }
                    pairs.add(new PairScore(names.get(j), names.get(i),
                            bothNumeric ? "CorrelationSimilarity" : "ContingencySimilarity", score, v, w));
                }
            }
            if (nanPairs) {
                real[9][9] = Double.NaN;
                synth[9][9] = Double.NaN;
            }
            double shapes = mean(columns.values().stream().mapToDouble(ColumnScore::score).toArray());
            double trends = pairs.isEmpty() ? Double.NaN : pairSum / pairs.stream().filter(p -> !Double.isNaN(p.score()))
                    .count();
            double missing = mean(columns.values().stream().mapToDouble(ColumnScore::missingSimilarity).toArray());
            Propensity prop = extras ? new Propensity(0.0061, 4.2, 0.612, 16000, 31) : new Propensity(0.0009, 1.3,
                    0.54, 1000, 9);
            MlEfficacy ml = extras ? new MlEfficacy("churn", "classification", "accuracy", 0.771, 0.803, 2000) : null;
            QualityScores q = new QualityScores((shapes + trends) / 2, shapes, trends, missing, columns, pairs, prop, ml);
            Charts c = new Charts(charts, new Associations(names, real, synth));
            return new EvaluationReport(about, q, privacy, c, gate);
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double ks(double[] a, double[] b) {
        double ca = 0;
        double cb = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            ca += a[i];
            cb += b[i];
            max = Math.max(max, Math.abs(ca - cb));
        }
        return max;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
