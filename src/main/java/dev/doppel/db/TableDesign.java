package dev.doppel.db;

import dev.doppel.model.CategoricalColumn;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.DerivedColumn;
import dev.doppel.model.EmptyColumn;
import dev.doppel.model.FakeColumn;
import dev.doppel.model.IdentifierColumn;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.TextColumn;
import dev.doppel.model.TextShape;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The table a model's output needs, column by column, derived from the model alone (its kinds, ranges, labels and
 * shapes), never from data:
 *
 * <ul>
 *   <li>whole numbers: INTEGER when the model's range fits 32 bits, else BIGINT;
 *   <li>decimals: NUMERIC(18, scale) at the column's scale when its range fits 18 digits, else DOUBLE PRECISION;
 *   <li>booleans: BOOLEAN; dates: DATE; date-times: TIMESTAMP, or TIMESTAMPTZ when the input carried offsets;
 *   <li>labels: VARCHAR(n), n the longest label; ids: VARCHAR(n), n their fixed length; free text: VARCHAR(n) from
 *       its shape, TEXT when no length is known (made-up personal data, masked text);
 *   <li>NOT NULL where the model never leaves a cell empty (computed columns stay nullable: a formula can be
 *       undefined).
 * </ul>
 *
 * @param columns the columns in output order
 */
public record TableDesign(List<SqlColumn> columns) {
    /** The largest NUMERIC precision used: 18 digits, as for Parquet's DECIMAL(18, s). */
    static final int PRECISION = 18;

    public TableDesign {
        columns = List.copyOf(columns);
    }

    /**
     * @param columns the model's output columns (after constraints), in order
     * @param rows rows the load writes: digit-only ids grow with the count
     */
    public static TableDesign of(List<ColumnModel> columns, long rows) {
        List<SqlColumn> out = new ArrayList<>(columns.size());
        for (ColumnModel m : columns) {
            out.add(column(m, rows));
        }
        return new TableDesign(out);
    }

    static SqlColumn column(ColumnModel m, long rows) {
        ColumnSpec spec = m.spec();
        double missing = m.missingShare();
        boolean nullable = !(missing <= 0) || m instanceof DerivedColumn || m instanceof EmptyColumn;
        double min = Double.NaN;
        double max = Double.NaN;
        if (m instanceof NumericColumn num) {
            min = num.min();
            max = num.max();
        }
        String name = spec.name();
        ColumnKind kind = spec.kind();
        return switch (kind) {
            case INTEGER -> {
                boolean small = m instanceof NumericColumn && min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE;
                yield new SqlColumn(name, kind, small ? SqlType.INTEGER : SqlType.BIGINT, 0, 0, 0, min, max, nullable,
                        missing);
            }
            case DECIMAL -> {
                int scale = spec.scale();
                boolean fixed = scale >= 0 && scale <= 15;
                if (fixed && m instanceof DerivedColumn) { // no range known: an unconstrained decimal at any size
                    yield new SqlColumn(name, kind, SqlType.NUMERIC, 0, 0, scale, min, max, nullable, missing);
                }
                boolean fits = fixed && !Double.isNaN(max)
                        && Math.max(Math.abs(min), Math.abs(max)) * Math.pow(10, scale) < 9e17;
                yield fits ? new SqlColumn(name, kind, SqlType.NUMERIC, 0, PRECISION, scale, min, max, nullable, missing)
                        : new SqlColumn(name, kind, SqlType.DOUBLE, 0, 0, scale, min, max, nullable, missing);
            }
            case BOOLEAN -> new SqlColumn(name, kind, SqlType.BOOLEAN, 0, 0, 0, min, max, nullable, missing);
            case DATE -> new SqlColumn(name, kind, SqlType.DATE, 0, 0, 0, min, max, nullable, missing);
            case DATETIME -> new SqlColumn(name, kind,
                    TemporalLayout.of(spec.layout(), true).zoned() ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP,
                    0, 0, 0, min, max, nullable, missing);
            case CATEGORICAL, IDENTIFIER, TEXT -> {
                int length = maxLength(m, rows);
                yield new SqlColumn(name, kind, length > 0 ? SqlType.VARCHAR : SqlType.TEXT, Math.max(0, length), 0, 0,
                        min, max, nullable, missing);
            }
            case EMPTY -> new SqlColumn(name, kind, SqlType.TEXT, 0, 0, 0, min, max, true, 1.0);
        };
    }

    /** The most characters a value of a text-like column can take; 0 when not known in advance. */
    static int maxLength(ColumnModel m, long rows) {
        if (m instanceof CategoricalColumn cat) {
            return Math.max(1, cat.marginal().labels().stream()
                    .mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(1));
        }
        if (m instanceof IdentifierColumn id) {
            if (id.shape() == null) { // counting up from start, zero-padded to width
                long last = id.start() + Math.max(0, rows - 1);
                return Math.max(id.width(), Long.toString(last).length());
            }
            return longest(id.shape());
        }
        if (m instanceof TextColumn text && text.shape() != null) {
            return longest(text.shape());
        }
        if (m instanceof FakeColumn) {
            return 0;
        }
        return 0;
    }

    private static int longest(TextShape shape) {
        return Math.max(1, shape.lengths().stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    /** CREATE TABLE for this design. */
    public String createSql(Engine engine, TableName table) {
        StringJoiner cols = new StringJoiner(", ", "CREATE TABLE " + table.sql(engine) + " (", ")");
        for (SqlColumn c : columns) {
            cols.add(c.definition(engine));
        }
        return cols.toString();
    }
}
