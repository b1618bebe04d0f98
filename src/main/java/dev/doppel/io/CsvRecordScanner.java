package dev.doppel.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds one CSV record in bytes by the rules of FastCSV's strict parser, the one {@link CsvRowReader} uses: where it
 * ends, how many lines it spans, where its fields are and whether they were quoted. Works on the bytes of any encoding
 * in which the separator, the quote, CR and LF are single ASCII bytes that no other character contains (UTF-8 and the
 * single-byte encodings), so a file can be cut into runs of whole records without decoding it.
 *
 * <p>The rules: a record ends at CR, LF or CRLF outside quotes (a CR's LF belongs to the record); a quote opens a
 * quoted field only where a field starts, and inside one a doubled quote is a quote; elsewhere quotes are data. A
 * record's lines are its own line break plus those inside its quoted fields (CRLF counts once). What FastCSV rejects
 * (text after a closing quote, a quote never closed) is flagged, not thrown: the caller decides.
 *
 * <p>Not thread-safe: the results of the last {@link #scan} are read from its fields.
 */
final class CsvRecordScanner {
    /** {@link #scan}: no record starts here (end of input). */
    static final int NO_RECORD = -2;
    /** {@link #scan}: the record goes on beyond the bytes given; give more (or say it is the end of input). */
    static final int INCOMPLETE = -1;
    /** A field's kind: unquoted. */
    static final byte PLAIN = 0;
    /** A field's kind: quoted, the content between the quotes as it is. */
    static final byte QUOTED = 1;
    /** A field's kind: quoted, with doubled quotes inside to undouble. */
    static final byte ESCAPED = 2;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte QUOTE = '"';
    private static final int FIELD_START = 0;
    private static final int IN_DATA = 1;
    private static final int IN_QUOTES = 2;
    private static final int AFTER_QUOTE = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte separator;
    /** The separator in each byte of a long. */
    private final long separators;
    /** How many fields' bounds to keep (the count goes on beyond it). */
    private final int keep;

    /** Lines the record spans: 1 plus the line breaks inside quoted fields. */
    int lines;
    /** Fields of the record; -1 after a {@link #skip} that did not count them. */
    int fields;
    /** Text followed a closing quote somewhere in the record (FastCSV's strict parser rejects it). */
    boolean textAfterQuote;
    /** The record ended inside a quoted field at the end of input (FastCSV rejects it). */
    boolean unclosedQuote;
    /** Some byte of the record is not ASCII. */
    boolean nonAscii;
    /** Per kept field: where its content starts and ends (quotes excluded) and its kind. */
    int[] starts;
    int[] ends;
    byte[] kinds;

    /**
     * @param separator the field separator, an ASCII character other than the quote, CR and LF
     * @param keep how many fields' bounds to keep, at least 1
     */
    CsvRecordScanner(char separator, int keep) {
        if (separator >= 0x80 || separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException(
                    "the separator must be one ASCII character other than a quote or line break");
        }
        this.separator = (byte) separator;
        this.separators = 0x0101010101010101L * separator;
        this.keep = Math.max(1, keep);
        starts = new int[this.keep];
        ends = new int[this.keep];
        kinds = new byte[this.keep];
    }

    /**
     * Scans the record that starts at {@code from}.
     *
     * @param limit the end of the bytes given
     * @param endOfInput whether the input ends at {@code limit}
     * @return where the next record starts, or {@link #INCOMPLETE} or {@link #NO_RECORD}
     */
    int scan(byte[] b, int from, int limit, boolean endOfInput) {
        lines = 1;
        fields = 0;
        textAfterQuote = false;
        unclosedQuote = false;
        if (from >= limit) {
            return endOfInput ? NO_RECORD : INCOMPLETE;
        }
        int state = FIELD_START;
        int fieldStart = from;
        boolean escaped = false;
        boolean crInQuotes = false;
        int i = from;
        while (i < limit) {
            byte c = b[i++];
            if (state == IN_QUOTES) {
                if (c == QUOTE) {
                    state = AFTER_QUOTE;
                    crInQuotes = false;
                } else if (c == CR) {
                    lines++;
                    crInQuotes = true;
                } else if (c == LF) {
                    if (crInQuotes) {
                        crInQuotes = false;
                    } else {
                        lines++;
                    }
                } else {
                    crInQuotes = false;
                    int next = indexOfQuoteOrBreak(b, i, limit); // the rest of the plain quoted text
                    i = next < 0 ? limit : next;
                }
            } else if (c == separator) {
                field(fieldStart, i - 1, state, escaped);
                state = FIELD_START;
                fieldStart = i;
            } else if (c == CR || c == LF) {
                field(fieldStart, i - 1, state, escaped);
                if (c == CR) {
                    if (i == limit && !endOfInput) {
                        return INCOMPLETE; // an LF may follow, and belongs to this record
                    }
                    if (i < limit && b[i] == LF) {
                        i++;
                    }
                }
                nonAscii = anyHighBit(b, from, i);
                return i;
            } else if (c == QUOTE && state != IN_DATA) {
                escaped = state == AFTER_QUOTE; // a quote right after a closing one: a doubled quote
                if (!escaped) {
                    fieldStart = i - 1;
                }
                state = IN_QUOTES;
            } else if (state == AFTER_QUOTE) {
                textAfterQuote = true; // FastCSV's strict parser stops here; carry on as its lenient one would
            } else {
                state = IN_DATA;
                int next = indexOfSeparatorOrBreak(b, i, limit); // the rest of the field: quotes in it are data
                i = next < 0 ? limit : next;
            }
        }
        if (!endOfInput) {
            return INCOMPLETE;
        }
        nonAscii = anyHighBit(b, from, limit);
        if (state == IN_QUOTES) {
            unclosedQuote = true;
            field(fieldStart, limit, state, escaped);
            return limit;
        }
        // at the end of input a field is added when it has content, or when a separator came last
        if (fieldStart < limit || state == FIELD_START && fields > 0) {
            field(fieldStart, limit, state, escaped);
        }
        return limit;
    }

    /**
     * Where the record that starts at {@code from} ends, as {@link #scan} says, but quicker for the records most files
     * are made of, jumping from one quote or line break to the next: unquoted fields, quotes inside them, and quoted
     * fields without a line break or a doubled quote in them. Such a record that is plainly not a blank line (it
     * starts with a printable ASCII character other than a quote, or has a separator after a quoted field) gets
     * {@link #fields} -1 (not counted) and no field bounds; any other record is {@linkplain #scan scanned}.
     */
    int skip(byte[] b, int from, int limit, boolean endOfInput) {
        if (from >= limit) {
            return scan(b, from, limit, endOfInput);
        }
        byte first = b[from];
        boolean notBlank = first > ' ' && first != QUOTE;
        if (!notBlank && first != QUOTE) {
            return scan(b, from, limit, endOfInput);
        }
        int i = from;
        while (true) {
            int j = indexOfQuoteOrBreak(b, i, limit);
            if (j < 0) {
                return scan(b, from, limit, endOfInput); // more input needed, or the last record
            }
            if (b[j] != QUOTE) { // a line break outside quotes: the record ends
                if (!notBlank) {
                    return scan(b, from, limit, endOfInput);
                }
                int end = j + 1;
                if (b[j] == CR) {
                    if (end == limit && !endOfInput) {
                        return INCOMPLETE; // an LF may follow, and belongs to this record
                    }
                    if (end < limit && b[end] == LF) {
                        end++;
                    }
                }
                lines = 1;
                fields = -1;
                textAfterQuote = false;
                unclosedQuote = false;
                return end;
            }
            if (j != from && b[j - 1] != separator) {
                i = j + 1; // a quote inside an unquoted field is data
                continue;
            }
            int close = indexOfQuoteOrBreak(b, j + 1, limit); // a quoted field: find its closing quote
            if (close < 0 || b[close] != QUOTE || close + 1 >= limit) {
                return scan(b, from, limit, endOfInput); // a line break in quotes, or more input needed
            }
            byte after = b[close + 1];
            if (after == separator) {
                notBlank = true;
                i = close + 2;
            } else if (after == CR || after == LF) {
                i = close + 1;
            } else {
                return scan(b, from, limit, endOfInput); // a doubled quote, or text after the closing quote
            }
        }
    }

    /** The first quote, CR or LF in {@code b[from, limit)}, or -1; eight bytes at a time. */
    static int indexOfQuoteOrBreak(byte[] b, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long found = zeroBytes(w ^ 0x2222222222222222L) | zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL)
                    | zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL);
            if (found != 0) {
                // the lowest flagged byte is a true match (a false flag only ever follows a true one)
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == QUOTE || c == CR || c == LF) {
                return i;
            }
        }
        return -1;
    }

    /** The first separator, CR or LF in {@code b[from, limit)}, or -1; eight bytes at a time. */
    private int indexOfSeparatorOrBreak(byte[] b, int from, int limit) {
        int i = from;
        for (; i + Long.BYTES <= limit; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i);
            long found = zeroBytes(w ^ separators) | zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL)
                    | zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == separator || c == CR || c == LF) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some byte of {@code b[from, to)} is not ASCII; eight bytes at a time. */
    private static boolean anyHighBit(byte[] b, int from, int to) {
        int i = from;
        long bits = 0;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            bits |= (long) LONGS.get(b, i);
        }
        for (; i < to; i++) {
            bits |= b[i];
        }
        return (bits & 0x8080808080808080L) != 0;
    }

    /** The high bit of each zero byte of x set (and maybe of bytes above a zero byte). */
    private static long zeroBytes(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private void field(int start, int end, int state, boolean escaped) {
        if (fields < keep) {
            boolean quoted = state == AFTER_QUOTE || state == IN_QUOTES;
            // a quoted field's content lies between its quotes (a closing quote is the field's last byte)
            starts[fields] = quoted ? start + 1 : start;
            ends[fields] = state == AFTER_QUOTE ? end - 1 : end;
            kinds[fields] = quoted ? (escaped ? ESCAPED : QUOTED) : PLAIN;
        }
        fields++;
    }
}
