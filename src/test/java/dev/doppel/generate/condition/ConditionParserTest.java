package dev.doppel.generate.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.generate.condition.Condition.And;
import dev.doppel.generate.condition.Condition.Between;
import dev.doppel.generate.condition.Condition.Compare;
import dev.doppel.generate.condition.Condition.In;
import dev.doppel.generate.condition.Condition.IsMissing;
import dev.doppel.generate.condition.Condition.Literal;
import dev.doppel.generate.condition.Condition.Not;
import dev.doppel.generate.condition.Condition.Op;
import dev.doppel.generate.condition.Condition.Or;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {
    @Test
    void andBindsTighterThanOrAndBetweenTakesItsOwnAnd() {
        Condition c = ConditionParser.parse(
                "contract = 'Two year' AND churn = 'Yes' or age between 30 and 45 and monthly_charges > 80");
        assertThat(c).isEqualTo(new Or(List.of(
                new And(List.of(
                        new Compare("contract", Op.EQ, new Literal("Two year", true)),
                        new Compare("churn", Op.EQ, new Literal("Yes", true)))),
                new And(List.of(
                        new Between("age", new Literal("30", false), new Literal("45", false)),
                        new Compare("monthly_charges", Op.GT, new Literal("80", false)))))));
    }

    @Test
    void quotedNamesAndLabelsUndoDoubledQuotes() {
        Condition c = ConditionParser.parse("\"monthly \"\"fee\"\"\" >= -1.5e2 and `capital-gain` <> 0"
                + " and name in ('O''Brien', Smith)");
        assertThat(c).isEqualTo(new And(List.of(
                new Compare("monthly \"fee\"", Op.GE, new Literal("-1.5e2", false)),
                new Compare("capital-gain", Op.NE, new Literal("0", false)),
                new In("name", List.of(new Literal("O'Brien", true), new Literal("Smith", false))))));
    }

    @Test
    void notInNotBetweenAndIsNotMissingAreNegations() {
        assertThat(ConditionParser.parse("x not in (1, 2)"))
                .isEqualTo(new Not(new In("x", List.of(new Literal("1", false), new Literal("2", false)))));
        assertThat(ConditionParser.parse("x NOT BETWEEN 2021-01-01 AND '2021-12-31'"))
                .isEqualTo(new Not(new Between("x", new Literal("2021-01-01", false), new Literal("2021-12-31", true))));
        assertThat(ConditionParser.parse("x is not null")).isEqualTo(new Not(new IsMissing("x")));
        assertThat(ConditionParser.parse("not (x is missing or x<=3)"))
                .isEqualTo(new Not(new Or(List.of(new IsMissing("x"), new Compare("x", Op.LE, new Literal("3", false))))));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                | the condition is empty",
        "x = 'abc                          | the quote at character 5 is not closed",
        "(x = 1                            | the '(' at character 1 is not closed",
        "x = 1)                            | unexpected ')' at character 6",
        "x = 1 y = 2                       | unexpected 'y' at character 7",
        "x >                               | expected a value ('quoted label', number or date) at character 4",
        "x ! 1                             | unexpected '!' at character 3",
        "capital-gain > 0                  | unexpected '-' at character 8",
        "x like 'a%'                       | expected an operator after column 'x' at character 3",
        "x between 1 or 2                  | expected 'and' in 'between ... and ...'",
        "x in 1, 2                         | expected '(' after 'in' at character 6",
        "x is empty                        | expected 'missing' after 'is'",
        "and = 1                           | expected a column name at character 1",
    })
    void malformedConditionsNameTheProblemAndItsPosition(String text, String message) {
        assertThatThrownBy(() -> ConditionParser.parse(text))
                .isInstanceOf(ConditionException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConditionException) e).part()).isEqualTo(ConditionException.Part.WHERE));
    }
}
