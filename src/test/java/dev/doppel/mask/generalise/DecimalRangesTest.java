package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalRangesTest {
    private final DecimalRanges thousands = DecimalRanges.of(new BigDecimal("1000"));

    @Test
    void rangesAreHalfOpenAndDouble() {
        assertThat(thousands.apply("1234.5", 0)).isEqualTo("[1000, 2000)");
        assertThat(thousands.apply("1234.5", 1)).isEqualTo("[0, 2000)");
        assertThat(thousands.apply("1234.5", 2)).isEqualTo("[0, 4000)");
        assertThat(thousands.apply("2000", 0)).isEqualTo("[2000, 3000)");
        assertThat(thousands.apply("1999.999", 0)).isEqualTo("[1000, 2000)");
        assertThat(thousands.apply("1234.5", thousands.top())).isNull();
    }

    @Test
    void negativeAndFractionalWidths() {
        assertThat(thousands.apply("-0.5", 0)).isEqualTo("[-1000, 0)");
        DecimalRanges halves = DecimalRanges.of(new BigDecimal("0.5"));
        assertThat(halves.apply("1.26", 0)).isEqualTo("[1, 1.5)");
        assertThat(halves.apply("1.26", 1)).isEqualTo("[1, 2)");
        assertThat(halves.apply("1e3", 0)).isEqualTo("[1000, 1000.5)");
    }

    @Test
    void unreadableCellsAreSuppressed() {
        assertThat(thousands.apply("12,5", 0)).isNull();
        assertThat(thousands.apply("Infinity", 0)).isNull();
        assertThat(thousands.apply(null, 0)).isNull();
    }

    @Test
    void describesWidths() {
        assertThat(thousands.describe(0)).isEqualTo("ranges of 1000");
        assertThat(thousands.describe(3)).isEqualTo("ranges of 8000");
        assertThat(thousands.describe(5)).isEqualTo("suppressed");
    }
}
