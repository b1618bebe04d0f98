package dev.doppel.evaluate.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveSpecialCharactersAndControls() {
        assertThat(Html.esc("<a href=\"x\">'&'</a>\u0000")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void formatsNumbersWithoutNegativeZeroOrNaN() {
        assertThat(Html.num(-0.0001, 2)).isEqualTo("0.00");
        assertThat(Html.num(Double.NaN, 2)).isEqualTo("–");
        assertThat(Html.pct(0.1234, 1)).isEqualTo("12.3%");
        assertThat(Html.signedPct(-0.011, 1)).isEqualTo("−1.1%");
        assertThat(Html.signedPct(0.075, 1)).isEqualTo("+7.5%");
        assertThat(Html.signedPct(0, 1)).isEqualTo("0.0%");
        assertThat(Html.sig(0.0008, 3, 2)).isEqualTo("0.000800");
        assertThat(Html.count(1_250_000)).isEqualTo("1,250,000");
    }

    @Test
    void shortensKeepingBothEnds() {
        assertThat(Html.middle("measurement_with_a_rather_long_column_name_12", 20)).isEqualTo("measuremen…n_name_12")
                .hasSize(20);
        assertThat(Html.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(Html.middle("short", 20)).isEqualTo("short");
    }
}
