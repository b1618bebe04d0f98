package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming and loading agree: {@link TableReaders#open} returns, row by row, exactly the cells, lines and missing
 * markers that {@link TableReaders#read} puts in its table, on generated awkward dialects (whose expected cells are
 * known, so both are also checked against the truth) and on every shared real dataset.
 */
class RowReaderAgreementTest {
    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void openAndReadAgreeCellByCellOnAwkwardDialects(long seed) throws IOException {
        AwkwardCsv.Fixture fixture = AwkwardCsv.generate(seed);
        Path file = Files.write(dir.resolve("awkward-" + seed + ".csv"), fixture.bytes());
        // odd seeds name the separator, even seeds leave it to the sniffer (a one-column file has none to find)
        ReadOptions options = seed % 2 == 1 || fixture.names().size() == 1 ? ReadOptions.DEFAULTS.withDelimiter(fixture.delimiter()) : ReadOptions.DEFAULTS;

        RawTable table = TableReaders.read(file, options);
        assertThat(table.dialect().delimiter()).isEqualTo(fixture.delimiter());
        assertThat(table.names()).isEqualTo(fixture.names());
        assertThat(table.rows()).isEqualTo(fixture.rows().size());
        for (int r = 0; r < table.rows(); r++) {
            assertThat(rowOf(table, r)).as("row %d", r).containsExactly(fixture.rows().get(r));
            assertThat(table.lineOf(r)).as("line of row %d", r).isEqualTo(fixture.lines().get(r));
        }
        assertStreamEqualsTable(file, options, table);
    }

    static Stream<String> datasets() {
        return TestData.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void openAndReadAgreeCellByCellOnTheSharedDatasets(String dataset) {
        Path file = TestData.require(dataset);
        assertStreamEqualsTable(file, ReadOptions.DEFAULTS, TableReaders.read(file, ReadOptions.DEFAULTS));
    }

    /** Streams the file and checks every row against the table read whole. */
    static void assertStreamEqualsTable(Path file, ReadOptions options, RawTable table) {
        try (RowReader rows = TableReaders.open(file, options)) {
            assertThat(rows.names()).isEqualTo(table.names());
            assertThat(rows.dialect()).isEqualTo(table.dialect());
            assertThat(rows.source()).isEqualTo(table.source());
            int r = 0;
            String[] row;
            while ((row = rows.next()) != null) {
                assertThat(r).as("more rows streamed than read").isLessThan(table.rows());
                assertThat(row).as("row %d", r).containsExactly(rowOf(table, r));
                assertThat(rows.line()).as("line of row %d", r).isEqualTo(table.lineOf(r));
                r++;
            }
            assertThat(r).isEqualTo(table.rows());
            assertThat(rows.missingMarkers()).isEqualTo(table.missingMarkers());
            assertThat(rows.next()).as("stays at the end").isNull();
        }
    }

    private static String[] rowOf(RawTable table, int r) {
        List<String> row = new ArrayList<>(table.columnCount());
        for (int c = 0; c < table.columnCount(); c++) {
            row.add(table.column(c)[r]);
        }
        return row.toArray(new String[0]);
    }
}
