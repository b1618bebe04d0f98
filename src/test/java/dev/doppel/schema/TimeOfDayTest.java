package dev.doppel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A column of times of day is a date-time column counting seconds from midnight, written back as times. */
class TimeOfDayTest {
    private static String layoutOf(String... values) {
        return TemporalDetector.detect(values).map(d -> d.layout().pattern()).orElse(null);
    }

    @Test
    void findsTheLayoutAndCountsSecondsFromMidnight() {
        assertThat(layoutOf("14:35", "09:05", null)).isEqualTo("HH:mm");
        assertThat(layoutOf("14:35", "9:05")).isEqualTo("H:mm");
        assertThat(layoutOf("14:35:10", "00:00:59")).isEqualTo("HH:mm:ss");
        TemporalLayout layout = TemporalLayout.of("HH:mm", true);
        assertThat(layout.toNumber("14:35")).isEqualTo(14 * 3600 + 35 * 60);
        assertThat(layout.format(14 * 3600 + 35 * 60)).isEqualTo("14:35");
        assertThat(layout.step()).isEqualTo(60);
        ColumnSpec spec = SchemaInference.inferColumn("contact_time", new String[] {"08:15", "17:45", "12:00"}, "")
                .spec();
        assertThat(spec.kind()).isEqualTo(ColumnKind.DATETIME);
        assertThat(spec.layout()).isEqualTo("HH:mm");
    }

    @Test
    void leavesDurationsAndMixedPrecisionAlone() {
        assertThat(layoutOf("25:00", "12:30")).isNull(); // 25 hours: a duration, not a time of day
        assertThat(layoutOf("12:75")).isNull();
        assertThat(layoutOf("14:35", "14:35:10")).isNull();
        assertThat(layoutOf("1:2:3:4")).isNull();
        // a profile may still set such a layout: it reads back what it writes
        assertThat(TemporalLayout.checked("HH:mm:ss", true).pattern()).isEqualTo("HH:mm:ss");
        assertThat(List.of(SchemaInference.inferColumn("dur", new String[] {"45:10", "12:00"}, "").spec().kind()))
                .doesNotContain(ColumnKind.DATETIME);
    }
}
