package dev.doppel.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of small delimited files in awkward dialects, with the cells a reader must return: any of four
 * separators, padding after separators, LF or CRLF, a byte-order mark, quoted fields holding separators, quotes and
 * line breaks, quote-everything exports, blank lines between rows, missing markers in several spellings, one-column
 * files whose blank lines are missing values, and files without a final line break.
 */
final class AwkwardCsv {
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final String[] MISSING = {"", "NA", "na", "N/A", "null", "NULL", "?"};
    private static final String[] WORDS = {"Bern", "Zürich", "Genève", "東京", "Ann", "O'Neil", "x", "42", "-3.5",
        "2021-03-04", "12.10.2020 08:15:00", "true", "Horn, Shepard", "a;b", "p|q", "say \"hi\"", "two\nlines",
        "tab\there", "1e9", "Unknown", "0007"};

    /**
     * One generated file.
     *
     * @param bytes the file's content
     * @param delimiter the separator used
     * @param names the header
     * @param rows per row, the cells a reader must return (trimmed; null for missing)
     * @param lines per row, the line it starts on
     */
    record Fixture(byte[] bytes, char delimiter, List<String> names, List<String[]> rows, List<Integer> lines) {
        @Override
        public String toString() {
            return "Fixture[" + rows.size() + " rows x " + names.size() + " columns]"; // never cells
        }
    }

    private AwkwardCsv() {}

    static Fixture generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        char sep = SEPARATORS[random.nextInt(SEPARATORS.length)];
        int width = random.nextInt(5) == 0 ? 1 : 2 + random.nextInt(6);
        boolean padded = width > 1 && sep != '\t' && random.nextInt(4) == 0;
        String eol = random.nextBoolean() ? "\n" : "\r\n";
        boolean quoteAll = random.nextInt(5) == 0;
        boolean blankLines = width > 1 && random.nextInt(3) == 0;
        int rowCount = 1 + random.nextInt(random.nextBoolean() ? 10 : 300);
        String between = padded ? sep + " " : String.valueOf(sep);

        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add("col_" + c);
        }
        List<String> header = new ArrayList<>();
        for (String n : names) {
            header.add(quoteAll ? quote(n) : n);
        }
        text.append(String.join(between, header)).append(eol);
        int line = 2;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            if (blankLines && random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "" : "   ").append(eol);
                line++;
            }
            String[] expected = new String[width];
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                boolean last = r == rowCount - 1;
                // a one-column file drops trailing blank lines, so its last row is never missing
                boolean missing = random.nextInt(6) == 0 && !(width == 1 && last);
                String value;
                String field;
                if (missing) {
                    value = null;
                    String spelling = MISSING[random.nextInt(MISSING.length)];
                    if (width > 1 && random.nextInt(10) == 0) {
                        spelling = "  "; // white space only
                    }
                    field = quoteAll && !spelling.isEmpty() && random.nextBoolean() ? quote(spelling) : spelling;
                } else {
                    value = WORDS[random.nextInt(WORDS.length)];
                    if (random.nextInt(4) == 0) {
                        value = value + " " + random.nextInt(1000);
                    }
                    boolean must = value.indexOf(sep) >= 0 || value.contains("\"") || value.contains("\n");
                    field = must || quoteAll || random.nextInt(10) == 0 ? quote(value) : value;
                }
                expected[c] = value;
                fields.add(field);
            }
            rows.add(expected);
            lines.add(line);
            String record = String.join(between, fields);
            text.append(record);
            line += (int) record.chars().filter(ch -> ch == '\n').count();
            if (r < rowCount - 1 || random.nextInt(4) != 0) { // sometimes no final line break
                text.append(eol);
                line++;
            }
        }
        if (blankLines && random.nextBoolean()) {
            text.append(eol).append("  ").append(eol);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(6) == 0) {
            out.write(0xEF);
            out.write(0xBB);
            out.write(0xBF);
        }
        out.writeBytes(body);
        return new Fixture(out.toByteArray(), sep, names, rows, lines);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
