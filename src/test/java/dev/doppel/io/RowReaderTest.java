package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.doppel.error.InputException;
import dev.doppel.table.RawTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TableReaders#open} streams what {@link TableReaders#read} loads, raises read's one-line errors at the row the
 * stream reaches them, and {@link TableReaders#readHead} is read's first rows.
 */
class RowReaderTest {
    private static final String CANARY = "CANARY-SECRET";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Good rows {@code 1..rows} of three columns, then {@code tail}, then more good rows. */
    private Path withProblemAfter(String name, int rows, String tail, String encodingName) throws IOException {
        StringBuilder sb = new StringBuilder("id,city,score\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(",Town ").append(i % 9).append(',').append(i % 100).append('\n');
        }
        sb.append(tail);
        for (int i = 0; i < 20; i++) {
            sb.append("9,x,1\n");
        }
        return Files.write(dir.resolve(name), sb.toString().getBytes(encodingName.equals("latin1")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }

    /** Streams until the reader throws; returns the rows read before, and checks the error is read()'s. */
    private static int rowsBeforeError(Path file) {
        String expected = catchThrowableOfType(InputException.class,
                () -> TableReaders.read(file, ReadOptions.DEFAULTS)).getMessage();
        int rows = 0;
        try (RowReader reader = TableReaders.open(file, ReadOptions.DEFAULTS)) {
            while (reader.next() != null) {
                rows++;
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).isEqualTo(expected).doesNotContain(CANARY);
            return rows;
        }
        throw new AssertionError("streaming did not fail");
    }

    // ---- streaming a large file

    @Test
    void streamsTwoHundredThousandRowsWithTheCountAndChecksumOfRead() throws IOException {
        Path file = dir.resolve("large.csv");
        SplittableRandom random = new SplittableRandom(200_000);
        String[] cities = {"Bern", "Zürich", "Genève", "Lugano, TI", "NA", ""};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id;city;amount;joined;note\r\n");
            for (int i = 1; i <= 200_000; i++) {
                String note = switch (random.nextInt(8)) {
                    case 0 -> "\"two\r\nlines\"";
                    case 1 -> "\"say \"\"hi\"\"\"";
                    case 2 -> " N/A ";
                    default -> "n" + random.nextInt(50);
                };
                w.write(String.format(Locale.ROOT, "%d;%s;%.2f;2020-%02d-%02d;%s\r\n", i,
                        cities[random.nextInt(cities.length)], random.nextDouble() * 1000, 1 + random.nextInt(12),
                        1 + random.nextInt(28), note));
            }
        }
        RawTable table = TableReaders.read(file, ReadOptions.DEFAULTS);
        long expected = 17;
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                expected = mix(expected, table.column(c)[r]);
            }
            expected = expected * 31 + table.lineOf(r);
        }
        long rows = 0;
        long checksum = 17;
        try (RowReader reader = TableReaders.open(file, ReadOptions.DEFAULTS)) {
            String[] row;
            while ((row = reader.next()) != null) {
                for (String cell : row) {
                    checksum = mix(checksum, cell);
                }
                checksum = checksum * 31 + reader.line();
                rows++;
            }
            assertThat(reader.missingMarkers()).isEqualTo(table.missingMarkers());
        }
        assertThat(table.rows()).isEqualTo(200_000);
        assertThat(rows).isEqualTo(200_000);
        assertThat(checksum).isEqualTo(expected);
    }

    private static long mix(long h, String cell) {
        return h * 1_000_003L + (cell == null ? 0x9E3779B9L : cell.hashCode());
    }

    @Test
    void reusesTheRowArrayAndStaysAtTheEndAfterTheLastRow() throws IOException {
        Path file = write("small.csv", "a,b\n1,x\n2,\n");
        RowReader reader = TableReaders.open(file, ReadOptions.DEFAULTS);
        assertThat(reader.names()).containsExactly("a", "b");
        assertThat(reader.source()).isEqualTo("small.csv");
        String[] first = reader.next();
        assertThat(first).containsExactly("1", "x");
        assertThat(reader.line()).isEqualTo(2);
        String[] second = reader.next();
        assertThat(second).isSameAs(first).containsExactly("2", null);
        assertThat(reader.line()).isEqualTo(3);
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
        reader.close();
        reader.close();
        assertThat(reader.next()).as("closed").isNull();
    }

    @Test
    void streamsBlankLinesOfAOneColumnFileAsMissingButNotTrailingOnes() throws IOException {
        Path file = write("one.csv", "\nscore\n1\n\n \n3\n\n\n");
        try (RowReader reader = TableReaders.open(file, ReadOptions.DEFAULTS)) {
            assertThat(reader.next()).containsExactly("1");
            assertThat(reader.next()).containsExactly((String) null);
            assertThat(reader.line()).isEqualTo(4);
            assertThat(reader.next()).containsExactly((String) null);
            assertThat(reader.next()).containsExactly("3");
            assertThat(reader.line()).isEqualTo(6);
            assertThat(reader.next()).isNull();
            assertThat(reader.missingMarkers()).containsExactly(" ");
        }
    }

    // ---- errors at the row the stream reaches them

    @Test
    void raisesARaggedRowWhenTheStreamReachesIt() throws IOException {
        Path file = withProblemAfter("ragged.csv", 30_000, "1,2,3," + CANARY + "\n", "utf8");
        assertThat(rowsBeforeError(file)).isEqualTo(30_000);
    }

    @Test
    void raisesAnUnclosedQuoteWhenTheStreamReachesIt() throws IOException {
        Path file = withProblemAfter("quote.csv", 30_000, "1,\"" + CANARY + ",3\n", "utf8");
        // the parser reads to the end of the file looking for the closing quote: every row before it is returned
        assertThat(rowsBeforeError(file)).isEqualTo(30_000);
    }

    @Test
    void raisesTextAfterAClosingQuoteWhenTheStreamReachesIt() throws IOException {
        Path file = withProblemAfter("stray.csv", 30_000, "1,\"x\"" + CANARY + ",3\n", "utf8");
        assertThat(rowsBeforeError(file)).isEqualTo(30_000);
    }

    @Test
    void raisesBadEncodingNearTheRowThatHoldsIt() throws IOException {
        Path file = withProblemAfter("latin1.csv", 30_000, "1,Gen\u00e8ve " + CANARY + ",3\n", "latin1");
        // the decoder reads ahead by a buffer (8 KiB, rows of about 15 bytes here): at most a few hundred rows early
        assertThat(rowsBeforeError(file)).isBetween(29_000, 30_000);
    }

    @Test
    void raisesAnOversizedFieldWithTheMessageOfRead() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("id,payload\n1,small\n2,");
            char[] chunk = (CANARY + " ").repeat(1024).toCharArray();
            for (long written = 0; written <= CsvRowReader.MAX_FIELD_CHARS; written += chunk.length) {
                w.write(chunk);
            }
            w.write("\n3,small\n");
        }
        assertThat(rowsBeforeError(file)).isEqualTo(1);
    }

    @Test
    void openRejectsWhatReadRejectsBeforeTheFirstRow() throws IOException {
        Path headerOnly = write("header.csv", "id,name\r\n\r\n");
        Path duplicate = write("dup.csv", "id,x,x\n1,2,3\n");
        for (Path file : new Path[] {headerOnly, duplicate, dir.resolve("absent.csv")}) {
            String expected = catchThrowableOfType(InputException.class,
                    () -> TableReaders.read(file, ReadOptions.DEFAULTS)).getMessage();
            assertThatThrownBy(() -> TableReaders.open(file, ReadOptions.DEFAULTS).close())
                    .isInstanceOf(InputException.class)
                    .hasMessage(expected);
        }
    }

    // ---- the head of a file

    @Test
    void readHeadIsTheFirstRowsOfRead() throws IOException {
        Path file = withProblemAfter("head.csv", 5000, "", "utf8");
        RawTable all = TableReaders.read(file, ReadOptions.DEFAULTS);
        RawTable head = TableReaders.readHead(file, ReadOptions.DEFAULTS, 100);
        assertThat(head.rows()).isEqualTo(100);
        assertThat(head.names()).isEqualTo(all.names());
        assertThat(head.dialect()).isEqualTo(all.dialect());
        for (int c = 0; c < all.columnCount(); c++) {
            assertThat(head.column(c)).containsExactly(Arrays.copyOf(all.column(c), 100));
        }
        assertThat(head.lineOf(99)).isEqualTo(101);
        assertThat(TableReaders.readHead(file, ReadOptions.DEFAULTS, 1_000_000).rows()).isEqualTo(all.rows());
        assertThatThrownBy(() -> TableReaders.readHead(file, ReadOptions.DEFAULTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readHeadStopsBeforeAProblemFurtherOn() throws IOException {
        Path file = withProblemAfter("later.csv", 30_000, "1,2\n", "utf8");
        assertThat(TableReaders.readHead(file, ReadOptions.DEFAULTS, 1000).rows()).isEqualTo(1000);
    }

    // ---- Parquet

    @Test
    void streamsParquetAsItReadsIt() throws Exception {
        Path file = dir.resolve("events.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT i AS id,"
                    + " CASE WHEN i % 7 = 0 THEN NULL WHEN i % 5 = 0 THEN ' NA ' WHEN i % 11 = 0 THEN '  '"
                    + "   ELSE ' city ' || (i % 4) END AS city,"
                    + " TIMESTAMP '2021-01-01 00:00:00' + INTERVAL (i) MINUTE AS whole,"
                    + " TIMESTAMP '2021-01-01 00:00:00' + INTERVAL (i * 1001) MILLISECOND AS fraction,"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2020-02-01' + INTERVAL (i) DAY END::DATE AS day,"
                    + " CAST(i / 8.0 AS DECIMAL(10, 3)) AS amount"
                    + " FROM range(1, 3001) t(i)) TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
        RawTable table = TableReaders.read(file, ReadOptions.DEFAULTS);
        assertThat(table.names()).containsExactly("id", "city", "whole", "fraction", "day", "amount");
        assertThat(table.rows()).isEqualTo(3000);
        assertThat(table.column(1)).as("trimmed; nulls, blanks and markers are missing")
                .startsWith("city 1", "city 2", "city 3", "city 0", null, "city 2", null);
        assertThat(table.column(2)[0]).as("whole seconds lose the fraction").isEqualTo("2021-01-01 00:01:00");
        assertThat(table.column(3)[0]).as("a column with fractions keeps them").isEqualTo("2021-01-01 00:00:01.001000");
        assertThat(table.column(3)[999]).isEqualTo("2021-01-01 00:16:41.000000");
        assertThat(table.column(5)[0]).isEqualTo("0.125");
        assertThat(table.missingMarkers()).containsExactly("", "NA", "", "", "", "");
        assertThat(table.lineOf(2999)).isEqualTo(3000);
        RowReaderAgreementTest.assertStreamEqualsTable(file, ReadOptions.DEFAULTS, table);
    }
}
