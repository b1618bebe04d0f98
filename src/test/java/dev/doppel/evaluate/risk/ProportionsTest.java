package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.PrivacyScores.AttackResult;
import org.junit.jupiter.api.Test;

/** Reference values from Newcombe (1998), Statistics in Medicine 17:857-872, tables I and II. */
class ProportionsTest {

    @Test
    void wilsonMatchesNewcombesTable() {
        // 81/263: 0.2553 to 0.3662; 15/148: 0.0624 to 0.1605; 0/20: 0 to 0.1611; 1/29: 0.0061 to 0.1718
        assertThat(Proportions.wilson(81, 263)).containsExactly(new double[] {0.2553, 0.3662}, within(1e-4));
        assertThat(Proportions.wilson(15, 148)).containsExactly(new double[] {0.0624, 0.1605}, within(1e-4));
        assertThat(Proportions.wilson(0, 20)).containsExactly(new double[] {0, 0.1611}, within(1e-4));
        assertThat(Proportions.wilson(1, 29)).containsExactly(new double[] {0.0061, 0.1718}, within(1e-4));
    }

    @Test
    void newcombeHybridMatchesNewcombesTable() {
        // method 10: 56/70 - 48/80: 0.0524 to 0.3339; 9/10 - 3/10: 0.1705 to 0.8090
        assertThat(Proportions.newcombe(56, 70, 48, 80)).containsExactly(new double[] {0.0524, 0.3339},
                within(1e-4));
        assertThat(Proportions.newcombe(9, 10, 3, 10)).containsExactly(new double[] {0.1705, 0.8090},
                within(1e-4));
    }

    @Test
    void resultWithoutAControlLeavesTheRiskUnmeasured() {
        AttackResult r = Proportions.result("linkability", 50, 10, -1, 0.02);
        assertThat(r.trainingSuccess()).isEqualTo(0.2);
        assertThat(r.holdoutSuccess()).isNaN();
        assertThat(r.risk()).isNaN();
        assertThat(r.riskLow()).isNaN();
        AttackResult m = Proportions.result("linkability", 50, 10, 5, 0.02);
        assertThat(m.risk()).isCloseTo(0.1, within(1e-12));
        assertThat(m.riskLow()).isLessThan(0.1);
        assertThat(m.riskHigh()).isGreaterThan(0.1);
    }
}
