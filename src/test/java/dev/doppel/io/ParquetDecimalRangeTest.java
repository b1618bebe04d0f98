package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.model.NumericColumn;
import dev.doppel.model.QuantileMarginal;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import org.junit.jupiter.api.Test;

/** Decimals go to DECIMAL(18, scale) only when every value the model can produce fits; otherwise DOUBLE, not overflow. */
class ParquetDecimalRangeTest {
    private static NumericColumn decimal(double min, double max, int scale) {
        return new NumericColumn(ColumnSpec.of("amount", ColumnKind.DECIMAL).withScale(scale), 0, null,
                new QuantileMarginal(new double[] {0, 1}, new double[] {min, max}));
    }

    @Test
    void ordinaryAmountsAreDecimals() {
        assertThat(ParquetBatchWriter.fitsDecimal18(decimal(-5_000, 1e9, 2))).isTrue();
        assertThat(ParquetBatchWriter.schemaOf(java.util.List.of(decimal(0, 100, 2))).toString()).contains("DECIMAL(18,2)");
    }

    @Test
    void amountsBeyondEighteenDigitsBecomeDoubles() {
        NumericColumn huge = decimal(1e17, 9e17, 2);
        assertThat(ParquetBatchWriter.fitsDecimal18(huge)).isFalse();
        assertThat(ParquetBatchWriter.schemaOf(java.util.List.of(huge)).toString()).contains("double amount");
    }
}
