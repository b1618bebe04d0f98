package dev.doppel.io;

import dev.doppel.error.InputException;
import dev.doppel.table.FileDialect;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams a flat Parquet file row by row, turning each value into the text a CSV export would hold (ISO dates and
 * date-times, plain decimals), so inference and fitting work the same for both formats. Text cells are treated as the
 * CSV reader treats them ({@link MissingCells}): trimmed, and missing when blank or a missing marker. A Parquet null is
 * missing too. Date-time columns that never have a fraction of a second are written without ".000000"; to know that
 * before the first row, opening reads those columns (and only those) once ahead.
 */
final class ParquetRowReader implements RowReader {
    private final String name;
    private final ParquetReader<Group> reader;
    private final MessageType schema;
    private final List<String> names;
    private final boolean[] text;
    private final boolean[] wholeSeconds;
    private final MissingCells missing;
    private final String[] row;
    private int rows;
    private boolean closed;

    private ParquetRowReader(String name, ParquetReader<Group> reader, MessageType schema, boolean[] wholeSeconds,
            ReadOptions options) {
        this.name = name;
        this.reader = reader;
        this.schema = schema;
        this.wholeSeconds = wholeSeconds;
        List<String> columnNames = new ArrayList<>();
        this.text = new boolean[schema.getFieldCount()];
        for (int c = 0; c < text.length; c++) {
            columnNames.add(schema.getType(c).getName());
            text[c] = isText(schema.getType(c).asPrimitiveType());
        }
        this.names = List.copyOf(columnNames);
        this.missing = new MissingCells(options.markerSet(), names.size());
        this.row = new String[names.size()];
    }

    /**
     * Opens the file and reads its schema.
     *
     * @throws InputException when the file is not readable Parquet, has no rows or has nested or repeated columns
     */
    static ParquetRowReader open(Path file, ReadOptions options) {
        String name = file.getFileName().toString();
        try {
            InputFile input = new LocalInputFile(file);
            MessageType schema;
            long count;
            try (ParquetFileReader footer = ParquetFileReader.open(input)) {
                schema = footer.getFooter().getFileMetaData().getSchema();
                count = footer.getRecordCount();
            }
            if (count == 0 || schema.getFieldCount() == 0) {
                throw new InputException(name + ": the Parquet file has no rows");
            }
            for (Type t : schema.getFields()) {
                if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                    throw new InputException(name + ": column '" + t.getName()
                            + "' is nested or repeated; only flat tables are supported");
                }
            }
            boolean[] wholeSeconds = wholeSecondColumns(input, schema);
            ParquetReader<Group> reader = new GroupBuilder(input, new PlainParquetConfiguration()).build();
            return new ParquetRowReader(name, reader, schema, wholeSeconds, options);
        } catch (IOException | RuntimeException e) {
            throw unreadable(name, e);
        }
    }

    private static InputException unreadable(String name, Exception e) {
        if (e instanceof InputException ie) {
            return ie;
        }
        return new InputException(name + ": not a readable Parquet file (" + e.getClass().getSimpleName() + ")");
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public FileDialect dialect() {
        return FileDialect.RFC4180;
    }

    @Override
    public String[] next() {
        if (closed) {
            return null;
        }
        Group g;
        try {
            g = reader.read();
            if (g == null) {
                return null;
            }
            for (int c = 0; c < row.length; c++) {
                if (g.getFieldRepetitionCount(c) == 0) {
                    row[c] = missing.absent(c);
                } else {
                    String value = text(g, c, schema.getType(c).asPrimitiveType());
                    if (text[c]) {
                        value = missing.text(c, value, false);
                    } else if (wholeSeconds[c]) {
                        value = value.substring(0, 19);
                    }
                    row[c] = value;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(name, e);
        }
        rows++;
        return row;
    }

    @Override
    public int line() {
        return rows;
    }

    @Override
    public String source() {
        return name;
    }

    @Override
    public List<String> missingMarkers() {
        return missing.mostUsed();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            reader.close();
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    @Override
    public String toString() {
        return "ParquetRowReader[" + name + "]"; // never cells
    }

    /**
     * Per column, whether it is a date-time column whose every value falls on a whole second, found by reading the
     * date-time columns alone, up to the first value with a fraction in each.
     */
    private static boolean[] wholeSecondColumns(InputFile input, MessageType schema) throws IOException {
        boolean[] whole = new boolean[schema.getFieldCount()];
        List<Type> timestamps = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int c = 0; c < whole.length; c++) {
            PrimitiveType type = schema.getType(c).asPrimitiveType();
            if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64
                    && type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                timestamps.add(type);
                index.add(c);
                whole[c] = true;
            }
        }
        if (timestamps.isEmpty()) {
            return whole;
        }
        MessageType projection = new MessageType(schema.getName(), timestamps);
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set(ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        int undecided = timestamps.size();
        try (ParquetReader<Group> reader = new GroupBuilder(input, conf).build()) {
            Group g;
            while (undecided > 0 && (g = reader.read()) != null) {
                for (int p = 0; p < timestamps.size(); p++) {
                    int c = index.get(p);
                    if (whole[c] && g.getFieldRepetitionCount(p) > 0
                            && !isWholeSecond(text(g, p, timestamps.get(p).asPrimitiveType()))) {
                        whole[c] = false;
                        undecided--;
                    }
                }
            }
        }
        return whole;
    }

    /** A date-time as {@link #text} writes it, with a fraction of zero. */
    private static boolean isWholeSecond(String s) {
        return s.length() == 26 && s.endsWith(".000000") && s.charAt(10) == ' ';
    }

    private static String text(Group g, int c, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return Boolean.toString(g.getBoolean(c, 0));
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return LocalDate.ofEpochDay(g.getInteger(c, 0)).toString();
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(g.getInteger(c, 0), d.getScale()).toPlainString();
                }
                return Integer.toString(g.getInteger(c, 0));
            case INT64:
                long v = g.getLong(c, 0);
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return BigDecimal.valueOf(v, d.getScale()).toPlainString();
                }
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    long micros = switch (ts.getUnit()) {
                        case MILLIS -> v * 1000;
                        case MICROS -> v;
                        case NANOS -> v / 1000;
                    };
                    LocalDateTime t = LocalDateTime.ofEpochSecond(
                            Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
                    return String.format(Locale.ROOT, "%1$tF %1$tT.%2$06d", t, t.getNano() / 1000);
                }
                return Long.toString(v);
            case FLOAT:
                return Float.toString(g.getFloat(c, 0));
            case DOUBLE:
                return Double.toString(g.getDouble(c, 0));
            case FIXED_LEN_BYTE_ARRAY:
            case BINARY:
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return new BigDecimal(new BigInteger(g.getBinary(c, 0).getBytes()), d.getScale()).toPlainString();
                }
                return g.getBinary(c, 0).toStringUsingUTF8();
            case INT96:
            default:
                throw new InputException("column '" + type.getName() + "' has an unsupported Parquet type");
        }
    }

    /** Strings (not decimals stored as bytes): the cells a CSV would hold as free text. */
    private static boolean isText(PrimitiveType type) {
        PrimitiveType.PrimitiveTypeName p = type.getPrimitiveTypeName();
        return (p == PrimitiveType.PrimitiveTypeName.BINARY || p == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                && !(type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation);
    }

    private static final class GroupBuilder extends ParquetReader.Builder<Group> {
        GroupBuilder(InputFile file, ParquetConfiguration conf) {
            super(file, conf);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
