package dev.doppel.spark;

import dev.doppel.io.ParquetBatchWriter;
import dev.doppel.model.ColumnModel;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark SQL schema of a model's output columns, chosen as {@link ParquetBatchWriter} chooses Parquet types, so a
 * table generated on Spark has the schema Spark reads from a {@code doppel sample} Parquet file: whole numbers as
 * {@code long}, decimals as {@code decimal(18, scale)} (or {@code double} when they would not fit), booleans as
 * {@code boolean}, dates as {@code date}, date-times as {@code timestamp} when the input carried offsets and
 * {@code timestamp_ntz} when it did not, and labels, ids, text and empty columns as {@code string}. Every column is
 * nullable.
 */
public final class SparkSchema {
    private SparkSchema() {}

    /** The schema of rows with these columns, in this order (the model's output columns, after constraints). */
    public static StructType of(List<ColumnModel> columns) {
        StructField[] fields = new StructField[columns.size()];
        for (int c = 0; c < fields.length; c++) {
            ColumnModel m = columns.get(c);
            fields[c] = DataTypes.createStructField(m.name(), typeOf(m), true);
        }
        return DataTypes.createStructType(fields);
    }

    /** The Spark type of one column. */
    public static DataType typeOf(ColumnModel m) {
        ColumnSpec spec = m.spec();
        return switch (spec.kind()) {
            case INTEGER -> DataTypes.LongType;
            case DECIMAL -> ParquetBatchWriter.fitsDecimal18(m)
                    ? DataTypes.createDecimalType(18, spec.scale())
                    : DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case DATETIME -> TemporalLayout.of(spec.layout(), true).zoned()
                    ? DataTypes.TimestampType
                    : DataTypes.TimestampNTZType;
            case CATEGORICAL, IDENTIFIER, TEXT, EMPTY -> DataTypes.StringType;
        };
    }
}
