package dev.doppel.io;

import dev.doppel.table.FileDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Guesses a delimited file's dialect from its first lines: the separator that splits the header and the following
 * lines into the same number of fields, the line ending, padding after separators, and whether text is quoted.
 */
final class DialectSniffer {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_LINES = 50;

    private DialectSniffer() {}

    /**
     * @param head the decoded start of the file (a few tens of kilobytes), without a BOM
     * @param forcedDelimiter the user's separator, or null to detect it
     */
    static FileDialect sniff(String head, Character forcedDelimiter, boolean bom) {
        String lineSeparator = lineSeparatorOf(head);
        List<String> lines = logicalLines(head);
        char delimiter = forcedDelimiter != null ? forcedDelimiter : detectDelimiter(lines);
        boolean padded = !lines.isEmpty();
        boolean sawDelimiter = false;
        int quotedText = 0;
        int bareText = 0;
        for (String line : lines) {
            List<String> fields = split(line, delimiter);
            if (fields.size() > 1) {
                sawDelimiter = true;
            }
            for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                if (i > 0 && !field.startsWith(" ")) {
                    padded = false;
                }
                String trimmed = field.trim();
                if (trimmed.startsWith("\"")) {
                    quotedText++;
                } else if (!trimmed.isEmpty() && !looksNumeric(trimmed)) {
                    bareText++;
                }
            }
        }
        return new FileDialect(
                delimiter, padded && sawDelimiter, lineSeparator, quotedText > 0 && bareText == 0, bom);
    }

    private static String lineSeparatorOf(String head) {
        int lf = head.indexOf('\n');
        return lf > 0 && head.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /** Splits into records, keeping line breaks inside quotes; drops the last, possibly cut, line and blank ones. */
    private static List<String> logicalLines(String head) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean complete = false;
        for (int i = 0; i < head.length() && lines.size() < MAX_LINES; i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                complete = true;
                continue;
            }
            current.append(c);
            complete = false;
        }
        if (current.length() > 0 && (lines.isEmpty() || complete || head.length() < 65536)) {
            lines.add(current.toString()); // a short file's last line has no newline (mall_customers.csv)
        }
        return lines;
    }

    private static char detectDelimiter(List<String> lines) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            if (lines.isEmpty()) {
                break;
            }
            int headerCount = split(lines.get(0), candidate).size() - 1;
            if (headerCount == 0) {
                continue;
            }
            int same = 0;
            for (String line : lines) {
                if (split(line, candidate).size() - 1 == headerCount) {
                    same++;
                }
            }
            double consistency = (double) same / lines.size();
            double score = consistency >= 0.9 ? 1000 + headerCount : consistency;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Splits one record on the delimiter outside quotes; fields keep their quotes and padding. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
        return fields;
    }

    private static boolean looksNumeric(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        boolean digit = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
                return false;
            }
        }
        return digit;
    }
}
