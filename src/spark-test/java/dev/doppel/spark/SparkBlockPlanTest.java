package dev.doppel.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.pipeline.SampleRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blocks and their runs per partition: every block exactly once, in order, runs as even as whole blocks allow. */
class SparkBlockPlanTest {
    @ParameterizedTest
    @CsvSource({"0, 3", "1, 1", "8192, 2", "8193, 2", "70000, 2", "70000, 8", "70000, 13", "1000000, 7"})
    void slicesCoverEveryBlockOnceInOrder(long rows, int partitions) {
        BlockPlan plan = BlockPlan.of(rows);
        assertThat(plan.blockRows()).isEqualTo(SampleRequest.BATCH_ROWS);
        List<BlockPlan.Slice> slices = plan.slices(partitions);
        assertThat(slices).hasSize(partitions);
        long next = 0;
        long rowsSeen = 0;
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (BlockPlan.Slice s : slices) {
            assertThat(s.first()).isEqualTo(next);
            assertThat(s.end()).isGreaterThanOrEqualTo(s.first());
            for (long b = s.first(); b < s.end(); b++) {
                assertThat(plan.firstRow(b)).isEqualTo(rowsSeen);
                rowsSeen += plan.rowsOf(b);
            }
            smallest = Math.min(smallest, s.end() - s.first());
            largest = Math.max(largest, s.end() - s.first());
            next = s.end();
        }
        assertThat(next).isEqualTo(plan.blocks());
        assertThat(rowsSeen).isEqualTo(rows);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"70000, 9, 4464", "8192, 1, 8192", "8193, 2, 1"})
    void theLastBlockHoldsTheRemainder(long rows, long blocks, int last) {
        BlockPlan plan = BlockPlan.of(rows);
        assertThat(plan.blocks()).isEqualTo(blocks);
        assertThat(plan.rowsOf(blocks - 1)).isEqualTo(last);
    }
}
