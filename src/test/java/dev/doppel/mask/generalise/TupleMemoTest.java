package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The flat tuple table finds what was put, tells tuples with equal hashes apart, and finds nothing else. */
class TupleMemoTest {
    @Test
    void findsEachTupleAndOnlyThose() {
        // "Aa" and "BB" have the same String hash code, so these tuples share their hash too
        String[][] tuples = {{"Aa", "x"}, {"BB", "x"}, {null, "x"}, {"Aa", null}, {null, null}, {"Bern", "CH"}};
        assertThat(Arrays.hashCode(tuples[0])).isEqualTo(Arrays.hashCode(tuples[1]));
        TupleMemo memo = new TupleMemo(tuples.length);
        for (int i = 0; i < tuples.length; i++) {
            memo.put(tuples[i].clone(), new String[] {"v" + i});
        }
        for (int i = 0; i < tuples.length; i++) {
            assertThat(memo.get(new String[] {tuples[i][0], tuples[i][1]})).containsExactly("v" + i);
        }
        assertThat(memo.get(new String[] {"Bern", "DE"})).isNull();
        assertThat(memo.get(new String[] {"BB", null})).isNull();
        assertThat(memo.size()).isEqualTo(tuples.length);
        memo.put(new String[] {"Bern", "CH"}, new String[] {"again"});
        assertThat(memo.get(new String[] {"Bern", "CH"})).containsExactly("again");
        assertThat(memo.size()).isEqualTo(tuples.length);
        assertThat(memo.toString()).doesNotContain("Bern");
        assertThat(memo.put(new String[] {"x".repeat(70_000), "CH"}, new String[] {"long"})).isFalse();
        assertThat(memo.get(new String[] {"x".repeat(70_000), "CH"})).isNull();
    }
}
