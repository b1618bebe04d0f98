package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSampleTest {
    @TempDir
    Path dir;

    /**
     * Writes {@code rows} rows: n (the row index), x (a uniform draw from 0 to 100, seeded), g (one of three labels),
     * and note, which is missing in every tenth row and in every 7th row holds a quoted line break, so rows and lines
     * differ. Returns per row the line it starts on.
     */
    private int[] write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("n,x,g,note\n");
        int[] lines = new int[rows];
        int line = 2;
        for (int r = 0; r < rows; r++) {
            lines[r] = line;
            String note = r % 10 == 0 ? "" : r % 7 == 0 ? "\"two\nlines\"" : "plain";
            sb.append(r).append(',').append(String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble() * 100))
                    .append(',').append("abc".charAt(r % 3)).append(',').append(note).append('\n');
            line += note.startsWith("\"") ? 2 : 1;
        }
        Files.writeString(file, sb);
        return lines;
    }

    /**
     * Cells of a column whose values repeat are one string object per value, also beyond the first bound of 4,096
     * distinct values (here 6,000 amounts); a column of unique ids is kept as read. Values are the same either way.
     */
    @Test
    void repeatedValuesShareOneStringPerValue() throws IOException {
        Path file = dir.resolve("shared.csv");
        int rows = 30_000;
        SplittableRandom random = new SplittableRandom(3);
        int[] amount = new int[rows];
        StringBuilder sb = new StringBuilder("id,amount,label\n");
        for (int r = 0; r < rows; r++) {
            amount[r] = random.nextInt(6000) * 7; // at the 4,096th new value, about 40% of cells were repeats
            sb.append('u').append(r).append(',').append(amount[r]).append(',').append("xyz".charAt(r % 3)).append('\n');
        }
        Files.writeString(file, sb);
        RawTable t = TableSample.read(file, ReadOptions.DEFAULTS, rows, 42).table();
        java.util.Set<String> amounts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<String> labels = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int r = 0; r < rows; r++) {
            assertThat(t.column(0)[r]).isEqualTo("u" + r);
            assertThat(t.column(1)[r]).isEqualTo(String.valueOf(amount[r]));
            amounts.add(t.column(1)[r]);
            labels.add(t.column(2)[r]);
        }
        assertThat(labels).hasSize(3);
        assertThat(amounts).hasSize((int) java.util.Arrays.stream(amount).distinct().count()).hasSizeGreaterThan(5000);
    }

    @Test
    void aSmallInputIsReadWhole() throws IOException {
        Path file = dir.resolve("small.csv");
        write(file, 500);
        TableSample sample = TableSample.read(file, ReadOptions.DEFAULTS, 500, 42);
        RawTable whole = TableReaders.read(file, ReadOptions.DEFAULTS);
        assertThat(sample.sampled()).isFalse();
        assertThat(sample.inputRows()).isEqualTo(500);
        assertThat(sample.table().rows()).isEqualTo(500);
        for (int c = 0; c < whole.columnCount(); c++) {
            assertThat(sample.table().column(c)).isEqualTo(whole.column(c));
        }
        assertThat(sample.table().lines()).isEqualTo(whole.lines());
        assertThat(sample.table().missingMarkers()).isEqualTo(whole.missingMarkers());
        assertThat(sample.table().dialect()).isEqualTo(whole.dialect());
    }

    @Test
    void aSampleKeepsInputOrderAndEachRowsLine() throws IOException {
        Path file = dir.resolve("rows.csv");
        int[] lines = write(file, 5000);
        TableSample sample = TableSample.read(file, ReadOptions.DEFAULTS, 300, 42);
        assertThat(sample.sampled()).isTrue();
        assertThat(sample.inputRows()).isEqualTo(5000);
        RawTable t = sample.table();
        assertThat(t.rows()).isEqualTo(300);
        int previous = -1;
        for (int r = 0; r < t.rows(); r++) {
            int n = Integer.parseInt(t.column(0)[r]);
            assertThat(n).isGreaterThan(previous);
            assertThat(t.lineOf(r)).as("row %d", n).isEqualTo(lines[n]);
            assertThat(t.where(r)).isEqualTo("rows.csv: line " + lines[n]);
            previous = n;
        }
        // same seed, same rows; another seed, other rows
        assertThat(TableSample.read(file, ReadOptions.DEFAULTS, 300, 42).table().column(0)).isEqualTo(t.column(0));
        assertThat(TableSample.read(file, ReadOptions.DEFAULTS, 300, 43).table().column(0)).isNotEqualTo(t.column(0));
    }

    /**
     * A sample of n rows out of N, drawn without replacement: its mean of x has standard error
     * sd / sqrt(n) * sqrt(1 - n / N) (sd of a uniform on [0, 100] is 28.9), its share of missing notes
     * sqrt(p (1 - p) / n * (1 - n / N)). Four standard errors: a fixed seed, a chance failure below 1 in 10,000.
     */
    @Test
    void aSamplesMeanAndMissingShareMatchTheWholeInput() throws IOException {
        Path file = dir.resolve("big.csv");
        write(file, 50_000);
        RawTable whole = TableReaders.read(file, ReadOptions.DEFAULTS);
        RawTable sample = TableSample.read(file, ReadOptions.DEFAULTS, 5_000, 7).table();
        double fpc = Math.sqrt(1 - 5_000 / 50_000.0);
        double wholeMean = mean(whole.column(1));
        double sampleMean = mean(sample.column(1));
        double sd = 100 / Math.sqrt(12);
        assertThat(Math.abs(sampleMean - wholeMean)).isLessThan(4 * sd / Math.sqrt(5_000) * fpc);
        double p = missingShare(whole.column(3));
        assertThat(p).isEqualTo(0.1);
        assertThat(Math.abs(missingShare(sample.column(3)) - p)).isLessThan(4 * Math.sqrt(p * (1 - p) / 5_000) * fpc);
    }

    @Test
    void aMalformedRowTheSampleLeavesOutIsStillAnErrorAtItsLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        int[] lines = write(file, 3000);
        List<String> text = new ArrayList<>(Files.readAllLines(file));
        int index = lines[2500] - 1; // 0-based line index of row 2500
        assertThat(text.get(index)).startsWith("2500,");
        text.set(index, text.get(index) + ",extra");
        Files.write(file, text);
        assertThatThrownBy(() -> TableSample.read(file, ReadOptions.DEFAULTS, 10, 42))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.csv: line " + lines[2500] + ":")
                .hasMessageNotContaining("extra");
    }

    @Test
    void aFolderOfCsvPartsIsReadInNameOrder() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("parts"));
        Files.writeString(parts.resolve("b.csv"), "id,v\n3,c\n4,d\n");
        Files.writeString(parts.resolve("a.csv"), "id,v\n1,a\n2,b\n");
        Files.writeString(parts.resolve("c.csv"), "id,v\n5,e\n");
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Files.writeString(parts.resolve(".a.csv.crc"), "junk");
        Files.createDirectory(parts.resolve("sub"));
        TableSample sample = TableSample.read(parts, ReadOptions.DEFAULTS, 100, 42);
        RawTable t = sample.table();
        assertThat(t.source()).isEqualTo("parts");
        assertThat(t.column(0)).containsExactly("1", "2", "3", "4", "5");
        assertThat(t.where(2)).isEqualTo("b.csv: line 2");
        assertThat(t.where(4)).isEqualTo("c.csv: line 2");
        // a sample of a folder keeps each row's file
        RawTable sampled = TableSample.read(parts, ReadOptions.DEFAULTS, 2, 9).table();
        for (int r = 0; r < 2; r++) {
            int id = Integer.parseInt(sampled.column(0)[r]);
            assertThat(sampled.where(r)).isEqualTo("abc".charAt((id - 1) / 2) + ".csv: line " + (2 + (id - 1) % 2));
        }

        Files.writeString(parts.resolve("d.csv"), "id,value\n6,f\n");
        assertThatThrownBy(() -> TableSample.read(parts, ReadOptions.DEFAULTS, 100, 42))
                .isInstanceOf(InputException.class)
                .hasMessage("d.csv: the header differs from a.csv's (every file in the folder needs the same columns"
                        + " in the same order)");
        Files.writeString(parts.resolve("d.csv"), "id,v\n6,f,x\n");
        assertThatThrownBy(() -> TableSample.read(parts, ReadOptions.DEFAULTS, 100, 42))
                .isInstanceOf(InputException.class).hasMessageStartingWith("d.csv: line 2:");
    }

    @Test
    void aFolderWithoutDataFilesOrOfTwoKindsIsRejected() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> TableSample.read(empty, ReadOptions.DEFAULTS, 10, 42))
                .isInstanceOf(InputException.class)
                .hasMessage("empty: the folder holds no data files (*.csv, *.tsv, *.txt or *.parquet)");
        Files.writeString(empty.resolve("a.csv"), "id\n1\n");
        Files.writeString(empty.resolve("b.parquet"), "PAR1");
        assertThatThrownBy(() -> TableSample.read(empty, ReadOptions.DEFAULTS, 10, 42))
                .isInstanceOf(InputException.class)
                .hasMessage("empty: the folder holds both Parquet and CSV files; give a folder of one kind");
    }

    @Test
    void aFolderOfParquetFilesIsReadInNameOrder() throws Exception {
        Path parts = Files.createDirectory(dir.resolve("pq"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT i AS id, 'x' || i AS v FROM range(100, 103) t(i)) TO '"
                    + parts.resolve("part-1.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT i AS id, 'x' || i AS v FROM range(0, 4) t(i)) TO '"
                    + parts.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        RawTable t = TableSample.read(parts, ReadOptions.DEFAULTS, 100, 42).table();
        assertThat(t.column(0)).containsExactly("0", "1", "2", "3", "100", "101", "102");
        assertThat(t.where(5)).isEqualTo("part-1.parquet: line 2");
        TableSample two = TableSample.read(parts, ReadOptions.DEFAULTS, 3, 42);
        assertThat(two.inputRows()).isEqualTo(7);
        assertThat(two.table().rows()).isEqualTo(3);
    }

    private static double mean(String[] cells) {
        return Arrays.stream(cells).mapToDouble(Double::parseDouble).average().orElseThrow();
    }

    private static double missingShare(String[] cells) {
        return Arrays.stream(cells).filter(c -> c == null).count() / (double) cells.length;
    }
}
