package dev.doppel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates with English month names, as spreadsheets and database exports write them, are dates. */
class MonthNameDatesTest {
    private static String layoutOf(String... values) {
        return TemporalDetector.detect(values).map(d -> d.layout().pattern()).orElse(null);
    }

    @Test
    void findsTheLayoutAndReadsTheDate() {
        assertThat(layoutOf("12-Mar-2021", "05-Oct-2019")).isEqualTo("dd-MMM-yyyy");
        assertThat(layoutOf("12-Mar-2021", "5-Oct-2019")).isEqualTo("d-MMM-yyyy");
        assertThat(layoutOf("Mar 12, 2021", "Oct 5, 2019")).isEqualTo("MMM d, yyyy");
        assertThat(layoutOf("March 12, 2021", "October 5, 2019")).isEqualTo("MMMM d, yyyy");
        assertThat(layoutOf("12 March 2021", "05 October 2019")).isEqualTo("dd MMMM yyyy");
        assertThat(layoutOf("12-MAR-2021", "05-OCT-2019")).isEqualTo("dd-MMM-yyyy"); // a database export's capitals
        TemporalLayout layout = TemporalLayout.of("MMM d, yyyy", false);
        assertThat(layout.toNumber("Oct 5, 2019")).isEqualTo(LocalDate.of(2019, 10, 5).toEpochDay());
        assertThat(layout.format(LocalDate.of(2021, 3, 12).toEpochDay())).isEqualTo("Mar 12, 2021");
    }

    @Test
    void leavesWordsAndImpossibleDatesAlone() {
        assertThat(layoutOf("Mar 12, 2021", "Foo 12, 2021")).isNull();
        assertThat(layoutOf("31-Feb-2021")).isNull();
        assertThat(layoutOf("Room 12 floor 3")).isNull();
        assertThat(layoutOf("Q1 2021", "Q2 2021")).isNull();
    }
}
