package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
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
        assertThat(cells.text(0, "NaN", false)).as("pandas' marker").isNull();
        assertThat(cells.text(0, "NANAS", false)).as("longer than every marker").isEqualTo("NANAS");
        assertThat(cells.text(0, "nullable", false)).isEqualTo("nullable");
    }

    /** The quick tests in front of the marker look-up (length, first character) never change an answer. */
    @Test
    void quickTestsAgreeWithTheFullMarkerLookUp() {
        String[] pieces = {"n", "N", "a", "A", "/", "-", "9", "?", "u", "l", "L", " ", "K", "\u212a", "\u0130", "é", "x"};
        for (Set<String> markers : List.of(MARKERS, Set.of("-999", "?", "nil", "k"), Set.of("\u00e9t\u00e9", "na"))) {
            MissingCells cells = new MissingCells(markers, 1);
            SplittableRandom random = new SplittableRandom(markers.size());
            for (int i = 0; i < 20_000; i++) {
                StringBuilder v = new StringBuilder();
                for (int p = random.nextInt(5); p >= 0; p--) {
                    v.append(pieces[random.nextInt(pieces.length)]);
                }
                String raw = v.toString();
                String trimmed = raw.trim();
                boolean marker = trimmed.isEmpty() || markers.contains(trimmed.toLowerCase(Locale.ROOT));
                assertThat(cells.text(0, raw, false)).as("'%s' with markers %s", raw, markers)
                        .isEqualTo(marker ? null : trimmed);
            }
        }
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
