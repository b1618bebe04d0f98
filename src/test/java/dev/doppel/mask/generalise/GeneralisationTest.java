package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneralisationTest {
    private static final ColumnSpec AGE = ColumnSpec.of("age", ColumnKind.INTEGER);
    private static final ColumnSpec INCOME = ColumnSpec.of("income", ColumnKind.DECIMAL);
    private static final ColumnSpec BORN = new ColumnSpec("born", ColumnKind.DATE, 0, "dd.MM.yyyy", null, null, "", false);
    private static final ColumnSpec SEEN = new ColumnSpec("seen", ColumnKind.DATETIME, 0, "yyyy-MM-dd HH:mm", null, null, "", false);
    private static final ColumnSpec ZIP = ColumnSpec.of("zip", ColumnKind.CATEGORICAL);
    private static final ColumnSpec CITY = ColumnSpec.of("city", ColumnKind.TEXT);

    @Test
    void levelZeroIsTheProfilesChoice() {
        assertThat(Generalisation.parse("10", AGE).apply("37", 0)).isEqualTo("30-39");
        assertThat(Generalisation.parse(" 1000 ", INCOME).apply("1234.5", 0)).isEqualTo("[1000, 2000)");
        assertThat(Generalisation.parse("0.5", INCOME).apply("1.2", 0)).isEqualTo("[1, 1.5)");
        assertThat(Generalisation.parse("Month", BORN).apply("04.09.2012", 0)).isEqualTo("2012-09");
        assertThat(Generalisation.parse("year", BORN).apply("04.09.2012", 0)).isEqualTo("2012");
        assertThat(Generalisation.parse("day", BORN).apply("04.09.2012", 0)).isEqualTo("04.09.2012");
        assertThat(Generalisation.parse("day", SEEN).apply("2020-09-13 12:26", 0)).isEqualTo("2020-09-13");
        assertThat(Generalisation.parse("prefix 2", ZIP).apply("10115", 0)).isEqualTo("10***");
        assertThat(Generalisation.parse("2", ZIP).apply("10115", 0)).isEqualTo("10***");
        assertThat(Generalisation.parse("prefix  3", AGE).apply("10115", 0)).isEqualTo("101**");
    }

    @Test
    void rareStartsAtTheRareValuesLevel() {
        Hierarchy rare = Generalisation.parse("rare", CITY);
        assertThat(rare.top()).isEqualTo(1);
        Hierarchy fitted = rare.fit(Map.of("Berlin", 7L, "Hof", 1L), 5);
        assertThat(fitted.apply("Berlin", 0)).isEqualTo("Berlin");
        assertThat(fitted.apply("Hof", 0)).isNull();
        assertThat(fitted.apply("Berlin", 1)).isNull();
    }

    @Test
    void badSpecsGiveOneLineNamingTheColumnButNotTheSpec() {
        String[][] bad = {{"ten", "age"}, {"0", "age"}, {"-5", "income"}, {"0", "income"}, {"week", "born"},
            {"hour", "seen"}, {"prefix 2", "born"}, {"SECRET-42x", "city"}, {"prefix 0", "zip"}, {"", "zip"}};
        Map<String, ColumnSpec> columns = Map.of("age", AGE, "income", INCOME, "born", BORN, "seen", SEEN, "city", CITY, "zip", ZIP);
        for (String[] c : bad) {
            assertThatThrownBy(() -> Generalisation.parse(c[0], columns.get(c[1])))
                    .as(c[0] + " for " + c[1])
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("column '" + c[1] + "'")
                    .hasMessageNotContaining("SECRET")
                    .hasMessageNotContaining("\n");
        }
    }
}
