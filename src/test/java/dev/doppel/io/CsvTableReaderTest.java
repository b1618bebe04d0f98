package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dialects, quoting, line ends, missing markers and the formats inference finds in small hand-written files. */
class CsvTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static RawTable read(Path file) {
        return CsvTableReader.read(file, ReadOptions.DEFAULTS);
    }

    private static List<ColumnProfile> infer(RawTable table) {
        return SchemaInference.infer(table, Map.of());
    }

    /** Forty rows of one column, with the header, joined by LF. */
    private static String column(String header, List<String> values) {
        return header + "\n" + String.join("\n", values) + "\n";
    }

    // ---- separators

    static Stream<Arguments> separators() {
        return Stream.of(
                Arguments.of("tab", "\t", '\t', false),
                Arguments.of("semicolon", ";", ';', false),
                Arguments.of("pipe", "|", '|', false),
                Arguments.of("comma", ",", ',', false),
                Arguments.of("comma and space", ", ", ',', true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("separators")
    void detectsTheSeparator(String label, String separator, char expected, boolean padded) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(separator, "id", "city", "amount", "note")).append('\n');
        for (int i = 1; i <= 30; i++) {
            // text with the other candidates in it, so only the real separator splits consistently
            sb.append(String.join(separator, String.valueOf(i), "Town " + (i % 4), i + ".5", "a,b;c|d"
                    .replace(separator.trim(), "-"))).append('\n');
        }
        RawTable table = read(write("sep.txt", sb.toString()));
        assertThat(table.dialect().delimiter()).isEqualTo(expected);
        assertThat(table.dialect().spaceAfterDelimiter()).isEqualTo(padded);
        assertThat(table.names()).containsExactly("id", "city", "amount", "note");
        assertThat(table.rows()).isEqualTo(30);
        assertThat(table.column(1)[0]).as("padding is trimmed").isEqualTo("Town 1");
        assertThat(table.column(2)[29]).isEqualTo("30.5");
    }

    @Test
    void delimiterOptionOverridesDetection() throws IOException {
        Path file = write("forced.csv", "a;b,c\n1;2,3\n4;5,6\n");
        RawTable detected = read(file);
        assertThat(detected.names()).hasSize(2);
        RawTable forced = CsvTableReader.read(file, ReadOptions.DEFAULTS.withDelimiter(','));
        assertThat(forced.names()).containsExactly("a;b", "c");
        assertThat(forced.column(0)).containsExactly("1;2", "4;5");
        assertThat(forced.dialect().delimiter()).isEqualTo(',');
    }

    // ---- line ends, BOM, end of file

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LF", "CRLF"})
    void readsLfAndCrlfAlike(String name) throws IOException {
        String eol = name.equals("LF") ? "\n" : "\r\n";
        String content = String.join(eol, "id,name,score", "1,Ann,3.5", "2,\"Bo" + eol + "b\",4.25", "3,Cy,5") + eol;
        RawTable table = read(write("eol.csv", content));
        assertThat(table.dialect().lineSeparator()).isEqualTo(eol);
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.column(1)).containsExactly("Ann", "Bo" + eol + "b", "Cy");
        assertThat(table.column(2)).containsExactly("3.5", "4.25", "5");
        assertThat(table.lineOf(2)).as("the row after a two-line field starts on line 5").isEqualTo(5);
    }

    @Test
    void skipsAUtf8ByteOrderMarkAndRemembersIt() throws IOException {
        byte[] text = "name,age\nÄnne,30\nBo,41\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        RawTable table = read(write("bom.csv", withBom));
        assertThat(table.names()).containsExactly("name", "age");
        assertThat(table.column(0)).containsExactly("Änne", "Bo");
        assertThat(table.dialect().bom()).isTrue();
        assertThat(read(write("nobom.csv", text)).dialect().bom()).isFalse();
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        String content = "id,company,motto\n"
                + "1,\"Horn, Shepard and Watson\",\"say \"\"hi\"\"\"\n"
                + "2,\"Two\nlines\",plain\n"
                + "3,\"\",\"a,b\"\n";
        RawTable table = read(write("quoted.csv", content));
        assertThat(table.rows()).isEqualTo(3);
        assertThat(table.column(1)).containsExactly("Horn, Shepard and Watson", "Two\nlines", null);
        assertThat(table.column(2)).containsExactly("say \"hi\"", "plain", "a,b");
        assertThat(table.dialect().quoteText()).as("only some text is quoted").isFalse();
    }

    @Test
    void recognisesFilesThatQuoteEveryTextField() throws IOException {
        String content = "\"age\";\"job\";\"y\"\n58;\"management\";\"no\"\n44;\"technician\";\"yes\"\n";
        RawTable table = read(write("bank-like.csv", content));
        assertThat(table.dialect().quoteText()).isTrue();
        assertThat(table.dialect().delimiter()).isEqualTo(';');
        assertThat(table.names()).containsExactly("age", "job", "y");
    }

    @Test
    void ignoresATrailingBlankLineAndBlankLinesBetweenRows() throws IOException {
        RawTable table = read(write("blank.csv", "a,b\n1,2\n\n3,4\n   \n\n"));
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.column(0)).containsExactly("1", "3");
        assertThat(table.lineOf(1)).isEqualTo(4);
    }

    @Test
    void readsALastLineWithoutNewline() throws IOException {
        RawTable table = read(write("noeol.csv", "a,b\r\n1,2\r\n3,4"));
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.column(1)).containsExactly("2", "4");
        assertThat(table.dialect().lineSeparator()).isEqualTo("\r\n");
    }

    @Test
    void readsBlankLinesOfAOneColumnFileAsMissingValues() throws IOException {
        RawTable table = read(write("one.csv", "\nscore\n1\n\n3\n\n"));
        assertThat(table.names()).containsExactly("score");
        assertThat(table.column(0)).as("the blank line between rows is a missing value; trailing ones are not rows")
                .containsExactly("1", null, "3");
    }

    // ---- missing markers

    @Test
    void treatsDefaultMarkersAsMissing() throws IOException {
        String content = "id,v\n1,\n2,   \n3,NA\n4,N/A\n5,null\n6,?\n7,na\n8,NULL\n9,x\n10,\"\"\n";
        RawTable table = read(write("missing.csv", content));
        String[] v = table.column(1);
        assertThat(v).containsExactly(null, null, null, null, null, null, null, null, "x", null);
    }

    @Test
    void treatsPandasExcelAndSpreadsheetMarkersAsMissing() throws IOException {
        // what pandas (NaN, <NA>), Python (None), Excel (#N/A) and spreadsheets (-) write for a missing value
        String content = "id,v\n1,NaN\n2,nan\n3,None\n4,#N/A\n5,<NA>\n6,-\n7,12\n8,-5\n";
        RawTable table = read(write("pandas.csv", content));
        assertThat(table.column(1)).containsExactly(null, null, null, null, null, null, "12", "-5");
        List<ColumnProfile> columns = infer(table);
        assertThat(columns.get(1).spec().kind()).isEqualTo(ColumnKind.INTEGER); // was text with them as values
    }

    @Test
    void remembersTheMarkerMostUsedForMissing() throws IOException {
        RawTable table = read(write("marker.csv", "a,b,c\n1,NA, \n2,NA, \n3,,x\n4,5,y\n"));
        assertThat(table.missingMarkers()).containsExactly("", "NA", " ");
    }

    @Test
    void customMissingMarkersReplaceTheDefaults() throws IOException {
        Path file = write("custom.csv", "a,b\n1,unknown\n2,-\n3,NA\n4,\n5,ok\n");
        RawTable table = CsvTableReader.read(file, ReadOptions.DEFAULTS.withMissingMarkers(List.of("-", "Unknown")));
        assertThat(table.column(1)).as("markers match ignoring case; an empty cell is always missing")
                .containsExactly(null, null, "NA", null, "ok");
    }

    // ---- inferred formats

    static Stream<Arguments> dateLayouts() {
        return Stream.of(
                Arguments.of("dd.MM.yyyy", "%02d.%02d.%d", true),
                Arguments.of("MM/dd/yyyy", "%2$02d/%1$02d/%3$d", true),
                Arguments.of("yyyy-MM-dd", "%3$d-%2$02d-%1$02d", true),
                Arguments.of("dd-MM-yyyy", "%02d-%02d-%d", true),
                Arguments.of("d/M/yyyy", "%d/%d/%d", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dateLayouts")
    void detectsDateLayouts(String layout, String format, boolean dayAbove12) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int day = 1 + (i * 7) % 28;
            int month = 1 + i % 12;
            values.add(String.format(java.util.Locale.ROOT, format, day, month, 1990 + i % 30));
        }
        ColumnProfile date = infer(read(write("dates.csv", column("when", values)))).get(0);
        assertThat(date.spec().kind()).isEqualTo(ColumnKind.DATE);
        assertThat(date.spec().layout()).isEqualTo(layout);
        assertThat(date.notes()).as("days above 12 settle the order").noneMatch(n -> n.contains("day/month"));
    }

    @Test
    void reportsAnAmbiguousDayMonthOrderInTheNotes() throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(String.format(java.util.Locale.ROOT, "%02d.%02d.2020", 1 + i % 12, 1 + (i * 5) % 12));
        }
        ColumnProfile date = infer(read(write("ambiguous.csv", column("when", values)))).get(0);
        assertThat(date.spec().kind()).isEqualTo(ColumnKind.DATE);
        assertThat(date.spec().layout()).isEqualTo("dd.MM.yyyy");
        assertThat(date.notes()).anyMatch(n -> n.contains("day/month order not clear"));
    }

    @Test
    void detectsDateTimesWithSeconds() throws IOException {
        List<String> iso = new ArrayList<>();
        List<String> german = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            iso.add(String.format(java.util.Locale.ROOT, "2021-%02d-%02d %02d:%02d:%02d", 1 + i % 12, 1 + i, i % 24, i, 59 - i));
            german.add(String.format(java.util.Locale.ROOT, "%02d.%02d.2021 %02d:%02d:%02d", 1 + i, 1 + i % 12, i % 24, i, i));
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(iso.get(i) + ";" + german.get(i));
        }
        List<ColumnProfile> columns = infer(read(write("times.csv", column("created;changed", rows))));
        assertThat(columns.get(0).spec().describe()).isEqualTo("datetime yyyy-MM-dd HH:mm:ss");
        assertThat(columns.get(1).spec().describe()).isEqualTo("datetime dd.MM.yyyy HH:mm:ss");
    }

    @Test
    void keepsNumericLookingIdsAsIdentifiers() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            // zero padded, 20 digits (too long for a long), and a plain numbered "Index"
            rows.add(String.format(java.util.Locale.ROOT, "%04d,9%019d,%d,%d", i, 7919L * i * 1_000_003L, i * 3, 40 - i));
        }
        RawTable table = read(write("ids.csv", column("code,account,customer_id,rank", rows)));
        List<ColumnProfile> columns = infer(table);
        assertThat(table.column(0)[0]).isEqualTo("0001");
        assertThat(columns).extracting(c -> c.spec().kind()).containsExactly(
                ColumnKind.IDENTIFIER, ColumnKind.IDENTIFIER, ColumnKind.IDENTIFIER, ColumnKind.IDENTIFIER);
    }

    @Test
    void zeroPaddedCodesThatRepeatAreCategoriesNotNumbers() throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add(String.format(java.util.Locale.ROOT, "%05d", 1000 + (i % 6)));
        }
        ColumnProfile zip = infer(read(write("zip.csv", column("zip", values)))).get(0);
        assertThat(zip.spec().kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void decimalsKeepTheirScale() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // 2.50 keeps its trailing zero; "-20.0" and "7" still say one decimal at most
            rows.add(String.format(java.util.Locale.ROOT, "%.2f,%s,%d.125,%s", i * 1.25, i % 2 == 0 ? i + ".5" : "" + i,
                    i % 7, (i - 20) + ".0"));
        }
        List<ColumnProfile> columns = infer(read(write("decimals.csv", column("two,one,three,negative", rows))));
        assertThat(columns).extracting(c -> c.spec().describe())
                .containsExactly("decimal(2)", "decimal(1)", "decimal(3)", "decimal(1)");
    }

    @Test
    void recognisesBooleanSpellings() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean b = i % 3 == 0;
            rows.add((b ? "1" : "0") + "," + (b ? "Yes" : "No") + "," + (b ? "TRUE" : "FALSE") + "," + (b ? "y" : "n"));
        }
        List<ColumnProfile> columns = infer(read(write("bool.csv", column("a,b,c,d", rows))));
        assertThat(columns).extracting(c -> c.spec().describe())
                .containsExactly("boolean 0/1", "boolean No/Yes", "boolean FALSE/TRUE", "boolean n/y");
    }

    @Test
    void errorsNameTheFileAndPlaceButNoValue() throws IOException {
        Path file = write("stray.csv", "a,b\n1,\"x\"SECRET-VALUE\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage("stray.csv: line 2, column 2: text after a closing quote (a stray quote inside a field?)");
    }

    @Test
    void countsTheColumnOfABadByteWithTheFilesOwnSeparator() throws IOException {
        byte[] bytes = "id;name;city\n1;Ann;Bern\n2;Bo;Gen\u00e8ve, SECRET-VALUE\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("semi.csv", bytes);
        assertThatThrownBy(() -> CsvTableReader.read(file, ReadOptions.DEFAULTS.withEncoding(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessage("semi.csv: line 3, column 3: not valid UTF-8 text; pass --encoding (for example"
                        + " --encoding ISO-8859-1)");
        RawTable latin1 = CsvTableReader.read(file, ReadOptions.DEFAULTS.withEncoding(StandardCharsets.ISO_8859_1));
        assertThat(latin1.column(2)).containsExactly("Bern", "Gen\u00e8ve, SECRET-VALUE");
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252WhenNoEncodingIsGiven() throws IOException {
        // an older Western European export: umlauts in Latin-1, the euro sign and curly quotes in windows-1252 only
        byte[] bytes = "Stadt;Betrag\nM\u00fcnchen;5 \u20ac\nK\u00f6ln;\u201cgro\u00df\u201d\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        RawTable table = read(write("legacy.csv", bytes));
        assertThat(table.column(0)).containsExactly("M\u00fcnchen", "K\u00f6ln");
        assertThat(table.column(1)).containsExactly("5 \u20ac", "\u201cgro\u00df\u201d");
        // valid UTF-8 stays UTF-8, even where windows-1252 would read the same bytes otherwise
        RawTable utf8 = read(write("modern.csv", "Stadt\nM\u00fcnchen\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8.column(0)).containsExactly("M\u00fcnchen");
    }

    @Test
    void findsAnUnclosedQuoteBehindEscapedQuotesAndQuotedLineBreaks() throws IOException {
        String content = "a,b\r\n1,\"say \"\"hi\"\"\r\nagain\"\r\n2,\"open\r\n3,x\r\n";
        Path file = write("open.csv", content);
        assertThatThrownBy(() -> read(file))
                .hasMessage("open.csv: line 4, column 2: a quoted field is never closed (unterminated quote)");
    }

    @Test
    void reportsTheEarliestOfSeveralProblems() throws IOException {
        Path file = write("two.csv", "a,b,c\n1,2,3\n4,\"x\"y,6\n7,8,\"open\n");
        assertThatThrownBy(() -> read(file))
                .hasMessage("two.csv: line 3, column 2: text after a closing quote (a stray quote inside a field?)");
    }

    @Test
    void readsAQuoteInsideAnUnquotedFieldLiterally() throws IOException {
        RawTable table = read(write("inch.csv", "size,name\n12\",screen\n15\",laptop\n"));
        assertThat(table.column(0)).containsExactly("12\"", "15\"");
    }

    @Test
    void rejectsGzipAndZipInputsByTheirMagicBytes() throws IOException {
        Path gz = write("data.csv.gz", new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0});
        Path xlsx = write("book.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThatThrownBy(() -> read(gz)).hasMessage("data.csv.gz: is gzip-compressed; decompress it first");
        assertThatThrownBy(() -> read(xlsx)).hasMessageContaining("book.xlsx: is a zip archive");
    }
}
