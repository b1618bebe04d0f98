package dev.doppel.evaluate.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.evaluate.QualityScores.MlEfficacy;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void qualityBands() {
        assertThat(Thresholds.quality(0.95)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.quality(0.90)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.quality(0.85)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.quality(0.5)).isEqualTo(Light.POOR);
        assertThat(Thresholds.quality(Double.NaN)).isEqualTo(Light.NONE);
    }

    @Test
    void privacyBands() {
        assertThat(Thresholds.dcrShare(0.5)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.dcrShare(0.58)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.dcrShare(0.7)).isEqualTo(Light.POOR);
        assertThat(Thresholds.exactCopies(0.001, 0.002)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.exactCopies(0.008, 0.002)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.exactCopies(0.05, 0.002)).isEqualTo(Light.POOR);
        assertThat(Thresholds.exactCopies(0, Double.NaN)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.attackRisk(-0.02)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.attackRisk(0.08)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.attackRisk(0.2)).isEqualTo(Light.POOR);
        assertThat(Thresholds.kAnonymity(0)).isEqualTo(Light.NONE);
        assertThat(Thresholds.kAnonymity(1)).isEqualTo(Light.POOR);
        assertThat(Thresholds.kAnonymity(3)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.kAnonymity(5)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.closeness(0.071, 0.064)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.closeness(0.05, 0.064)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.closeness(0.01, 0.064)).isEqualTo(Light.POOR);
        assertThat(Thresholds.closeness(0.01, Double.NaN)).isEqualTo(Light.NONE);
    }

    @Test
    void utilityBands() {
        assertThat(Thresholds.sPmse(1.1)).isEqualTo(Light.GOOD);
        assertThat(Thresholds.sPmse(6)).isEqualTo(Light.FAIR);
        assertThat(Thresholds.sPmse(25)).isEqualTo(Light.POOR);
        assertThat(Thresholds.mlEfficacy(new MlEfficacy("t", "classification", "accuracy", 0.80, 0.82, 100)))
                .isEqualTo(Light.GOOD);
        assertThat(Thresholds.mlEfficacy(new MlEfficacy("t", "regression", "r2", 0.40, 0.62, 100)))
                .isEqualTo(Light.POOR);
    }
}
