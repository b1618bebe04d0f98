package dev.doppel.io;

import dev.doppel.error.InputException;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file into a {@link RawTable}, turning each value into the text a CSV export would hold (ISO
 * dates and date-times, plain decimals), so inference and fitting work the same for both formats. Text cells are
 * treated as the CSV reader treats them: trimmed, and missing when blank or a missing marker (such as a string column
 * that holds " " for "no value"); the marker seen most is remembered, so CSV output writes missing cells the same way.
 */
public final class ParquetTableReader {
    private ParquetTableReader() {}

    /** Reads with the default missing markers. */
    public static RawTable read(Path file) {
        return read(file, ReadOptions.DEFAULTS);
    }

    public static RawTable read(Path file, ReadOptions options) {
        Set<String> markers = options.markerSet();
        String name = file.getFileName().toString();
        try (ParquetReader<Group> reader = new GroupBuilder(new LocalInputFile(file), new PlainParquetConfiguration()).build()) {
            List<String> names = new ArrayList<>();
            List<String[]> columns = new ArrayList<>();
            List<Map<String, Integer>> rawMarkers = new ArrayList<>(); // per column: missing spellings and counts
            GroupType schema = null;
            int rows = 0;
            Group g;
            while ((g = reader.read()) != null) {
                if (schema == null) {
                    schema = g.getType();
                    for (Type t : schema.getFields()) {
                        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                            throw new InputException(name + ": column '" + t.getName()
                                    + "' is nested or repeated; only flat tables are supported");
                        }
                        names.add(t.getName());
                        columns.add(new String[1024]);
                        rawMarkers.add(new HashMap<>());
                    }
                }
                if (rows == columns.get(0).length) {
                    for (int c = 0; c < columns.size(); c++) {
                        columns.set(c, Arrays.copyOf(columns.get(c), rows * 2));
                    }
                }
                for (int c = 0; c < names.size(); c++) {
                    String value = null;
                    if (g.getFieldRepetitionCount(c) == 0) {
                        countMarker(rawMarkers.get(c), "");
                    } else {
                        PrimitiveType type = schema.getType(c).asPrimitiveType();
                        value = text(g, c, type);
                        if (isText(type)) {
                            String trimmed = value.trim();
                            if (trimmed.isEmpty() || markers.contains(trimmed.toLowerCase(Locale.ROOT))) {
                                countMarker(rawMarkers.get(c), trimmed.isEmpty() ? value : trimmed);
                                trimmed = null;
                            }
                            value = trimmed;
                        }
                    }
                    columns.get(c)[rows] = value;
                }
                rows++;
            }
            if (schema == null || rows == 0) {
                throw new InputException(name + ": the Parquet file has no rows");
            }
            List<String> commonMarkers = new ArrayList<>();
            int[] lines = new int[rows];
            for (int c = 0; c < columns.size(); c++) {
                String[] col = Arrays.copyOf(columns.get(c), rows);
                stripZeroFractions(col);
                columns.set(c, col);
                commonMarkers.add(rawMarkers.get(c).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey)
                        .orElse(""));
            }
            for (int i = 0; i < rows; i++) {
                lines[i] = i + 1;
            }
            return new RawTable(name, names, columns, commonMarkers, FileDialect.RFC4180, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(name + ": not a readable Parquet file (" + e.getClass().getSimpleName() + ")");
        }
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
                    return String.format(java.util.Locale.ROOT, "%1$tF %1$tT.%2$06d", t, t.getNano() / 1000);
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

    private static void countMarker(Map<String, Integer> markers, String marker) {
        if (markers.size() < 16 || markers.containsKey(marker)) {
            markers.merge(marker, 1, Integer::sum);
        }
    }

    /** Date-times that never have a fraction of a second lose the ".000000". */
    private static void stripZeroFractions(String[] col) {
        for (String s : col) {
            if (s != null && !(s.length() == 26 && s.endsWith(".000000") && s.charAt(10) == ' ')) {
                return;
            }
        }
        for (int i = 0; i < col.length; i++) {
            if (col[i] != null) {
                col[i] = col[i].substring(0, 19);
            }
        }
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
