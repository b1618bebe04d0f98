package dev.doppel.generate.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void closedEndsAreHalfOpenIntervalsEndingJustAboveTheBound() {
        Ranges r = Ranges.closed(30, 45);
        assertThat(r.contains(30)).isTrue();
        assertThat(r.contains(45)).isTrue();
        assertThat(r.contains(Math.nextUp(45.0))).isFalse();
        assertThat(r.contains(Math.nextDown(30.0))).isFalse();
        assertThat(Ranges.above(80).contains(80)).isFalse();
        assertThat(Ranges.above(80).contains(80.01)).isTrue();
        assertThat(Ranges.point(0).contains(-0.0)).isTrue();
        assertThat(Ranges.closed(45, 30).isEmpty()).isTrue();
    }

    @Test
    void unionIntersectionAndComplementAreSetAlgebra() {
        Ranges a = Ranges.closed(0, 10).union(Ranges.closed(20, 30));
        Ranges b = Ranges.closed(5, 25);
        Ranges both = a.intersect(b);
        assertThat(both.size()).isEqualTo(2);
        assertThat(both.contains(7)).isTrue();
        assertThat(both.contains(15)).isFalse();
        assertThat(both.contains(22)).isTrue();
        Ranges not = a.complement();
        for (double x : new double[] {-1e300, -1, 0, 5, 10, 10.5, 20, 30, 31, 1e300}) {
            assertThat(not.contains(x)).as("x = " + x).isEqualTo(!a.contains(x));
            assertThat(a.union(b).contains(x)).as("x = " + x).isEqualTo(a.contains(x) || b.contains(x));
        }
        assertThat(Ranges.point(5).complement().complement()).isEqualTo(Ranges.point(5));
        assertThat(Ranges.NONE.complement().isAll()).isTrue();
        assertThat(Ranges.closed(0, 10).union(Ranges.closed(Math.nextUp(10.0), 20))).isEqualTo(Ranges.closed(0, 20));
    }
}
