package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Fitting;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Parquet output read by an independent reader, DuckDB: declared types, row and null counts, and every value
 * against the CSV written from the same model and seed (which DuckDB reads as plain text, so neither side goes through
 * our own readers). Also Parquet as input: a file DuckDB wrote from a real CSV must infer as the CSV does.
 */
class ParquetOutputTest {
    private static final long SEED = 11;

    @TempDir
    Path dir;

    private Connection duck;

    @BeforeEach
    void openDuckDb() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void closeDuckDb() throws SQLException {
        duck.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"telco_churn.csv", "marketing_campaign.tsv"})
    void parquetHoldsTheSameRowsAsTheCsvOfTheSameSeed(String dataset) throws Exception {
        SynthModel model = fit(TestData.require(dataset));
        // more than one row group (131,072 rows each), the last one partial
        long rows = dataset.startsWith("telco") ? 140_000 : 20_000;
        Path csv = sample(model, rows, OutputFormat.CSV, Compression.SNAPPY, "out.csv");
        Path parquet = sample(model, rows, OutputFormat.PARQUET, Compression.SNAPPY, "out.parquet");

        assertThat(count("SELECT count(*) FROM " + pq(parquet))).isEqualTo(rows);
        assertDeclaredTypes(model, parquet);
        assertNullCountsMatch(model, csv, parquet);
        assertAggregatesMatch(model, csv, parquet);
        assertEveryCellMatches(model, csv, parquet, rows);
    }

    @Test
    void telcoColumnsGetTheExpectedParquetTypes() throws Exception {
        SynthModel model = fit(TestData.require("telco_churn.csv"));
        Path parquet = sample(model, 1000, OutputFormat.PARQUET, Compression.SNAPPY, "telco.parquet");
        Map<String, String> types = types(parquet);
        assertThat(types).containsEntry("customerID", "VARCHAR")
                .containsEntry("gender", "VARCHAR")
                .containsEntry("SeniorCitizen", "BOOLEAN")
                .containsEntry("Partner", "BOOLEAN")
                .containsEntry("tenure", "BIGINT")
                .containsEntry("MonthlyCharges", "DECIMAL(18,2)")
                .containsEntry("TotalCharges", "DECIMAL(18,2)")
                .containsEntry("Contract", "VARCHAR");
    }

    @Test
    void marketingDatesAreDatesAndIncomeKeepsItsMissingValues() throws Exception {
        SynthModel model = fit(TestData.require("marketing_campaign.tsv"));
        Path parquet = sample(model, 5000, OutputFormat.PARQUET, Compression.SNAPPY, "marketing.parquet");
        assertThat(types(parquet)).containsEntry("Dt_Customer", "DATE").containsEntry("Income", "BIGINT");
        // the real file has 24 of 2240 incomes missing: about 54 of 5000 synthetic rows
        long missingIncome = count("SELECT count(*) - count(Income) FROM " + pq(parquet));
        assertThat(missingIncome).isBetween(20L, 100L);
        // dates stay inside the real range (2012-07-30 to 2014-06-29)
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT min(Dt_Customer), max(Dt_Customer) FROM " + pq(parquet))) {
            rs.next();
            assertThat(rs.getObject(1, LocalDate.class)).isAfterOrEqualTo(LocalDate.of(2012, 7, 30));
            assertThat(rs.getObject(2, LocalDate.class)).isBeforeOrEqualTo(LocalDate.of(2014, 6, 29));
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCodecReadsBackToTheSameRows(Compression codec) throws Exception {
        SynthModel model = fit(TestData.require("telco_churn.csv"));
        Path plain = sample(model, 30_000, OutputFormat.PARQUET, Compression.NONE, "plain.parquet");
        Path packed = sample(model, 30_000, OutputFormat.PARQUET, codec, "packed.parquet");

        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + path(packed) + "')")) {
            List<String> codecs = new ArrayList<>();
            while (rs.next()) {
                codecs.add(rs.getString(1));
            }
            assertThat(codecs).containsExactly(codec == Compression.NONE ? "UNCOMPRESSED" : codec.name());
        }
        assertThat(count("SELECT count(*) FROM " + pq(packed))).isEqualTo(30_000);
        assertThat(count("SELECT count(*) FROM (SELECT * FROM " + pq(packed) + " EXCEPT ALL SELECT * FROM " + pq(plain) + ")"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT * FROM " + pq(plain) + " EXCEPT ALL SELECT * FROM " + pq(packed) + ")"))
                .isZero();
        if (codec != Compression.NONE) {
            assertThat(Files.size(packed)).isLessThan(Files.size(plain));
        }
    }

    @Test
    void dateTimesDecimalsAndMarkersOfAWiderTableSurviveTheRoundTrip() throws Exception {
        Path input = dir.resolve("events.csv");
        Files.writeString(input, syntheticEvents(3000), StandardCharsets.UTF_8);
        SynthModel model = fit(input);
        Map<String, ColumnKind> kinds = new HashMap<>();
        model.columns().forEach(c -> kinds.put(c.name(), c.spec().kind()));
        assertThat(kinds).containsEntry("logged", ColumnKind.DATETIME)
                .containsEntry("logged_utc", ColumnKind.DATETIME)
                .containsEntry("amount", ColumnKind.DECIMAL)
                .containsEntry("ratio", ColumnKind.DECIMAL)
                .containsEntry("active", ColumnKind.BOOLEAN)
                .containsEntry("signup", ColumnKind.DATE)
                .containsEntry("note", ColumnKind.TEXT)
                .containsEntry("unused", ColumnKind.EMPTY);
        assertThat(model.column("city").orElseThrow().missingShare()).isGreaterThan(0);
        assertThat(model.column("note").orElseThrow().missingShare()).isGreaterThan(0);
        assertThat(model.column("ratio").orElseThrow().missingShare()).isGreaterThan(0);

        Path csv = sample(model, 20_000, OutputFormat.CSV, Compression.ZSTD, "events.out.csv");
        Path parquet = sample(model, 20_000, OutputFormat.PARQUET, Compression.ZSTD, "events.out.parquet");
        Map<String, String> types = types(parquet);
        assertThat(types).containsEntry("logged", "TIMESTAMP")
                .containsEntry("logged_utc", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("amount", "DECIMAL(18,3)")
                .containsEntry("ratio", "DOUBLE")
                .containsEntry("active", "BOOLEAN")
                .containsEntry("signup", "DATE")
                .containsEntry("note", "VARCHAR")
                .containsEntry("city", "VARCHAR")
                .containsEntry("unused", "VARCHAR");
        assertThat(count("SELECT count(unused) FROM " + pq(parquet))).isZero();
        assertDeclaredTypes(model, parquet);
        assertNullCountsMatch(model, csv, parquet);
        assertAggregatesMatch(model, csv, parquet);
        assertEveryCellMatches(model, csv, parquet, 20_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"telco", "events"})
    void rowGroupStatisticsAgreeWithTheRows(String table) throws Exception {
        Path data;
        if (table.equals("telco")) {
            data = TestData.require("telco_churn.csv");
        } else {
            data = dir.resolve("events.csv");
            Files.writeString(data, syntheticEvents(3000), StandardCharsets.UTF_8);
        }
        SynthModel model = fit(data);
        Path parquet = sample(model, 140_000, OutputFormat.PARQUET, Compression.SNAPPY, "stats.parquet");
        try (Statement st = duck.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
        }
        String rowGroup = "file_row_number // " + ParquetBatchWriter.ROW_GROUP_ROWS;
        long checked = 0;
        for (ColumnModel m : model.columns()) {
            String c = quote(m.name());
            Map<Long, List<String>> actual = new HashMap<>();
            try (Statement st = duck.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + rowGroup + ", CAST(min(" + c + ") AS VARCHAR), CAST(max("
                            + c + ") AS VARCHAR), count(*) - count(" + c + ") FROM read_parquet('" + path(parquet)
                            + "', file_row_number = true) GROUP BY ALL")) {
                while (rs.next()) {
                    actual.put(rs.getLong(1), List.of(String.valueOf(rs.getString(2)), String.valueOf(rs.getString(3)),
                            Long.toString(rs.getLong(4))));
                }
            }
            try (Statement st = duck.createStatement();
                    ResultSet rs = st.executeQuery("SELECT row_group_id, stats_min_value, stats_max_value, stats_null_count"
                            + " FROM parquet_metadata('" + path(parquet) + "') WHERE path_in_schema = " + literal(m.name()))) {
                while (rs.next()) {
                    List<String> stats = List.of(String.valueOf(rs.getString(2)), String.valueOf(rs.getString(3)),
                            Long.toString(rs.getLong(4)));
                    assertThat(stats).as(m.name() + " in row group " + rs.getLong(1)).isEqualTo(actual.get(rs.getLong(1)));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2L * model.columns().size());
    }

    @Test
    void anEmptyOutputIsAValidFileWithTheSchema() throws Exception {
        SynthModel model = fit(TestData.require("telco_churn.csv"));
        Path parquet = sample(model, 0, OutputFormat.PARQUET, Compression.SNAPPY, "empty.parquet");
        assertThat(count("SELECT count(*) FROM " + pq(parquet))).isZero();
        assertThat(types(parquet)).hasSize(model.columns().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"telco_churn.csv", "marketing_campaign.tsv"})
    void parquetInputInfersTheSameKindsAsTheCsv(String dataset) throws Exception {
        Path csv = TestData.require(dataset);
        Path parquet = dir.resolve("copy.parquet");
        try (Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + path(csv) + "')) TO '" + path(parquet) + "' (FORMAT parquet)");
        }
        Map<String, ColumnKind> fromCsv = kinds(Fitting.inspect(csv, ReadOptions.DEFAULTS, null, null, null).specs());
        Map<String, ColumnKind> fromParquet =
                kinds(Fitting.inspect(parquet, ReadOptions.DEFAULTS, null, null, null).specs());
        assertThat(fromParquet).isEqualTo(fromCsv);
    }

    @Test
    void ourOwnParquetReadsBackAsInputWithTheModelsKinds() throws Exception {
        SynthModel model = fit(TestData.require("telco_churn.csv"));
        Path parquet = sample(model, 5000, OutputFormat.PARQUET, Compression.SNAPPY, "again.parquet");
        Map<String, ColumnKind> expected = new LinkedHashMap<>();
        model.columns().forEach(c -> expected.put(c.name(), c.spec().kind()));
        assertThat(kinds(Fitting.inspect(parquet, ReadOptions.DEFAULTS, null, null, null).specs())).isEqualTo(expected);
    }

    // --- helpers

    private SynthModel fit(Path data) {
        return Fitting.fit(Fitting.inspect(data, ReadOptions.DEFAULTS, null, null, null), FitSettings.DEFAULTS, "test");
    }

    private Path sample(SynthModel model, long rows, OutputFormat format, Compression codec, String name) {
        Path out = dir.resolve(name);
        Sampling.run(new SampleRequest(model, rows, SEED, 2, format, codec, out, true), Progress.NONE);
        return out;
    }

    private static Map<String, ColumnKind> kinds(List<ColumnSpec> specs) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        specs.forEach(s -> kinds.put(s.name(), s.kind()));
        return kinds;
    }

    private Map<String, String> types(Path parquet) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + pq(parquet))) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    /** Each column's DuckDB type follows from its kind. */
    private void assertDeclaredTypes(SynthModel model, Path parquet) throws SQLException {
        Map<String, String> types = types(parquet);
        assertThat(types.keySet()).containsExactlyElementsOf(model.columns().stream().map(ColumnModel::name).toList());
        for (ColumnModel m : model.columns()) {
            ColumnSpec spec = m.spec();
            String expected = switch (spec.kind()) {
                case INTEGER -> "BIGINT";
                case DECIMAL -> spec.scale() >= 0 && spec.scale() <= 15 ? "DECIMAL(18," + spec.scale() + ")" : "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case DATETIME -> TemporalLayout.of(spec.layout(), true).zoned() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
                case CATEGORICAL, IDENTIFIER, TEXT, EMPTY -> "VARCHAR";
            };
            assertThat(types.get(m.name())).as(m.name()).isEqualTo(expected);
        }
    }

    /** Nulls in Parquet are exactly the CSV's missing markers. */
    private void assertNullCountsMatch(SynthModel model, Path csv, Path parquet) throws SQLException {
        for (ColumnModel m : model.columns()) {
            String c = quote(m.name());
            long nulls = count("SELECT count(*) - count(" + c + ") FROM " + pq(parquet));
            long missing = count("SELECT count(*) FROM " + csv(model, csv) + " WHERE " + c + " IS NULL OR trim(" + c
                    + ") = " + literal(m.spec().missing().trim()));
            assertThat(nulls).as(m.name()).isEqualTo(missing);
        }
    }

    /** Sums of numbers, label counts and date ranges agree (both files read by DuckDB). */
    private void assertAggregatesMatch(SynthModel model, Path csv, Path parquet) throws SQLException {
        for (ColumnModel m : model.columns()) {
            ColumnSpec spec = m.spec();
            String c = quote(m.name());
            String present = "NULLIF(trim(" + c + "), " + literal(spec.missing().trim()) + ")";
            switch (spec.kind()) {
                case INTEGER -> assertThat(string("SELECT sum(" + c + ") FROM " + pq(parquet)))
                        .as(m.name())
                        .isEqualTo(string("SELECT sum(CAST(" + present + " AS BIGINT)) FROM " + csv(model, csv)));
                case DECIMAL -> {
                    if (spec.scale() >= 0 && spec.scale() <= 15) {
                        String type = "DECIMAL(18," + spec.scale() + ")";
                        assertThat(string("SELECT sum(" + c + ") FROM " + pq(parquet)))
                                .as(m.name())
                                .isEqualTo(string("SELECT sum(CAST(" + present + " AS " + type + ")) FROM " + csv(model, csv)));
                    }
                }
                case BOOLEAN -> assertThat(count("SELECT count(*) FILTER (WHERE " + c + ") FROM " + pq(parquet)))
                        .as(m.name())
                        .isEqualTo(count("SELECT count(*) FILTER (WHERE trim(" + c + ") = " + literal(spec.trueValue())
                                + ") FROM " + csv(model, csv)));
                case CATEGORICAL -> assertThat(labelCounts(pq(parquet), c))
                        .as(m.name())
                        .isEqualTo(labelCounts(csv(model, csv), present));
                case DATE -> {
                    TemporalLayout layout = TemporalLayout.of(spec.layout(), false);
                    List<String> csvDates = strings("SELECT " + present + " FROM " + csv(model, csv) + " WHERE " + present
                            + " IS NOT NULL");
                    long min = csvDates.stream().mapToLong(s -> (long) layout.toNumber(s)).min().orElseThrow();
                    long max = csvDates.stream().mapToLong(s -> (long) layout.toNumber(s)).max().orElseThrow();
                    assertThat(string("SELECT min(" + c + ") FROM " + pq(parquet))).as(m.name())
                            .isEqualTo(LocalDate.ofEpochDay(min).toString());
                    assertThat(string("SELECT max(" + c + ") FROM " + pq(parquet))).as(m.name())
                            .isEqualTo(LocalDate.ofEpochDay(max).toString());
                }
                default -> {
                    // compared cell by cell below
                }
            }
        }
    }

    private Map<String, Long> labelCounts(String from, String column) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + ", count(*) FROM " + from + " WHERE " + column
                        + " IS NOT NULL GROUP BY ALL")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Row i of the Parquet file is row i of the CSV, cell by cell, in each kind's own terms. */
    private void assertEveryCellMatches(SynthModel model, Path csv, Path parquet, long rows) throws SQLException {
        List<ColumnModel> columns = model.columns();
        int n = columns.size();
        TemporalLayout[] layouts = new TemporalLayout[n];
        for (int c = 0; c < n; c++) {
            ColumnSpec spec = columns.get(c).spec();
            if (spec.kind() == ColumnKind.DATE || spec.kind() == ColumnKind.DATETIME) {
                layouts[c] = TemporalLayout.of(spec.layout(), spec.kind() == ColumnKind.DATETIME);
            }
        }
        try (Statement a = duck.createStatement();
                Statement b = duck.createStatement();
                ResultSet text = a.executeQuery("SELECT * FROM " + csv(model, csv));
                ResultSet typed = b.executeQuery("SELECT * FROM " + pq(parquet))) {
            long row = 0;
            while (text.next()) {
                assertThat(typed.next()).isTrue();
                for (int c = 0; c < n; c++) {
                    ColumnSpec spec = columns.get(c).spec();
                    String cell = text.getString(c + 1);
                    boolean missing = cell == null || cell.trim().equals(spec.missing().trim());
                    Object value = typed.getObject(c + 1);
                    String where = spec.name() + " in row " + row;
                    if (missing) {
                        assertThat(value).as(where).isNull();
                        continue;
                    }
                    assertThat(value).as(where).isNotNull();
                    String s = cell.trim();
                    switch (spec.kind()) {
                        case INTEGER -> assertThat(typed.getLong(c + 1)).as(where).isEqualTo(Long.parseLong(s));
                        case DECIMAL -> {
                            if (spec.scale() >= 0 && spec.scale() <= 15) {
                                assertThat(typed.getBigDecimal(c + 1)).as(where).isEqualByComparingTo(new BigDecimal(s));
                            } else {
                                assertThat(typed.getDouble(c + 1)).as(where).isEqualTo(Double.parseDouble(s));
                            }
                        }
                        case BOOLEAN -> assertThat(typed.getBoolean(c + 1)).as(where).isEqualTo(s.equals(spec.trueValue()));
                        case DATE -> assertThat(typed.getObject(c + 1, LocalDate.class).toEpochDay()).as(where)
                                .isEqualTo((long) layouts[c].toNumber(s));
                        case DATETIME -> assertThat(epochSeconds(value)).as(where).isEqualTo(layouts[c].toNumber(s));
                        case CATEGORICAL, IDENTIFIER, TEXT -> assertThat(typed.getString(c + 1)).as(where).isEqualTo(s);
                        case EMPTY -> assertThat(value).as(where).isNull();
                    }
                }
                row++;
            }
            assertThat(typed.next()).isFalse();
            assertThat(row).isEqualTo(rows);
        }
    }

    private static double epochSeconds(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toEpochSecond() + t.getNano() / 1e9;
        }
        if (value instanceof java.sql.Timestamp t) {
            LocalDateTime local = t.toLocalDateTime();
            return local.toEpochSecond(ZoneOffset.UTC) + local.getNano() / 1e9;
        }
        if (value instanceof LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
        }
        throw new AssertionError("unexpected timestamp type " + value.getClass());
    }

    private long count(String sql) throws SQLException {
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String string(String sql) throws SQLException {
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String pq(Path file) {
        return "read_parquet('" + path(file) + "')";
    }

    /** The CSV as plain text: every column VARCHAR, in the model's dialect, empty fields as NULL. */
    private static String csv(SynthModel model, Path file) {
        char d = model.dialect().delimiter();
        String delim = d == '\t' ? "\\t" : String.valueOf(d);
        return "read_csv('" + path(file) + "', delim = '" + delim + "', header = true, all_varchar = true, quote = '\"',"
                + " escape = '\"', auto_detect = false, columns = " + columnsStruct(model) + ")";
    }

    private static String columnsStruct(SynthModel model) {
        StringBuilder sb = new StringBuilder("{");
        for (ColumnModel m : model.columns()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(literal(m.name())).append(": 'VARCHAR'");
        }
        return sb.append('}').toString();
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A made-up event log (no real data): naive and UTC date-times, a 3-decimal amount with "NA" gaps, a shortest-form
     * ratio, a boolean with gaps, a date in dd.MM.yyyy, labels that need quoting, free text, empty cells in labels,
     * text and ratios, and a column that is always empty.
     */
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    private static String syntheticEvents(int rows) {
        Random random = new Random(5);
        String[] cities = {"Berlin", "\"Köln, Rhein\"", "München", "Hamburg", "\"Bad \"\"Tölz\"\"\"", "Zürich"};
        StringBuilder sb = new StringBuilder("id,logged,logged_utc,amount,ratio,city,note,active,score,signup,unused\n");
        LocalDateTime base = LocalDateTime.of(2020, 1, 1, 0, 0);
        // notes repeat now and then, but too rarely for a category: free text
        String[] words = new String[rows * 5 / 6];
        for (int w = 0; w < words.length; w++) {
            StringBuilder word = new StringBuilder();
            for (int k = 5 + random.nextInt(8); k > 0; k--) { // 5+ letters: never a missing marker such as "na"
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[w] = word.toString();
        }
        for (int i = 0; i < rows; i++) {
            LocalDateTime t = base.plusSeconds(random.nextInt(100_000_000));
            String amount = random.nextDouble() < 0.05 ? "NA"
                    : String.format(Locale.ROOT, "%.3f", -500 + 5500 * random.nextDouble());
            String ratio = random.nextDouble() < 0.03 ? "" : Double.toString(random.nextDouble() * (i % 3 == 0 ? 1e-3 : 123.456));
            String note = random.nextDouble() < 0.04 ? "" : words[random.nextInt(words.length)];
            String city = random.nextDouble() < 0.06 ? "" : cities[random.nextInt(cities.length)];
            String active = random.nextDouble() < 0.1 ? "NA" : random.nextBoolean() ? "true" : "false";
            LocalDate signup = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2000));
            sb.append(i + 1).append(',')
                    .append(NAIVE.format(t)).append(',')
                    .append(UTC.format(t)).append(',')
                    .append(amount).append(',')
                    .append(ratio).append(',')
                    .append(city).append(',')
                    .append(note).append(',')
                    .append(active).append(',')
                    .append(random.nextInt(950) - 50).append(',')
                    .append(String.format(Locale.ROOT, "%02d.%02d.%04d", signup.getDayOfMonth(), signup.getMonthValue(),
                            signup.getYear()))
                    .append(",\n"); // unused: always empty
        }
        return sb.toString();
    }
}
