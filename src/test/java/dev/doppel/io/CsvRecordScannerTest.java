package dev.doppel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The record scanner's quick paths agree with its plain ones on random bytes. */
class CsvRecordScannerTest {
    private static final byte[] ALPHABET = {'a', 'b', ',', '"', '"', ',', '\r', '\n', ' ', '\t', (byte) 0xC3,
        (byte) 0xA9, '#'};

    @Test
    void eightBytesAtATimeFindTheFirstQuoteOrLineBreak() {
        SplittableRandom random = new SplittableRandom(3);
        int found = 0;
        for (int t = 0; t < 20_000; t++) {
            byte[] b = randomBytes(random, 1 + random.nextInt(40), random.nextInt(30));
            int from = random.nextInt(b.length);
            int expected = -1;
            for (int i = from; i < b.length; i++) {
                if (b[i] == '"' || b[i] == '\r' || b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(CsvRecordScanner.indexOfQuoteOrBreak(b, from, b.length)).isEqualTo(expected);
            found += expected >= 0 ? 1 : 0;
        }
        assertThat(found).as("searches that found something").isBetween(5_000, 19_000);
    }

    @Test
    void skippingARecordEndsItWhereScanningDoes() {
        SplittableRandom random = new SplittableRandom(4);
        CsvRecordScanner scanner = new CsvRecordScanner(',', 4);
        int quick = 0;
        for (int t = 0; t < 20_000; t++) {
            byte[] b = randomBytes(random, 1 + random.nextInt(60), 1 + random.nextInt(20));
            int limit = 1 + random.nextInt(b.length);
            boolean end = random.nextBoolean();
            int scanned = scanner.scan(b, 0, limit, end);
            int scannedLines = scanner.lines;
            int scannedFields = scanner.fields;
            int skipped = scanner.skip(b, 0, limit, end);
            assertThat(skipped).isEqualTo(scanned);
            if (skipped >= 0) {
                assertThat(scanner.lines).isEqualTo(scannedLines);
                if (scanner.fields == -1) {
                    quick++;
                    // a blank line has one field, unquoted and all white space, or quoted
                    assertThat(scannedFields > 1 || b[0] > ' ' && b[0] != '"')
                            .as("a quickly skipped record is no blank line").isTrue();
                } else {
                    assertThat(scanner.fields).isEqualTo(scannedFields);
                }
            }
        }
        assertThat(quick).as("records skipped the quick way").isGreaterThan(1000);
    }

    /** Random bytes, mostly letters, with the special ones one time in {@code oneIn}. */
    private static byte[] randomBytes(SplittableRandom random, int length, int oneIn) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = random.nextInt(Math.max(1, oneIn)) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) 'x';
        }
        return b;
    }
}
