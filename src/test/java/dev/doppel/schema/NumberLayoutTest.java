package dev.doppel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Numbers spelled with a decimal comma or grouping separators: detected, read plainly, and described by a pattern. */
class NumberLayoutTest {
    private static Set<String> values(String... v) {
        return new LinkedHashSet<>(Arrays.asList(v));
    }

    private static Optional<String> detected(char delimiter, String... v) {
        return NumberLayout.detect(values(v), delimiter).map(NumberLayout::pattern);
    }

    @Test
    void detectsDecimalCommasWithAndWithoutGroupingDots() {
        assertThat(detected(';', "29,85", "108,15", "7", "0,5")).contains("0,0");
        assertThat(detected(';', "1.234,56", "12,5", "999")).contains("#.##0,0");
        assertThat(detected(',', "1,234.56", "12.5", "999", "1,000,000")).contains("#,##0.0");
    }

    @Test
    void readsACommaBeforeThreeDigitsByTheSeparator() {
        // "1,250" alone: a decimal comma in a semicolon file, a thousands comma elsewhere
        assertThat(detected(';', "1,250", "12,500")).contains("0,0");
        assertThat(detected(',', "1,250", "12,500")).contains("#,##0.0");
        assertThat(detected(',', "1,25", "12,500")).contains("0,0"); // a two-digit fraction settles it
    }

    @Test
    void leavesPlainNumbersDatesCodesAndTextAlone() {
        assertThat(detected(';', "29.85", "108", "-3.5")).isEmpty(); // plain: no layout needed
        assertThat(detected(';', "14.08.2018", "01.02.2019")).isEmpty();
        assertThat(detected(';', "007,5", "12,5")).isEmpty(); // a leading zero: a code, not a quantity
        assertThat(detected(';', "12,5", "n/a")).isEmpty();
        assertThat(detected(',', "1,2,3")).isEmpty();
        assertThat(detected(';')).isEmpty();
    }

    @Test
    void detectsUnitsAroundNumbers() {
        assertThat(detected('\t', "$1,234.50", "$12.00", "-$5.25", "$-7.10")).contains("$#,##0.0");
        assertThat(detected(',', "12.5%", "7%", "100%")).contains("0.0%");
        assertThat(detected(';', "1.234,50 €", "12,00 €")).contains("#.##0,0 €");
        assertThat(detected(';', "EUR 12,50", "EUR 7,00")).contains("EUR 0,0");
        // letters touching the number are labels or ids, and a unit must be on every value
        assertThat(detected(',', "Q1", "Q2", "Q3")).isEmpty();
        assertThat(detected(',', "CUST1001", "CUST1002")).isEmpty();
        assertThat(detected(',', "12.5%", "7")).isEmpty();
        assertThat(detected(',', "12", "7")).isEmpty();
    }

    @Test
    void spellsPlainNumbersInTheLayout() {
        NumberLayout dollars = NumberLayout.parse("$#,##0.0").orElseThrow();
        assertThat(dollars.plain("-$1,234.50")).isEqualTo("-1234.50");
        assertThat(dollars.plain("$-1,234.50")).isEqualTo("-1234.50");
        assertThat(dollars.spell("-1234.50")).isEqualTo("-$1234.50");
        NumberLayout euros = NumberLayout.parse("#.##0,0 €").orElseThrow();
        assertThat(euros.plain("1.234,50 €")).isEqualTo("1234.50");
        assertThat(euros.spell("1234.50")).isEqualTo("1234,50 €");
        assertThat(euros.plain("1.234,50")).isEqualTo("1.234,50"); // without its unit: not this layout's spelling
        assertThat(NumberLayout.parse("0.0")).isEmpty(); // plain numbers need no layout
        assertThat(NumberLayout.parse("ID0.0")).isEmpty(); // not a unit
    }

    @Test
    void readsCellsPlainlyAndLeavesOthersAsTheyAre() {
        NumberLayout german = NumberLayout.parse("#.##0,0").orElseThrow();
        assertThat(german.plain("1.234.567,89")).isEqualTo("1234567.89");
        assertThat(german.plain("-12,5")).isEqualTo("-12.5");
        assertThat(german.plain("42")).isEqualTo("42");
        assertThat(german.plain("12.5")).isEqualTo("12.5"); // not this layout's spelling: left for the error
        assertThat(german.plain(null)).isNull();
        NumberLayout comma = NumberLayout.parse("0,0").orElseThrow();
        assertThat(comma.plain("1.234")).isEqualTo("1.234"); // no grouping in this layout
        NumberLayout english = NumberLayout.parse("#,##0.0").orElseThrow();
        assertThat(english.plain("1,234,567.5")).isEqualTo("1234567.5");
    }

    @Test
    void patternsRoundTripAndOthersAreNotNumberLayouts() {
        for (String p : List.of("0,0", "#.##0,0", "#,##0.0", "$#,##0.0", "0.0%", "0,0 €", "EUR #.##0,0")) {
            assertThat(NumberLayout.parse(p).orElseThrow().pattern()).isEqualTo(p);
        }
        assertThat(NumberLayout.parse("dd.MM.yyyy")).isEmpty();
        assertThat(NumberLayout.parse(null)).isEmpty();
    }

    @Test
    void inferenceGivesIntegersAndDecimalsTheirLayoutAndScale() {
        FileDialect semicolon = new FileDialect(';', false, "\n", false, false);
        List<String[]> columns = List.of(
                new String[] {"29,85", "108,1", "7,00", null},
                new String[] {"1.234", "12.500", "7", "999"},
                new String[] {"a", "b", "a", "b"});
        RawTable table = new RawTable("t.csv", List.of("charge", "units", "plan"), columns,
                List.of("", "", ""), semicolon, new int[] {2, 3, 4, 5}, null);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        ColumnSpec charge = inferred.get(0).spec();
        assertThat(charge.kind()).isEqualTo(ColumnKind.DECIMAL);
        assertThat(charge.scale()).isEqualTo(2);
        assertThat(charge.layout()).isEqualTo("0,0");
        // dots alone read as decimals (1.234 is one point two three four), as before
        assertThat(inferred.get(1).spec().kind()).isEqualTo(ColumnKind.DECIMAL);
        assertThat(inferred.get(1).spec().layout()).isNull();
        RawTable plain = CellSpellings.normalised(table, inferred.stream().map(ColumnProfile::spec).toList());
        assertThat(plain.column(0)).containsExactly("29.85", "108.1", "7.00", null);
        assertThat(plain.column(1)).isSameAs(table.column(1));
    }
}
