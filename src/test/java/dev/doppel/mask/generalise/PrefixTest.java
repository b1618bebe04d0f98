package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void keepsAPrefixAndTheLengthThenShortens() {
        Prefix prefix = Prefix.of(2);
        assertThat(prefix.top()).isEqualTo(2);
        assertThat(prefix.apply("10115", 0)).isEqualTo("10***");
        assertThat(prefix.apply("10115", 1)).isEqualTo("1****");
        assertThat(prefix.apply("10115", 2)).isNull();
        assertThat(prefix.describe(0)).isEqualTo("prefix 2");
        assertThat(prefix.describe(1)).isEqualTo("prefix 1");
        assertThat(prefix.describe(2)).isEqualTo("suppressed");
    }

    @Test
    void shortValuesAreKeptAndCodePointsCounted() {
        assertThat(Prefix.of(3).apply("AB", 0)).isEqualTo("AB");
        assertThat(Prefix.of(1).apply("Ä😀x", 0)).isEqualTo("Ä**");
        assertThat(Prefix.of(2).apply("SW1A 1AA", 0)).isEqualTo("SW******");
        assertThat(Prefix.of(2).apply(null, 0)).isNull();
    }
}
