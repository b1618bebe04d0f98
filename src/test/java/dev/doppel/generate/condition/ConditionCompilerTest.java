package dev.doppel.generate.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.io.ReadOptions;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.profile.ProfileFile;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compiling conditions against the model of the demo customers (shipped with Doppel): labels, numbers, dates, missing
 * cells, shares, and every kind of error.
 */
class ConditionCompilerTest {
    private static final Path DEMO = Path.of("profiles", "demo.yaml");
    private static SynthModel model;
    private static RawTable table;

    @BeforeAll
    static void fit() throws IOException {
        String text = Files.readString(DEMO);
        var profile = ProfileFile.parse(text, DEMO.toString());
        Fitting.Inspected inspected = Fitting.inspect(Path.of(profile.input().path()), ReadOptions.DEFAULTS, profile,
                DEMO.toString(), text);
        table = inspected.table();
        model = Fitting.fit(inspected, FitSettings.DEFAULTS, "test");
    }

    private static int index(String column) {
        return ConditionCompiler.resolve(column, model.columns(), ConditionException.Part.WHERE);
    }

    private static int code(String column, String label) {
        return ((CategoricalColumn) model.columns().get(index(column))).marginal().labels().indexOf(label);
    }

    /** The share of the real rows whose cell in {@code column} meets {@code test}. */
    private static double realShare(String column, java.util.function.Predicate<String> test) {
        List<String> cells = java.util.Arrays.asList(table.column(index(column)));
        return cells.stream().filter(test).count() / (double) cells.size();
    }

    @Test
    void labelsMatchExactlyThenIgnoringCaseAndBooleansTakeTrueAndFalse() {
        Where w = ConditionCompiler.compile("CONTRACT = 'ANNUAL' and newsletter = true and churned != No", model);
        LabelCondition contract = (LabelCondition) w.column(index("contract"));
        assertThat(contract.codes()).containsExactly(code("contract", "annual"));
        assertThat(((LabelCondition) w.column(index("newsletter"))).codes()).containsExactly(code("newsletter", "yes"));
        assertThat(((LabelCondition) w.column(index("churned"))).codes()).containsExactly(code("churned", "Yes"));
        assertThat(w.columns()).containsExactly(index("contract"), index("newsletter"), index("churned"));
        // the share is the model's, which holds the real label shares
        assertThat(contract.share()).isCloseTo(realShare("contract", "annual"::equals), within(1e-9));
        assertThat(contract.accepts(-1)).isFalse();
    }

    @Test
    void aConditionEveryRowMeetsIsDropped() {
        assertThat(ConditionCompiler.compile("plan in ('Basic', 'Plus', 'Premium')", model).isEmpty()).isTrue();
        assertThat(ConditionCompiler.compile("age > -1000000", model).isEmpty())
                .isFalse(); // a range is kept (it costs a bisection, no more)
    }

    @Test
    void numericSharesCountValuesAsWrittenSoEqualityOnAWholeNumberHasSupport() {
        Where w = ConditionCompiler.compile("age = 30", model);
        RangeCondition age = (RangeCondition) w.column(index("age"));
        assertThat(age.accepts(30)).isTrue();
        assertThat(age.accepts(30.4)).isFalse();
        // the model's share of age 30 among 3,000 rows (real 3.2%): knots average k rows, so allow a third either way
        assertThat(age.share()).isCloseTo(realShare("age", "30"::equals), within(0.011));
        RangeCondition range = (RangeCondition) ConditionCompiler.compile("age between 30 and 45", model)
                .column(index("age"));
        // 40.8% of the real rows; the quantile function's knots are 1/256 apart, so the share is within about 2/256
        assertThat(range.share()).isCloseTo(realShare("age", a -> Integer.parseInt(a) >= 30 && Integer.parseInt(a) <= 45),
                within(0.01));
    }

    @Test
    void missingCellsFollowSqlSoOnlyIsMissingLetsThemIn() {
        RangeCondition notZero = (RangeCondition) ConditionCompiler.compile("total_spend != 0", model)
                .column(index("total_spend"));
        assertThat(notZero.acceptsMissing()).isFalse();
        assertThat(notZero.accepts(Double.NaN)).isFalse();
        assertThat(notZero.accepts(12.5)).isTrue();
        RangeCondition not = (RangeCondition) ConditionCompiler.compile("not total_spend > 100", model)
                .column(index("total_spend"));
        assertThat(not.acceptsMissing()).isFalse();
        assertThat(not.accepts(100)).isTrue();
        assertThat(not.accepts(100.01)).isFalse();
        RangeCondition missing = (RangeCondition) ConditionCompiler.compile("total_spend is missing", model)
                .column(index("total_spend"));
        assertThat(missing.acceptsMissing()).isTrue();
        assertThat(missing.accepts(0)).isFalse();
        assertThat(missing.share()).isCloseTo(realShare("total_spend", java.util.Objects::isNull), within(1e-9));
        RangeCondition either = (RangeCondition) ConditionCompiler.compile(
                "total_spend is missing or total_spend < 50", model).column(index("total_spend"));
        assertThat(either.acceptsMissing()).isTrue();
        assertThat(either.accepts(49.99)).isTrue();
        RangeCondition present = (RangeCondition) ConditionCompiler.compile("total_spend is not missing", model)
                .column(index("total_spend"));
        assertThat(present.acceptsMissing()).isFalse();
        assertThat(present.values().isAll()).isTrue();
    }

