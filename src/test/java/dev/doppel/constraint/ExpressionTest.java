package dev.doppel.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpressionTest {
    @Test
    void precedenceParenthesesAndUnaryMinusAreTheUsualOnes() {
        Expression x = Expression.parse("a + b * c - (a - b) / 2 + -c");
        assertThat(x.variables()).containsExactly("a", "b", "c");
        // 3 + 4 * 5 - (3 - 4) / 2 - 5 = 3 + 20 + 0.5 - 5
        assertThat(x.evaluate(new double[] {3, 4, 5})).isEqualTo(18.5);
        assertThat(Expression.parse("2 * 3e2 + .5").evaluate(new double[0])).isEqualTo(600.5);
    }

    @Test
    void namesWithSpacesGoInBackticksAndRepeatsShareOneInput() {
        Expression x = Expression.parse("`Total day minutes` + `Total eve minutes` * monthly.fee + `Total day minutes`");
        assertThat(x.variables()).containsExactly("Total day minutes", "Total eve minutes", "monthly.fee");
        assertThat(x.evaluate(new double[] {1, 2, 3})).isEqualTo(8);
    }

    @Test
    void missingInputsAndDivisionByZeroAreNotFinite() {
        Expression x = Expression.parse("a / b");
        assertThat(x.evaluate(new double[] {1, 0})).isInfinite();
        assertThat(x.evaluate(new double[] {Double.NaN, 2})).isNaN();
    }

    @Test
    void malformedExpressionsSayWhereTheyBreak() {
        assertThatThrownBy(() -> Expression.parse("a * (b + c")).hasMessageContaining("')' is missing");
        assertThatThrownBy(() -> Expression.parse("a * ")).hasMessageContaining("ends where");
        assertThatThrownBy(() -> Expression.parse("a $ b")).hasMessageContaining("unexpected '$' at character 3");
        assertThatThrownBy(() -> Expression.parse("Total day minutes * 2")).hasMessageContaining("unexpected 'd'");
        assertThatThrownBy(() -> Expression.parse("`a")).hasMessageContaining("backticks");
        assertThatThrownBy(() -> Expression.parse("  ")).hasMessageContaining("empty");
    }
}
