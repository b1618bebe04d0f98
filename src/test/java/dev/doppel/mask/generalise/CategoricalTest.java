package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoricalTest {

    @Test
    void valueThenRareValuesThenEverythingSuppressed() {
        Categorical fitted = Categorical.of().fit(Map.of("Germany", 9L, "Peru", 2L), 5);
        assertThat(fitted.apply("Peru", 0)).isEqualTo("Peru");
        assertThat(fitted.apply("Germany", 1)).isEqualTo("Germany");
        assertThat(fitted.apply("Peru", 1)).isNull();
        assertThat(fitted.apply("never seen", 1)).isNull();
        assertThat(fitted.apply("Germany", 2)).isNull();
        assertThat(fitted.describe(1)).isEqualTo("values in fewer than 5 rows suppressed");
    }

    @Test
    void rareLevelNeedsCountsAndNeverPrintsValues() {
        assertThatThrownBy(() -> Categorical.of().apply("Peru", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Peru");
        Categorical fitted = Categorical.of().fit(Map.of("CANARY-1", 9L), 5);
        assertThat(fitted.toString()).doesNotContain("CANARY").contains("1 frequent");
        assertThat(fitted.from(1).toString()).doesNotContain("CANARY");
    }
}
