package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.schema.TemporalLayout;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void isoDatesGoToMonthYearDecadeThenSuppressed() {
        Dates dates = Dates.of(TemporalLayout.of("yyyy-MM-dd", false));
        assertThat(dates.top()).isEqualTo(4);
        assertThat(dates.apply("1987-03-14", 0)).isEqualTo("1987-03-14");
        assertThat(dates.apply("1987-03-14", 1)).isEqualTo("1987-03");
        assertThat(dates.apply("1987-03-14", 2)).isEqualTo("1987");
        assertThat(dates.apply("1987-03-14", 3)).isEqualTo("1980s");
        assertThat(dates.apply("1987-03-14", 4)).isNull();
    }

    @Test
    void germanAndDashedDayFirstLayoutsAreWrittenInIsoForm() {
        Dates german = Dates.of(TemporalLayout.of("dd.MM.yyyy", false));
        assertThat(german.apply("04.09.2012", 1)).isEqualTo("2012-09");
        assertThat(german.apply("31.12.1999", 2)).isEqualTo("1999");
        Dates dashed = Dates.of(TemporalLayout.of("dd-MM-yyyy", false));
        assertThat(dashed.apply("04-09-2012", 1)).isEqualTo("2012-09");
        assertThat(dashed.apply("04-09-2012", 3)).isEqualTo("2010s");
    }

    @Test
    void dateTimesHaveADayLevel() {
        Dates times = Dates.of(TemporalLayout.of("yyyy-MM-dd HH:mm:ss", true));
        assertThat(times.top()).isEqualTo(5);
        assertThat(times.apply("2020-09-13 12:26:40", 0)).isEqualTo("2020-09-13 12:26:40");
        assertThat(times.apply("2020-09-13 12:26:40", 1)).isEqualTo("2020-09-13");
        assertThat(times.apply("2020-09-13 12:26:40", 2)).isEqualTo("2020-09");
        assertThat(times.apply("2020-09-13 12:26:40", 4)).isEqualTo("2020s");
        assertThat(times.levelOf("day")).isEqualTo(1);
        assertThat(Dates.of(TemporalLayout.of("yyyy-MM-dd", false)).levelOf("day")).isZero();
    }

    @Test
    void unparsableDatesAreSuppressedAtEveryLevel() {
        Dates dates = Dates.of(TemporalLayout.of("yyyy-MM-dd", false));
        for (int level = 0; level <= dates.top(); level++) {
            assertThat(dates.apply("1987-02-30", level)).isNull();
            assertThat(dates.apply("not a date", level)).isNull();
            assertThat(dates.apply(null, level)).isNull();
        }
    }

    @Test
    void describesStepsNotValues() {
        Dates dates = Dates.of(TemporalLayout.of("dd.MM.yyyy", false));
        assertThat(dates.describe(0)).isEqualTo("date dd.MM.yyyy");
        assertThat(dates.describe(1)).isEqualTo("month");
        assertThat(dates.from(2).describe(0)).isEqualTo("year");
        assertThat(dates.from(2).apply("04.09.2012", 0)).isEqualTo("2012");
        assertThat(dates.from(2).top()).isEqualTo(2);
    }
}
