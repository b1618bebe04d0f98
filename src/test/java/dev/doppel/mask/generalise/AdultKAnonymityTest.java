package dev.doppel.mask.generalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 3's test: after masking adult.csv with k on age, sex, race and native-country, every combination appears at
 * least k times, counted here independently of the plan.
 */
class AdultKAnonymityTest {

    @ParameterizedTest(name = "k={0}, share={1}")
    @CsvSource({"5, 0.01", "10, 0.01", "5, 0", "10, 0.05"})
    void everyCombinationAppearsAtLeastKTimes(int k, double share) {
        String[][] columns = AdultQis.load();
        int n = columns[0].length;
        assertThat(n).isEqualTo(32561);
        assertThat(Classes.smallest(columns)).as("the raw data is not k-anonymous").isEqualTo(1);

        KAnonymity counter = KAnonymity.counter(AdultQis.hierarchies());
        counter.addColumns(columns);
        KAnonymityPlan plan = counter.solve(k, share);
        String[][] out = plan.applyColumns(columns);

        Map<List<String>, Integer> classes = Classes.count(out);
        int smallest = Classes.smallest(out);
        System.out.printf(Locale.ROOT, "adult k=%d share=%.2f: levels %s %s, %d of %d rows and %d cells suppressed, "
                        + "%d classes, smallest %d, loss %.3f%n",
                k, share, AdultQis.NAMES, plan.describeLevels(), plan.suppressedRows(), n, plan.suppressedCells(),
                classes.size(), smallest, plan.informationLoss());

        assertThat(smallest).isGreaterThanOrEqualTo(k).isEqualTo(plan.kReached());
        assertThat(plan.suppressedRows()).isLessThanOrEqualTo((long) Math.floor(share * n));
        assertThat(plan.optimal()).isTrue();
        assertThat(countSuppressedCells(columns, out)).isEqualTo(plan.suppressedCells());
    }

    private static long countSuppressedCells(String[][] in, String[][] out) {
        long cells = 0;
        for (int q = 0; q < in.length; q++) {
            for (int r = 0; r < in[q].length; r++) {
                if (in[q][r] != null && out[q][r] == null) {
                    cells++;
                }
            }
        }
        return cells;
    }
}
