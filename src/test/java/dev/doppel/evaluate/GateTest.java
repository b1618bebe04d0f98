package dev.doppel.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    private static EvaluationReport report(double overall, double dcrShare) {
        QualityScores q = new QualityScores(overall, 0.9, 0.8, 1, Map.of(), List.of(), null, null);
        PrivacyScores p = new PrivacyScores(0, 0, null, dcrShare, null,
                new PrivacyScores.AttackResult("singling_out", 100, 0.2, 0.1, 0.01, 0.1, 0.02, 0.18), null,
                List.of(new PrivacyScores.AttackResult("inference:churn", 100, 0.5, 0.2, 0.3, 0.3, 0.2, 0.4)), null,
                "test");
        EvaluationReport.About about = new EvaluationReport.About(null, null, null, List.of(), List.of(), 1, null,
                Map.of(), List.of());
        return new EvaluationReport(about, q, p, null, null);
    }

    @Test
    void aliasesAndReportKeysNameTheSameMetric() {
        Gate gate = Gate.of(Map.of("quality", 0.85), Map.of("dcr-share", 0.55), "cli");
        assertThat(gate.thresholds()).extracting(Gate.Threshold::metric)
                .containsExactly("quality.overall", "privacy.dcr_share");
        assertThat(Gate.of(Map.of("quality.column_shapes", 0.5), null, "cli").thresholds().get(0).metric())
                .isEqualTo("quality.column_shapes");
    }

    @Test
    void boundsAreInclusiveAndEachCheckIsReported() {
        Gate gate = Gate.of(Map.of("quality", 0.9), Map.of("dcr_share", 0.55), "cli");
        assertThat(gate.check(report(0.9, 0.55)).passed()).isTrue();
        GateResult failed = gate.check(report(0.89, 0.56));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.checks()).extracting(GateResult.Check::passed).containsExactly(false, false);
        assertThat(failed.checks().get(1).privacy()).isTrue();
        assertThat(Gate.failures(failed)).containsExactly("quality.overall is 0.89, under the minimum 0.9",
                "privacy.dcr_share is 0.56, above the maximum 0.55");
    }

    @Test
    void attackRiskIsTheWorstAttackAndAMissingValueFails() {
        Map<String, Double> max = new LinkedHashMap<>();
        max.put("attack-risk", 0.25);
        max.put("linkability", 0.5);
        Gate gate = Gate.of(null, max, "cli");
        GateResult r = gate.check(report(1, 0.5));
        assertThat(r.checks().get(0).value()).isEqualTo(0.3); // inference beats singling out
        assertThat(r.checks().get(0).passed()).isFalse();
        assertThat(r.checks().get(1).value()).isNaN(); // linkability not measured
        assertThat(r.checks().get(1).passed()).isFalse();
        assertThat(Gate.failures(r).get(1)).contains("not measured");
    }

    @Test
    void commandLinePairsParseAndBadOnesAreUsageErrors() {
        Map<String, Double> pairs = Gate.pairs(List.of("quality=0.85,shapes=0.9", "k=5"), "--fail-under");
        assertThat(pairs).containsExactly(Map.entry("quality", 0.85), Map.entry("shapes", 0.9), Map.entry("k", 5.0));
        assertThatThrownBy(() -> Gate.pairs(List.of("quality"), "--fail-under")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Gate.pairs(List.of("quality=high"), "--fail-under"))
                .isInstanceOf(UsageException.class).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> Gate.of(Map.of("beauty", 1.0), null, "cli")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown gate metric 'beauty'");
    }

    @Test
    void laterThresholdsWinForTheSameMetricAndBound() {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("quality", 0.8);
        Gate merged = Gate.of(first, null, "profile").and(Gate.of(Map.of("quality", 0.9), null, "cli"));
        assertThat(merged.thresholds()).containsExactly(new Gate.Threshold("quality.overall", true, 0.9));
    }
}
