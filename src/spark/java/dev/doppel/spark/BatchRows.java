package dev.doppel.spark;

import dev.doppel.generate.Batch;
import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.TemporalLayout;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads the rows of a completed {@link Batch} as Spark {@link Row}s of {@link SparkSchema}'s types, converting each
 * cell as {@link ParquetBatchWriter} writes it: whole numbers truncated to {@code Long}, decimals rounded to their
 * scale ({@code BigDecimal}, or {@code Double} when they do not fit 18 digits), dates rounded to their day
 * ({@code LocalDate}), date-times rounded to the microsecond ({@code Instant} when zoned, else {@code LocalDateTime}),
 * label codes to their label, boolean codes to {@code Boolean}. Missing cells are null. Immutable.
 */
final class BatchRows {
    /** How one column's cell is read. */
    @FunctionalInterface
    private interface Cell {
        Object read(Batch batch, int row);
    }

    private final Cell[] cells;

    /** @param columns the columns the batch is laid out as (the constraint layer's output columns) */
    BatchRows(List<ColumnModel> columns) {
        cells = new Cell[columns.size()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = cell(columns.get(c), c);
        }
    }

    /** Row {@code row} of {@code batch} as a new Spark row. */
    Row row(Batch batch, int row) {
        Object[] values = new Object[cells.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = cells[c].read(batch, row);
        }
        return RowFactory.create(values);
    }

    private static Cell cell(ColumnModel m, int c) {
        ColumnKind kind = m.spec().kind();
        switch (kind) {
            case INTEGER:
                return (b, r) -> present(b.numbers(c)[r]) ? (Object) (long) b.numbers(c)[r] : null;
            case DECIMAL: {
                if (!ParquetBatchWriter.fitsDecimal18(m)) {
                    return (b, r) -> present(b.numbers(c)[r]) ? (Object) b.numbers(c)[r] : null;
                }
                int scale = m.spec().scale();
                double factor = Math.pow(10, scale);
                return (b, r) -> present(b.numbers(c)[r])
                        ? BigDecimal.valueOf(Math.round(b.numbers(c)[r] * factor), scale)
                        : null;
            }
            case DATE:
                return (b, r) -> present(b.numbers(c)[r]) ? LocalDate.ofEpochDay((int) Math.round(b.numbers(c)[r])) : null;
            case DATETIME: {
                boolean zoned = TemporalLayout.of(m.spec().layout(), true).zoned();
                return (b, r) -> {
                    double v = b.numbers(c)[r];
                    if (!present(v)) {
                        return null;
                    }
                    long micros = Math.round(v * 1e6);
                    long seconds = Math.floorDiv(micros, 1_000_000L);
                    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
                    return zoned
                            ? Instant.ofEpochSecond(seconds, nanos)
                            : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
                };
            }
            case BOOLEAN:
                return (b, r) -> {
                    int code = b.codes(c)[r];
                    return code < 0 ? null : (Object) (code == 1); // labels are [false, true]
                };
            case CATEGORICAL: {
                if (!(m instanceof CategoricalColumn cat)) {
                    throw new IllegalArgumentException("column '" + m.name() + "' is categorical but has no labels");
                }
                String[] labels = cat.marginal().labels().toArray(new String[0]);
                return (b, r) -> {
                    int code = b.codes(c)[r];
                    return code < 0 ? null : labels[code];
                };
            }
            case IDENTIFIER, TEXT:
                return (b, r) -> b.strings(c)[r];
            case EMPTY:
                return (b, r) -> null;
            default:
                throw new AssertionError(kind);
        }
    }

    private static boolean present(double v) {
        return !Double.isNaN(v);
    }
}
