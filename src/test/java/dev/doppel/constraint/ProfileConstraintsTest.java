package dev.doppel.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import dev.doppel.model.Constraint;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profile constraints are checked against the columns, and every problem is one line naming file and line. */
class ProfileConstraintsTest {
    private static final List<ColumnSpec> SPECS = List.of(
            ColumnSpec.of("id", ColumnKind.IDENTIFIER),
            new ColumnSpec("signup", ColumnKind.DATE, 0, "dd.MM.yyyy", null, null, "", false),
            new ColumnSpec("last_login", ColumnKind.DATETIME, 0, "yyyy-MM-dd HH:mm:ss", null, null, "", false),
            ColumnSpec.of("tenure", ColumnKind.INTEGER),
            ColumnSpec.of("fee", ColumnKind.DECIMAL).withScale(2),
            ColumnSpec.of("total", ColumnKind.DECIMAL).withScale(2),
            ColumnSpec.of("extra", ColumnKind.DECIMAL).withScale(2),
            ColumnSpec.of("city", ColumnKind.CATEGORICAL),
            ColumnSpec.of("country", ColumnKind.CATEGORICAL),
            new ColumnSpec("vip", ColumnKind.BOOLEAN, 0, null, "yes", "no", "", false),
            ColumnSpec.of("dropped", ColumnKind.INTEGER).withSkip(true));

    private static List<Constraint> resolve(String constraints) {
        String text = "version: 1\njob: x\nconstraints:\n" + constraints;
        Profile profile = ProfileFile.parse(text, "p.yaml");
        return ProfileConstraints.resolve(profile.constraints(), SPECS, "p.yaml", text);
    }

    @Test
    void everyTypeResolvesWithItsColumnsAndWrittenSpecs() {
        List<Constraint> c = resolve("""
                  - {type: order, columns: [signup, last_login]}
                  - {type: sum, parts: [fee, extra], total: total}
                  - type: formula
                    column: tenure
                    expression: "total / fee"
                    tolerance: 2
                  - {type: allowed, columns: [city, country, vip]}
                """);
        assertThat(c).hasSize(4);
        assertThat(c.get(0)).isInstanceOf(Constraint.Order.class);
        assertThat(c.get(0).targets()).containsExactly("last_login");
        Constraint.Sum sum = (Constraint.Sum) c.get(1);
        assertThat(sum.tolerance()).as("half the total's last digit").isEqualTo(0.005);
        Constraint.Formula f = (Constraint.Formula) c.get(2);
        assertThat(f.inputs()).containsExactly("total", "fee");
        assertThat(f.tolerance()).isEqualTo(2);
        assertThat(c.get(3).targets()).containsExactly("city", "country", "vip");
    }

    @Test
    void itemLinesFindEachListEntry() {
        String text = "version: 1\nconstraints:\n  - {type: order, columns: [a, b]}\n  - type: sum\n    parts: [a]\n"
                + "\n  - type: allowed\nmodel: {min_group: 5}\n";
        assertThat(ProfileFile.itemLines(text, "constraints")).containsExactly(3, 4, 7);
        assertThat(ProfileFile.itemLines("version: 1\n", "constraints")).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "- {type: order, columns: [signup, nope]}|line 5: constraint 1 (order): column 'nope' is not in the data",
        "- {type: order, columns: [signup, fee]}|line 5: constraint 1 (order): column 'fee' is decimal; order takes all numbers or all dates and date-times",
        "- {type: order, columns: [signup]}|line 5: constraint 1 (order): 'columns' needs a list of at least 2 columns",
        "- {type: order, columns: [fee, fee]}|line 5: constraint 1 (order): 'columns' names a column twice",
        "- {type: order, columns: [tenure, dropped]}|column 'dropped' is skipped or dropped",
        "- {type: sum, parts: [fee, city], total: total}|column 'city' is categorical; sums and formulas take integer or decimal columns",
        "- {type: sum, parts: [fee, total], total: total}|the total 'total' is also a part",
        "- {type: sum, parts: [fee, extra]}|'total' is missing",
        "- {type: sum, parts: [fee, extra], total: total, tolerance: -1}|tolerance must be a number of 0 or more",
        "- {type: formula, column: total, expression: 'fee * (tenure'}|the expression cannot be read: a ')' is missing",
        "- {type: formula, column: total, expression: 'total * 2'}|uses its own column 'total'",
        "- {type: formula, column: total, expression: '12'}|the expression names no column",
        "- {type: formula, column: total, expression: 'fee * months'}|column 'months' is not in the data",
        "- {type: formula, column: total, columns: [fee]}|'columns' does not belong to a formula constraint (it takes column, expression, tolerance)",
        "- {type: allowed, columns: [city, fee]}|column 'fee' is decimal; allowed takes categorical or boolean columns",
        "- {type: between, columns: [a, b]}|line 5: constraint 1: unknown type 'between' (use order, sum, formula or allowed)",
        "- {columns: [city, country]}|type is missing",
    })
    void badConstraintsAreOneLineErrorsWithFileAndLine(String entry, String message) {
        assertThatThrownBy(() -> resolve("  # a comment\n  " + entry + "\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.yaml, line 5: constraint 1")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aColumnDerivedTwiceNamesBothConstraints() {
        assertThatThrownBy(() -> resolve("""
                  - {type: sum, parts: [fee, extra], total: total}
                  - {type: formula, column: total, expression: "fee * tenure"}
                """))
                .hasMessage("p.yaml, line 5: constraint 2 (formula): column 'total' is already computed by constraint 1;"
                        + " a column can be derived by one constraint only");
        assertThatThrownBy(() -> resolve("""
                  - {type: order, columns: [fee, total]}
                  - {type: order, columns: [extra, total]}
                """)).hasMessageContaining("column 'total' is already computed by constraint 1");
    }

    @Test
    void constraintsThatComputeEachOtherInACircleAreRefused() {
        assertThatThrownBy(() -> resolve("""
                  - {type: formula, column: total, expression: "extra * 2"}
                  - {type: formula, column: extra, expression: "total / 2"}
                """))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("p\\.yaml, line \\d: constraint \\d: constraints depend on each other in a circle"
                        + " through column '(total|extra)'");
        // a chain is fine: the order's later column feeds a formula
        assertThat(resolve("""
                  - {type: order, columns: [fee, extra]}
                  - {type: formula, column: total, expression: "extra * tenure"}
                """)).hasSize(2);
    }

    @Test
    void dependenciesSortComputedInputsFirst() {
        List<Constraint> c = resolve("""
                  - {type: formula, column: total, expression: "extra * tenure"}
                  - {type: order, columns: [fee, extra]}
                """);
        assertThat(Dependencies.sorted(c)).containsExactly(c.get(1), c.get(0));
    }
}
