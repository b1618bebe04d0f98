package dev.doppel.mask.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PseudonymMemoTest {
    private static final Pseudonymiser PSEUDONYMS =
            Pseudonymiser.of(PseudonymKey.ofBytes(PseudonymKeyTest.randomBytes(32, 5)), "memo-test");

    /** Counts the calls of the pseudonym function. */
    private static final class Counted implements UnaryOperator<String> {
        final AtomicLong calls = new AtomicLong();

        @Override
        public String apply(String v) {
            calls.incrementAndGet();
            return PSEUDONYMS.token(v);
        }
    }

    @Test
    void answersWhatTheFunctionAnswersForRepeatedAndUniqueValues() {
        Counted f = new Counted();
        PseudonymMemo memo = new PseudonymMemo(f);
        SplittableRandom rnd = new SplittableRandom(3);
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            repeated.add("C" + (100_000 + i));
        }
        // twice as many lookups as the memo holds entries: half repeated values, half ids never met again
        int lookups = 2 * PseudonymMemo.SETS * PseudonymMemo.WAYS;
        for (int i = 0; i < lookups; i++) {
            String v = i % 2 == 0 ? repeated.get(rnd.nextInt(repeated.size())) : "U" + (1_000_000 + i);
            // a fresh string each time, as parsing makes them: the memo compares contents, not identity
            assertThat(memo.of(new String(v))).isEqualTo(PSEUDONYMS.token(v));
        }
        assertThat(memo.hits() + memo.misses()).isEqualTo(lookups);
        assertThat(f.calls.get()).isEqualTo(memo.misses());
        // the unique half always misses; the 500 repeated values are made once each, give or take a few set overflows
        assertThat(memo.misses()).isBetween((long) lookups / 2 + 500, (long) lookups / 2 + 600);
    }

    @Test
    void valuesMetOftenStayWhileUniqueValuesStreamPast() {
        Counted f = new Counted();
        PseudonymMemo memo = new PseudonymMemo(f);
        String often = "Acme Ltd";
        memo.of(often);
        // many times the memo's capacity of values met once: they take turns in the last way of each set
        for (int i = 0; i < 10 * PseudonymMemo.SETS * PseudonymMemo.WAYS; i++) {
            memo.of("id-" + i);
            if (i % 97 == 0) {
                memo.of(often);
            }
        }
        long before = f.calls.get();
        assertThat(memo.of(new String(often))).isEqualTo(PSEUDONYMS.token(often));
        assertThat(f.calls.get()).isEqualTo(before);
    }

    @Test
    void printsCountsOnly() {
        PseudonymMemo memo = new PseudonymMemo(new Counted());
        memo.of("Jane Doe");
        assertThat(memo.toString()).doesNotContain("Jane").contains("1 misses");
    }
}
