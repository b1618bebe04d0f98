package dev.doppel.evaluate;

import dev.doppel.evaluate.fidelity.ColumnCharts;
import dev.doppel.evaluate.fidelity.Fidelity;
import dev.doppel.model.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluation, from encoded tables to the report: fidelity (SDMetrics' quality report, propensity, train on
 * synthetic / test on real), privacy against the hold-out (copies, distances, attacks, k-anonymity), the charts'
 * aggregates, then the gate. The CLI's {@code evaluate} and {@code run} both come through here, so both write the same
 * report.
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * How to evaluate.
     *
     * @param seed seeds every sample drawn inside the evaluation
     * @param target the column train-on-synthetic/test-on-real predicts; null to skip it
     * @param k labels held by fewer real rows are not named in charts
     * @param privacyRows at most this many synthetic rows (sampled) take part in the distance and attack work
     * @param threads worker threads for the distance work
     */
    public record Settings(long seed, String target, int k, int privacyRows, int threads) {
        public static final int DEFAULT_PRIVACY_ROWS = 10_000;
    }

    /** Where the tables came from, for the report's header. */
    public record Sources(
            EvaluationReport.Table real,
            EvaluationReport.Table synthetic,
            EvaluationReport.Table holdout,
            String profileSha256,
            Map<String, String> versions,
            List<String> notes) {}

    /**
     * The profile's constraints, counted in both tables.
     *
     * @param constraints checked against the real table's columns; empty for none
     * @param rareLabel the model's label for pooled rare labels (rows holding it in an allowed combination are not
     *     checked)
     */
    public record Rules(List<Constraint> constraints, String rareLabel) {
        public static final Rules NONE = new Rules(List.of(), "(other)");

        public Rules {
            constraints = List.copyOf(constraints);
        }
    }

    public static EvaluationReport run(EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Settings settings, Sources sources, Gate gate) {
        return run(real, synthetic, holdout, settings, sources, gate, Rules.NONE);
    }

    /**
     * Evaluates {@code synthetic} against {@code real} (the rows the model learned), with {@code holdout} (real rows
     * it never saw; may be null) as the privacy control and the test set of train-on-synthetic.
     */
    public static EvaluationReport run(EncodedTable real, EncodedTable synthetic, EncodedTable holdout,
            Settings settings, Sources sources, Gate gate, Rules rules) {
        List<String> notes = new ArrayList<>(sources.notes());
        Fidelity.Result fidelity = Fidelity.score(real, synthetic);
        QualityScores quality = Utility.extend(fidelity.scores(), real, synthetic, holdout, settings, notes);
        PrivacyScores privacy = Risk.measure(real, synthetic, holdout, settings, notes);
        Charts charts = new Charts(ColumnCharts.of(real, synthetic, settings.k()), fidelity.associations());
        EvalSchema schema = real.schema();
        List<String> evaluated = schema.columns().stream().map(EvalColumn::name).toList();
        EvaluationReport.About about = new EvaluationReport.About(sources.real(), sources.synthetic(),
                sources.holdout(), evaluated, schema.skipped(), settings.seed(), sources.profileSha256(),
                sources.versions(), notes);
        ConstraintScores constraints = rules.constraints().isEmpty() ? null
                : ConstraintEvaluation.score(rules.constraints(), rules.rareLabel(), real, synthetic);
        EvaluationReport report = new EvaluationReport(about, quality, privacy, charts, null, constraints);
        return gate == null || gate.isEmpty() ? report : report.withGate(gate.check(report));
    }
}
