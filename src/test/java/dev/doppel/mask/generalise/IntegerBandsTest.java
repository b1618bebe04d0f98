package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntegerBandsTest {
    private final IntegerBands ages = IntegerBands.of(5);

    @Test
    void bandsDoubleAlignedToZeroThenSuppress() {
        assertThat(ages.top()).isEqualTo(5);
        assertThat(ages.apply("37", 0)).isEqualTo("35-39");
        assertThat(ages.apply("37", 1)).isEqualTo("30-39");
        assertThat(ages.apply("37", 2)).isEqualTo("20-39");
        assertThat(ages.apply("37", 3)).isEqualTo("0-39");
        assertThat(ages.apply("37", 4)).isEqualTo("0-79");
        assertThat(ages.apply("37", 5)).isNull();
    }

    @Test
    void bandEdgesAndNegativeNumbers() {
        assertThat(ages.apply("35", 0)).isEqualTo("35-39");
        assertThat(ages.apply("39", 0)).isEqualTo("35-39");
        assertThat(ages.apply("40", 0)).isEqualTo("40-44");
        assertThat(ages.apply("0", 0)).isEqualTo("0-4");
        assertThat(ages.apply("-1", 0)).isEqualTo("-5..-1");
        assertThat(ages.apply("-6", 0)).isEqualTo("-10..-6");
    }

    @Test
    void widthOneKeepsTheNumberAndHugeNumbersWork() {
        assertThat(IntegerBands.of(1).apply("37", 0)).isEqualTo("37");
        assertThat(IntegerBands.of(1).apply("37", 1)).isEqualTo("36-37");
        assertThat(IntegerBands.of(1000).apply("123456789012345678901234", 0))
                .isEqualTo("123456789012345678901000-123456789012345678901999");
    }

    @Test
    void spacesAreIgnoredAndIntegralDecimalsRead() {
        assertThat(ages.apply(" 37", 0)).isEqualTo("35-39");
        assertThat(ages.apply("37.0", 0)).isEqualTo("35-39");
    }

    @Test
    void missingStaysMissingAndUnreadableIsSuppressed() {
        assertThat(ages.apply(null, 0)).isNull();
        assertThat(ages.apply("?", 0)).isNull();
        assertThat(ages.apply("37.5", 0)).isNull();
        assertThat(ages.apply("NaN", 0)).isNull();
        assertThat(ages.apply("1e999999999", 0)).isNull();
        assertThat(ages.apply("", 0)).isNull();
    }

    @Test
    void describesLevelsWithoutValues() {
        assertThat(ages.describe(0)).isEqualTo("bands of 5");
        assertThat(ages.describe(2)).isEqualTo("bands of 20");
        assertThat(ages.describe(5)).isEqualTo("suppressed");
    }

    @Test
    void rejectsLevelsOutsideTheHierarchyAndBadWidths() {
        assertThatThrownBy(() -> ages.apply("37", 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("37");
        assertThatThrownBy(() -> IntegerBands.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
