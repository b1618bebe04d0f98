package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.EncodedTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void standardisesNumbersWithTheRealMeanAndDeviation() {
        Tables real = new Tables().number("n", new double[] {1, 2, 3, 4, 5});
        Tables synth = new Tables().number("n", new double[] {3, 6, 9});
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), synth.raw("synth"));
        Features f = Features.fit(t[0], List.of(t[1]), -1);
        assertThat(f.width()).isEqualTo(2); // intercept, value; nobody misses a cell, so no indicator
        DesignMatrix x = f.matrix(t[1]);
        double sd = Math.sqrt(2.5);
        assertThat(x.get(0, 0)).isEqualTo(1.0);
        assertThat(x.get(1, 1)).isCloseTo(3 / sd, within(1e-12));
        assertThat(f.matrix(t[0]).get(2, 1)).isEqualTo(0.0);
    }

    @Test
    void addsAMissingIndicatorWhenAnyTableMissesACell() {
        Tables real = new Tables().number("n", new double[] {1, 2, 3}).label("l", new String[] {"a", "b", "a"});
        Tables synth = new Tables().number("n", new double[] {Double.NaN, 2, 3}).label("l", new String[] {"a", null, "b"});
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), synth.raw("synth"));
        Features f = Features.fit(t[0], List.of(t[1]), -1);
        // intercept, n, n missing, l=b (a is the reference), l missing
        assertThat(f.width()).isEqualTo(5);
        DesignMatrix x = f.matrix(t[1]);
        assertThat(x.get(0, 1)).isEqualTo(0.0);
        assertThat(x.get(0, 2)).isEqualTo(1.0);
        assertThat(x.get(1, 2)).isEqualTo(0.0);
        assertThat(x.get(1, 4)).isEqualTo(1.0);
        assertThat(x.get(2, 3)).isEqualTo(1.0);
        assertThat(Features.fit(t[0], List.of(), -1).width()).isEqualTo(3);
    }

    @Test
    void oneHotDropsTheMostFrequentLabelAndZeroesUnseenOnes() {
        Tables real = new Tables().label("l", new String[] {"x", "y", "y", "z", "y"});
        Tables synth = new Tables().label("l", new String[] {"y", "x", "new", "z"});
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"), synth.raw("synth"));
        Features f = Features.fit(t[0], List.of(t[1]), -1);
        assertThat(f.width()).isEqualTo(3); // intercept, x, z (ties in count go to the label seen first)
        DesignMatrix x = f.matrix(t[1]);
        assertThat(new double[] {x.get(0, 1), x.get(0, 2)}).containsExactly(0, 0); // y: the reference
        assertThat(new double[] {x.get(1, 1), x.get(1, 2)}).containsExactly(1, 0);
        assertThat(new double[] {x.get(2, 1), x.get(2, 2)}).containsExactly(0, 0); // unseen in real
        assertThat(new double[] {x.get(3, 1), x.get(3, 2)}).containsExactly(0, 1);
    }

    @Test
    void poolsLabelsBeyondTheThirtyMostFrequent() {
        String[] cells = new String[100 * 41 / 2 * 0 + 820];
        int i = 0;
        for (int label = 0; label < 40; label++) { // label k appears 40 - k + 1 times... at least once
            for (int r = 0; r <= 40 - label && i < cells.length; r++) {
                cells[i++] = "L" + label;
            }
        }
        while (i < cells.length) {
            cells[i++] = "L0";
        }
        Tables real = new Tables().label("l", cells).number("n", new double[cells.length]);
        EncodedTable[] t = Tables.encode(real.specs(), real.raw("real"));
        Features f = Features.fit(t[0], List.of(), -1);
        // intercept + 29 own levels + 1 pooled level (10 rarest labels) + n
        assertThat(f.width()).isEqualTo(1 + 29 + 1 + 1);
        assertThat(Features.fit(t[0], List.of(), 0).width()).isEqualTo(2); // the label column left out
    }
}
