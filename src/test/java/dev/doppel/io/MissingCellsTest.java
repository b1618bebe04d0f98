package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one missing-marker rule of the CSV and Parquet readers. */
class MissingCellsTest {
    private static final Set<String> MARKERS = ReadOptions.DEFAULTS.markerSet();

    @Test
    void trimsValuesAndTurnsMarkersOfAnyCaseIntoNull() {
        MissingCells cells = new MissingCells(MARKERS, 1);
        assertThat(cells.text(0, "  Bern ", false)).isEqualTo("Bern");
        assertThat(cells.text(0, " n/A ", false)).isNull();
        assertThat(cells.text(0, "Null", false)).isNull();
        assertThat(cells.text(0, "\t", false)).isNull();
        assertThat(cells.text(0, "NAN", false)).as("longer than every marker").isEqualTo("NAN");
        assertThat(cells.text(0, "nullable", false)).isEqualTo("nullable");
    }

    @Test
    void remembersTheSpellingUsedMostPerColumn() {
        MissingCells cells = new MissingCells(MARKERS, 3);
        for (int i = 0; i < 3; i++) {
            cells.text(0, " NA", false);
            cells.text(1, "   ", false);
        }
        cells.text(0, "", false);
        cells.absent(1);
        assertThat(cells.mostUsed()).containsExactly("NA", "   ", "");
    }

    @Test
    void aLoneSpaceAfterAPaddedSeparatorIsPaddingNotTheSpelling() {
        MissingCells cells = new MissingCells(MARKERS, 2);
        cells.text(0, " ", true);
        cells.text(1, " ", false);
        assertThat(cells.mostUsed()).containsExactly("", " ");
    }

    @Test
    void keepsCountingKnownSpellingsOnceSixteenAreSeen() {
        MissingCells cells = new MissingCells(MARKERS, 1);
        for (int n = 1; n <= 16; n++) {
            cells.text(0, " ".repeat(n), false); // sixteen distinct blank spellings, once each
        }
        cells.text(0, "?", false); // a seventeenth is not counted
        cells.text(0, "?", false);
        cells.text(0, "  ", false);
        assertThat(cells.mostUsed()).containsExactly("  ");
    }
}
