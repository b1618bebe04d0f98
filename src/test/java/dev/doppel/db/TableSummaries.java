package dev.doppel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.doppel.model.ColumnModel;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-column summaries of a table, computed twice independently: in SQL by the database that holds the rows, and in
 * Java from a CSV file of the same sample (read with FastCSV, in the model's spellings). Numbers: present and empty
 * counts, min, max, sum; dates and date-times: counts, min, max (as epoch days/seconds) and distinct values; booleans
 * and labels: the count of every value; ids and text: counts, distinct values, shortest and longest length.
 */
final class TableSummaries {
    private TableSummaries() {}

    /** One column's summary; fields that do not apply to its kind are 0 or null. */
    record Summary(long present, long nulls, double min, double max, double sum, long distinct, long minLength,
            long maxLength, Map<String, Long> counts) {}

    static Map<String, Summary> ofTable(Connection c, String table, List<ColumnModel> columns) throws SQLException {
        Map<String, Summary> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            long total;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                total = rs.getLong(1);
            }
            for (ColumnModel m : columns) {
                ColumnSpec spec = m.spec();
                String col = '"' + spec.name() + '"';
                Summary summary = switch (spec.kind()) {
                    case INTEGER, DECIMAL -> {
                        try (ResultSet rs = s.executeQuery(
                                "SELECT count(" + col + "), min(" + col + "), max(" + col + "), sum(" + col + ") FROM " + table)) {
                            rs.next();
                            long n = rs.getLong(1);
                            yield new Summary(n, total - n, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), 0, 0, 0, null);
                        }
                    }
                    case DATE, DATETIME -> {
                        try (ResultSet rs = s.executeQuery("SELECT count(" + col + "), min(" + col + "), max(" + col
                                + "), count(DISTINCT " + col + ") FROM " + table)) {
                            rs.next();
                            long n = rs.getLong(1);
                            boolean dt = spec.kind() == ColumnKind.DATETIME;
                            yield new Summary(n, total - n, sqlTemporal(rs.getString(2), dt), sqlTemporal(rs.getString(3), dt),
                                    0, rs.getLong(4), 0, 0, null);
                        }
                    }
                    case BOOLEAN, CATEGORICAL -> {
                        Map<String, Long> counts = new TreeMap<>();
                        long n = 0;
                        String value = spec.kind() == ColumnKind.BOOLEAN
                                ? "CASE WHEN " + col + " IS NULL THEN NULL WHEN " + col + " THEN 'true' ELSE 'false' END"
                                : col;
                        try (ResultSet rs = s.executeQuery(
                                "SELECT " + value + ", count(*) FROM " + table + " GROUP BY 1")) {
                            while (rs.next()) {
                                String v = rs.getString(1);
                                if (v != null) {
                                    counts.put(v, rs.getLong(2));
                                    n += rs.getLong(2);
                                }
                            }
                        }
                        yield new Summary(n, total - n, 0, 0, 0, counts.size(), 0, 0, counts);
                    }
                    case IDENTIFIER, TEXT -> {
                        try (ResultSet rs = s.executeQuery("SELECT count(" + col + "), count(DISTINCT " + col
                                + "), min(length(" + col + ")), max(length(" + col + ")) FROM " + table)) {
                            rs.next();
                            long n = rs.getLong(1);
                            yield new Summary(n, total - n, 0, 0, 0, rs.getLong(2), rs.getLong(3), rs.getLong(4), null);
                        }
                    }
                    case EMPTY -> new Summary(0, total, 0, 0, 0, 0, 0, 0, null);
                };
                out.put(spec.name(), summary);
            }
        }
        return out;
    }

    /** A date or timestamp as the database prints it, as epoch days or seconds. */
    private static double sqlTemporal(String text, boolean dateTime) {
        if (text == null) {
            return 0;
        }
        if (!dateTime) {
            return LocalDate.parse(text.substring(0, 10)).toEpochDay();
        }
        String t = text.replace(' ', 'T').replaceAll("(Z|[+-]\\d\\d(:?\\d\\d)?)$", "");
        LocalDateTime ldt = LocalDateTime.parse(t);
        return ldt.toEpochSecond(ZoneOffset.UTC) + ldt.getNano() / 1e9;
    }

    static Map<String, Summary> ofCsv(Path csv, List<ColumnModel> columns, char delimiter) throws IOException {
        int n = columns.size();
        long[] present = new long[n];
        long[] nulls = new long[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] sum = new double[n];
        long[] minLength = new long[n];
        long[] maxLength = new long[n];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(minLength, Long.MAX_VALUE);
        List<Map<String, Long>> counts = new java.util.ArrayList<>();
        List<Set<String>> distinct = new java.util.ArrayList<>();
        TemporalLayout[] layouts = new TemporalLayout[n];
        for (int c = 0; c < n; c++) {
            ColumnSpec spec = columns.get(c).spec();
            counts.add(new TreeMap<>());
            distinct.add(new HashSet<>());
            if (spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME) {
                layouts[c] = TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
            }
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter)
                .ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    ColumnSpec spec = columns.get(c).spec();
                    String cell = record.getField(c);
                    if (cell.equals(spec.missing()) || spec.kind() == ColumnKind.EMPTY) {
                        nulls[c]++;
                        continue;
                    }
                    present[c]++;
                    switch (spec.kind()) {
                        case INTEGER, DECIMAL -> {
                            double v = Double.parseDouble(cell);
                            min[c] = Math.min(min[c], v);
                            max[c] = Math.max(max[c], v);
                            sum[c] += v;
                        }
                        case DATE, DATETIME -> {
                            double v = layouts[c].toNumber(cell);
                            min[c] = Math.min(min[c], v);
                            max[c] = Math.max(max[c], v);
                            distinct.get(c).add(cell);
                        }
                        case BOOLEAN -> counts.get(c).merge(cell.equals(spec.trueValue()) ? "true" : "false", 1L, Long::sum);
                        case CATEGORICAL -> counts.get(c).merge(cell, 1L, Long::sum);
                        case IDENTIFIER, TEXT -> {
                            distinct.get(c).add(cell);
                            long len = cell.codePointCount(0, cell.length());
                            minLength[c] = Math.min(minLength[c], len);
                            maxLength[c] = Math.max(maxLength[c], len);
                        }
                        case EMPTY -> { }
                    }
                }
            }
        }
        Map<String, Summary> out = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            ColumnSpec spec = columns.get(c).spec();
            boolean none = present[c] == 0;
            out.put(spec.name(), switch (spec.kind()) {
                case INTEGER, DECIMAL -> new Summary(present[c], nulls[c], none ? 0 : min[c], none ? 0 : max[c], sum[c],
                        0, 0, 0, null);
                case DATE, DATETIME -> new Summary(present[c], nulls[c], none ? 0 : min[c], none ? 0 : max[c], 0,
                        distinct.get(c).size(), 0, 0, null);
                case BOOLEAN, CATEGORICAL -> new Summary(present[c], nulls[c], 0, 0, 0, counts.get(c).size(), 0, 0,
                        counts.get(c));
                case IDENTIFIER, TEXT -> new Summary(present[c], nulls[c], 0, 0, 0, distinct.get(c).size(),
                        none ? 0 : minLength[c], maxLength[c], null);
                case EMPTY -> new Summary(0, nulls[c], 0, 0, 0, 0, 0, 0, null);
            });
        }
        return out;
    }

    /** Every column's summary agrees; sums to 1e-9 relative (the two sides add in different orders). */
    static void assertSame(Map<String, Summary> fromTable, Map<String, Summary> fromCsv) {
        assertThat(fromTable.keySet()).containsExactlyElementsOf(fromCsv.keySet());
        for (String name : fromCsv.keySet()) {
            Summary t = fromTable.get(name);
            Summary f = fromCsv.get(name);
            assertThat(t.sum()).as(name + " sum").isCloseTo(f.sum(), within(1e-9 * Math.max(1, Math.abs(f.sum()))));
            assertThat(t.min()).as(name + " min").isCloseTo(f.min(), within(1e-6));
            assertThat(t.max()).as(name + " max").isCloseTo(f.max(), within(1e-6));
            assertThat(new Summary(t.present(), t.nulls(), 0, 0, 0, t.distinct(), t.minLength(), t.maxLength(), t.counts()))
                    .as(name)
                    .isEqualTo(new Summary(f.present(), f.nulls(), 0, 0, 0, f.distinct(), f.minLength(), f.maxLength(),
                            f.counts()));
        }
    }
}