    @Test
    void datesAreReadInTheColumnsLayoutOrIso() {
        Where layout = ConditionCompiler.compile("signup_date >= '01.03.2021' and last_login < 2024-06-01", model);
        Where iso = ConditionCompiler.compile("signup_date >= 2021-03-01 and last_login < '2024-06-01 00:00:00'", model);
        RangeCondition signup = (RangeCondition) layout.column(index("signup_date"));
        assertThat(signup.values()).isEqualTo(((RangeCondition) iso.column(index("signup_date"))).values());
        double day = LocalDate.of(2021, 3, 1).toEpochDay();
        assertThat(signup.accepts(day)).isTrue();
        assertThat(signup.accepts(day - 1)).isFalse();
        RangeCondition login = (RangeCondition) layout.column(index("last_login"));
        assertThat(login.values()).isEqualTo(((RangeCondition) iso.column(index("last_login"))).values());
        double midnight = LocalDate.of(2024, 6, 1).toEpochDay() * 86400.0;
        assertThat(login.accepts(midnight - 1)).isTrue();
        assertThat(login.accepts(midnight)).isFalse();
    }

    @Test
    void numericInAndOrOnOneColumnMakeUnions() {
        RangeCondition calls = (RangeCondition) ConditionCompiler.compile(
                "support_calls in (0, 2) or support_calls >= 5", model).column(index("support_calls"));
        assertThat(calls.accepts(0)).isTrue();
        assertThat(calls.accepts(1)).isFalse();
        assertThat(calls.accepts(2)).isTrue();
        assertThat(calls.accepts(4)).isFalse();
        assertThat(calls.accepts(6)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "agee > 3                              | no column 'agee' in the model",
        "age > 200                             | no row of the model can meet the condition on 'age' (zero support",
        "age = 30.5                            | no row of the model can meet the condition on 'age' (zero support",
        "age between 45 and 30                 | no row of the model can meet the condition on 'age' (zero support",
        "plan = 'Basic' and plan = 'Plus'      | no row of the model can meet the condition on 'plan' (zero support",
        "age is missing                        | no row of the model can meet the condition on 'age' (zero support",
        "region = 'Bremen'                     | column 'region' has no label 'Bremen' in the model (labels seen fewer"
                + " than k times are pooled as rare)",
        "plan < 'Plus'                         | column 'plan' is categorical: it takes =, !=, in and is missing, not <",
        "plan between 'A' and 'B'              | column 'plan' is categorical: it takes =, !=, in and is missing, not"
                + " between",
        "age > 'thirty'                        | column 'age' is integer: 'thirty' is not a number",
        "signup_date > '2021/13/01'            | column 'signup_date' is a date: '2021/13/01' is not one (write it as"
                + " dd.MM.yyyy",
        "plan = 'Basic' or contract = 'annual' | 'or' and 'not' can only combine conditions on one column, and this"
                + " part joins 'plan' and 'contract'",
        "not (plan = 'Basic' and age > 30)     | this part joins 'plan' and 'age'",
        "customer_id = 'C-000001'              | column 'customer_id' is an identifier: its values are not modelled",
    })
    void conditionsThatDoNotFitTheModelFailNamingTheColumn(String text, String message) {
        assertThatThrownBy(() -> ConditionCompiler.compile(text, model))
                .isInstanceOf(ConditionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownLabelIsNamedButNoOtherLabelOfTheModelIsShown() {
        assertThatThrownBy(() -> ConditionCompiler.compile("plan = 'Gold'", model))
                .hasMessageContaining("'Gold'")
                .hasMessageNotContaining("Basic").hasMessageNotContaining("Plus").hasMessageNotContaining("Premium");
    }

    @Test
    void rebalanceMakesOneGroupPerLabelUnderTheWhereCondition() {
        Audience equal = Audience.compile(model, "plan != 'Premium'", "contract");
        assertThat(equal.groups()).hasSize(3);
        assertThat(equal.weights()).containsExactly(1, 1, 1);
        for (int g = 0; g < 3; g++) {
            Where w = equal.groups().get(g);
            assertThat(((LabelCondition) w.column(index("plan"))).accepts(code("plan", "Premium"))).isFalse();
            assertThat(((LabelCondition) w.column(index("contract"))).codes()).hasSize(1);
        }
        Audience mix = Audience.compile(model, null, "churned=Yes:1, 'No':3");
        assertThat(mix.groups()).hasSize(2);
        assertThat(mix.interleave(1000).counts()).containsExactly(mix.weights()[0] == 3 ? 750 : 250,
                mix.weights()[0] == 3 ? 250 : 750);
        Audience limited = Audience.compile(model, "contract in ('annual', 'monthly')", "contract");
        assertThat(limited.groups()).hasSize(2); // equal shares of the labels the where condition allows
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "                        | age                       | column 'age' is integer: only categorical and boolean"
                + " columns can be rebalanced",
        "                        | contract=monthly          | expected LABEL:SHARE, found 'monthly'",
        "                        | contract=monthly:-1       | the share of 'monthly' must be a number of at least 0",
        "                        | contract=monthly:0        | no label of 'contract' gets a share above 0",
        "                        | contract=weekly:1         | column 'contract' has no label 'weekly' in the model",
        "                        | contract=annual:1,ANNUAL:1 | label 'ANNUAL' is given twice",
        "contract = 'annual'     | contract=monthly:1        | label 'monthly' of 'contract' is ruled out by the where"
                + " condition",
        "                        | nope                      | no column 'nope' in the model",
    })
    void badRebalancesFailNamingTheProblem(String where, String rebalance, String message) {
        assertThatThrownBy(() -> Audience.compile(model, where, rebalance))
                .isInstanceOf(ConditionException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConditionException) e).part()).isEqualTo(ConditionException.Part.REBALANCE));
    }
}
