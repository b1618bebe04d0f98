package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.TestData;
import dev.doppel.error.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batches cut by the reading thread and parsed elsewhere ({@link TableReaders#openBatches}) give exactly the rows of
 * the row-by-row reader, in batches of exactly the asked size, and the same error with the same line where a file is
 * malformed: on generated awkward dialects, on hand-made tricky files (quoted line breaks, CRLF and lone CR, a
 * byte-order mark, blank lines, doubled quotes, non-ASCII text in two encodings), on random bytes, and on the shared
 * datasets. Batches are parsed last to first, so no batch leans on another having been parsed.
 */
class RowBatchesTest {
    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void batchesHoldTheRowsOfTheRowReaderOnAwkwardDialects(long seed) throws IOException {
        AwkwardCsv.Fixture fixture = AwkwardCsv.generate(seed);
        Path file = Files.write(dir.resolve("awkward-" + seed + ".csv"), fixture.bytes());
        ReadOptions options = seed % 2 == 1 || fixture.names().size() == 1
                ? ReadOptions.DEFAULTS.withDelimiter(fixture.delimiter()) : ReadOptions.DEFAULTS;
        List<String[]> expected = fixture.rows();
        for (int batchRows : new int[] {1, 2, 7, 1000}) {
            assertSameRows(file, options, batchRows, expected, true);
        }
    }

    @Test
    void trickyFilesGiveTheRowsOfTheRowReader() throws IOException {
        List<String> files = List.of(
                "id,text\n1,\"two\nlines\"\n2,\"three\r\nCRLF\rlines\"\n3,plain\n",
                "id,text\r\n1,a\r\n\r\n2,\"b \"\"quoted\"\" c\"\r\n   \r\n3,\"\"\r\n4,\r\n",
                "id,text\r1,lone\r2,CR\r\r3,\"x\ry\"\r",
                "\uFEFFid,text\n1,BOM\n2,\"\"\"\"\n",
                "\n  \nid,text\n\"\"\n\"  \"\n1,after blank records\n2,\"a,b\"\n",
                "id,text\n1,Zürich\n2,東京\n3,\"Genève, \"\"Lac\"\"\"\n4,NA\n5,  padded  \n6,a\"b\n",
                "id,text,more\n1,,\n2,x,\n3,,y\n4,\"\",\"\"\n5,last,no break",
                "id;text\n1;a,b\n2;\"c;d\"\n3;e\n");
        int f = 0;
        for (String text : files) {
            Path file = write("tricky-" + f++ + ".csv", text, StandardCharsets.UTF_8);
            List<String[]> expected = rowsOf(file, ReadOptions.DEFAULTS);
            for (int batchRows : new int[] {1, 2, 3, 100}) {
                assertSameRows(file, ReadOptions.DEFAULTS, batchRows, expected, true);
            }
        }
        Path latin = write("latin1.csv", "id,text\n1,Genève\n2,\"Zürich\nGrüezi\"\n3,ß\n",
                StandardCharsets.ISO_8859_1);
        ReadOptions iso = ReadOptions.DEFAULTS.withEncoding(StandardCharsets.ISO_8859_1);
        List<String[]> expected = rowsOf(latin, iso);
        assertThat(expected.get(1)).containsExactly("2", "Zürich\nGrüezi");
        for (int batchRows : new int[] {1, 2, 100}) {
            assertSameRows(latin, iso, batchRows, expected, true);
        }
    }

    @Test
    void aRecordLongerThanTheFastPathTakesIsParsedByFastCsvAlike() throws IOException {
        String big = "x".repeat(CsvChunks.FAST_RECORD_BYTES + 10);
        Path file = write("big.csv", "id,text\n1,a\n2,\"" + big + "\"\n3,c\n4,d\n", StandardCharsets.UTF_8);
        List<String[]> expected = rowsOf(file, ReadOptions.DEFAULTS);
        assertThat(expected.get(1)[1]).hasSize(big.length());
        assertSameRows(file, ReadOptions.DEFAULTS, 2, expected);
        assertSameRows(file, ReadOptions.DEFAULTS, 4, expected);
        // a slice at a time: the first row comes from the quick parse, the rest from FastCSV, none twice
        try (RowBatches batches = TableReaders.openBatches(file, ReadOptions.DEFAULTS, 4)) {
            List<String> ids = new ArrayList<>();
            batches.next().rows(1, slice -> ids.add(slice[0][0]));
            assertThat(ids).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void malformedFilesRaiseTheRowReadersErrorAtTheSameLine() throws IOException {
        // line numbers count the line breaks inside quoted fields, CRLF once
        String lead = "id,text\n1,\"two\r\nlines\"\n2,b\n";
        List<String[]> cases = List.of(
                new String[] {lead + "3,\"bad\"quote\n4,d\n", "line 5"},
                new String[] {lead + "3,c\n4,d,extra\n5,e\n", "line 6"},
                new String[] {lead + "3,c\n4\n5,e\n", "line 6"},
                new String[] {lead + "3,c\n4,\"never closed\n5,e\n", "line 6"},
                new String[] {lead + "3,c\n4,d\n5,\"closed\" \n", "line 7"});
        for (String[] c : cases) {
            Path file = write("bad.csv", c[0], StandardCharsets.UTF_8);
            String message = errorOfRowReader(file, ReadOptions.DEFAULTS);
            assertThat(message).as(c[0]).startsWith("bad.csv: " + c[1]);
            for (int batchRows : new int[] {1, 2, 3, 100}) {
                assertThat(errorOfBatches(file, ReadOptions.DEFAULTS, batchRows))
                        .as("%s in batches of %d", c[0], batchRows).isEqualTo(message);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,text\n1,a\n2,\"b\nc\"\n3,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a UTF-8 lead byte without its continuation
        bytes.writeBytes("x\n4,d\n".getBytes(StandardCharsets.UTF_8));
        Path undecodable = Files.write(dir.resolve("undecodable.csv"), bytes.toByteArray());
        ReadOptions utf8 = ReadOptions.DEFAULTS.withEncoding(StandardCharsets.UTF_8); // given: no windows-1252 fallback
        String message = errorOfRowReader(undecodable, utf8);
        assertThat(message).contains("line 5").contains("UTF-8");
        for (int batchRows : new int[] {1, 2, 100}) {
            assertThat(errorOfBatches(undecodable, utf8, batchRows)).isEqualTo(message);
        }
    }

    /** Random bytes after a good header and first row: the same rows, or the same error, for any batch size. */
    @Test
    void randomBytesGiveTheRowReadersRowsOrError() throws IOException {
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), ",".getBytes(StandardCharsets.UTF_8),
            "\"".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
            "\r".getBytes(StandardCharsets.UTF_8), " ".getBytes(StandardCharsets.UTF_8),
            "é".getBytes(StandardCharsets.UTF_8), "NA".getBytes(StandardCharsets.UTF_8), {(byte) 0xFF},
            "\r\n".getBytes(StandardCharsets.UTF_8), "b,c".getBytes(StandardCharsets.UTF_8)};
        SplittableRandom random = new SplittableRandom(11);
        int agreedOnRows = 0;
        int agreedOnErrors = 0;
        for (int i = 0; i < 6000; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("x,y,z\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
            int n = random.nextInt(120);
            for (int p = 0; p < n; p++) {
                // mostly well-formed three-field lines, with the odd stray piece
                bytes.writeBytes(random.nextInt(4) == 0 ? pieces[random.nextInt(pieces.length)]
                        : "p,\"q\",r\n".getBytes(StandardCharsets.UTF_8));
            }
            Path file = Files.write(dir.resolve("random.csv"), bytes.toByteArray());
            ReadOptions options = ReadOptions.DEFAULTS.withDelimiter(',');
            String error = errorOfRowReader(file, options);
            for (int batchRows : new int[] {1, 3, 1000}) {
                if (error == null) {
                    assertSameRows(file, options, batchRows, rowsOf(file, options));
                } else {
                    assertThat(errorOfBatches(file, options, batchRows)).as("file %d", i).isEqualTo(error);
                }
            }
            agreedOnRows += error == null ? 1 : 0;
            agreedOnErrors += error == null ? 0 : 1;
        }
        assertThat(agreedOnRows).as("files read without error").isGreaterThan(20);
        assertThat(agreedOnErrors).as("files with an error").isGreaterThan(20);
    }

    @Test
    void sharedDatasetsGiveTheRowReadersRows() {
        for (String dataset : TestData.ALL) {
            Path file = TestData.require(dataset);
            assertSameRows(file, ReadOptions.DEFAULTS, 1000, rowsOf(file, ReadOptions.DEFAULTS), true);
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() throws IOException {
        Path file = write("small.csv", "a,b\n1,2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TableReaders.openBatches(file, ReadOptions.DEFAULTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path write(String name, String text, Charset encoding) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(encoding));
    }

    private static void assertSameRows(Path file, ReadOptions options, int batchRows, List<String[]> expected) {
        assertSameRows(file, options, batchRows, expected, false);
    }

    /**
     * Reads every batch, then parses them last to first, and checks the batch sizes and rows.
     *
     * @param fastPath whether well-formed batches must be parsed without falling back to FastCSV
     */
    private static void assertSameRows(Path file, ReadOptions options, int batchRows, List<String[]> expected,
            boolean fastPath) {
        List<RowBatches.Pending> pending = new ArrayList<>();
        try (RowBatches batches = TableReaders.openBatches(file, options, batchRows)) {
            for (RowBatches.Pending p = batches.next(); p != null; p = batches.next()) {
                pending.add(p);
            }
            assertThat(batches.next()).as("stays at the end").isNull();
        }
        List<String[][]> parsed = new ArrayList<>(Collections.nCopies(pending.size(), null));
        for (int b = pending.size() - 1; b >= 0; b--) {
            if (fastPath && pending.get(b) instanceof CsvChunks.Chunk chunk) {
                assertThat(chunk.fastRows()).as("batch %d parsed without FastCSV", b).isNotNull();
            }
            if (b % 2 == 0) {
                parsed.set(b, pending.get(b).rows());
            } else { // odd batches a slice at a time: the same rows, in slices no larger than asked
                int sliceRows = 1 + b % 3;
                List<String[]> slices = new ArrayList<>();
                pending.get(b).rows(sliceRows, slice -> {
                    assertThat(slice.length).isBetween(1, sliceRows);
                    slices.addAll(Arrays.asList(slice));
                });
                parsed.set(b, slices.toArray(new String[0][]));
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int b = 0; b < parsed.size(); b++) {
            String[][] batch = parsed.get(b);
            if (b < parsed.size() - 1) {
                assertThat(batch.length).as("batch %d of %d rows", b, batchRows).isEqualTo(batchRows);
            } else {
                assertThat(batch.length).as("last batch").isBetween(1, batchRows);
            }
            rows.addAll(Arrays.asList(batch));
        }
        assertThat(rows).as("rows of %s in batches of %d", file.getFileName(), batchRows).hasSize(expected.size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(rows.get(r)).as("row %d in batches of %d", r, batchRows).containsExactly(expected.get(r));
        }
    }

    private static List<String[]> rowsOf(Path file, ReadOptions options) {
        List<String[]> rows = new ArrayList<>();
        try (RowReader reader = TableReaders.open(file, options)) {
            for (String[] row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.clone());
            }
        }
        return rows;
    }

    /** The row reader's error for the file, or null when it reads without one. */
    private static String errorOfRowReader(Path file, ReadOptions options) {
        try {
            rowsOf(file, options);
            return null;
        } catch (InputException e) {
            return e.getMessage();
        }
    }

    /** The error of reading the file in batches, parsing them in order (as a pipeline reports them). */
    private static String errorOfBatches(Path file, ReadOptions options, int batchRows) {
        try (RowBatches batches = TableReaders.openBatches(file, options, batchRows)) {
            for (RowBatches.Pending p = batches.next(); p != null; p = batches.next()) {
                p.rows();
            }
            return null;
        } catch (InputException e) {
            return e.getMessage();
        }
    }
}
