package dev.doppel.table;

/**
 * How a delimited text file is laid out, so synthetic output can be written the way the input was.
 *
 * @param delimiter the field separator
 * @param spaceAfterDelimiter true where every separator is followed by one space ({@code adult.csv}'s ", ")
 * @param lineSeparator "\n" or "\r\n"
 * @param quoteText true where the input quotes every text field, header included (quote-all-strings exports)
 * @param bom true where the input began with a UTF-8 byte-order mark
 */
public record FileDialect(
        char delimiter, boolean spaceAfterDelimiter, String lineSeparator, boolean quoteText, boolean bom) {

    /** Plain RFC 4180: comma, LF, minimal quoting. Used for Parquet inputs written back as CSV. */
    public static final FileDialect RFC4180 = new FileDialect(',', false, "\n", false, false);

    public FileDialect {
        if (!"\n".equals(lineSeparator) && !"\r\n".equals(lineSeparator)) {
            throw new IllegalArgumentException("line separator must be LF or CRLF");
        }
    }

    /** Name of the delimiter for people: "comma", "semicolon", "tab", "pipe" or the character. */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    public FileDialect withDelimiter(char newDelimiter) {
        return new FileDialect(newDelimiter, spaceAfterDelimiter, lineSeparator, quoteText, bom);
    }
}
