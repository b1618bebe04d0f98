package dev.doppel.mask.fake;

import dev.doppel.privacy.Checksums;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills value-free layouts with random characters: phone layouts, character-class shapes (ids, postcodes), IBANs,
 * card numbers and IP addresses. Stateless; every method draws from the caller's generator only.
 */
final class Shapes {
    private static final String HEX_LOWER = "0123456789abcdef";
    private static final String HEX_UPPER = "0123456789ABCDEF";
    /** BBAN character classes of the IBAN countries Doppel's locales use ({@code A} letter, {@code 9} digit). */
    private static final Map<String, String> BBAN = Map.of(
            "DE", "9".repeat(18),
            "FR", "9".repeat(23),
            "ES", "9".repeat(20),
            "IT", "A" + "9".repeat(22),
            "NL", "AAAA" + "9".repeat(10),
            "GB", "AAAA" + "9".repeat(14),
            "AT", "9".repeat(16),
            "CH", "9".repeat(17),
            "BE", "9".repeat(12));

    private Shapes() {}

    /**
     * A phone number from a layout: each {@code #} becomes a digit, the first one 2 to 9 (area codes and subscriber
     * numbers do not start with 0 or 1 after the prefix); everything else, prefix included, is kept.
     */
    static String phone(String layout, SplittableRandom rnd) {
        char[] out = layout.toCharArray();
        boolean first = true;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '#') {
                out[i] = (char) (first ? '2' + rnd.nextInt(8) : '0' + rnd.nextInt(10));
                first = false;
            }
        }
        return new String(out);
    }

    /**
     * A value from a character-class shape: {@code 9} digit, {@code N} digit 1-9, {@code A} upper-case letter,
     * {@code a} lower-case letter, {@code X}/{@code x} upper/lower-case hex digit; any other character is kept.
     */
    static String classes(String shape, SplittableRandom rnd) {
        char[] out = shape.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (out[i]) {
                case '9' -> (char) ('0' + rnd.nextInt(10));
                case 'N' -> (char) ('1' + rnd.nextInt(9));
                case 'A' -> (char) ('A' + rnd.nextInt(26));
                case 'a' -> (char) ('a' + rnd.nextInt(26));
                case 'X' -> HEX_UPPER.charAt(rnd.nextInt(16));
                case 'x' -> HEX_LOWER.charAt(rnd.nextInt(16));
                default -> out[i];
            };
        }
        return new String(out);
    }

    /** True for a country Doppel knows the BBAN layout of. */
    static boolean knowsIbanCountry(String country) {
        return BBAN.containsKey(country);
    }

    /** The IBAN length (with country and check digits) of a known country. */
    static int ibanLength(String country) {
        return BBAN.get(country).length() + 4;
    }

    /**
     * An IBAN with valid mod-97 check digits: the country's BBAN classes where known and of the right length, else
     * {@code length - 4} digits; printed in groups of four when {@code grouped}.
     */
    static String iban(String country, int length, boolean grouped, SplittableRandom rnd) {
        String known = BBAN.get(country);
        String bban = classes(known != null && known.length() == length - 4 ? known : "9".repeat(length - 4), rnd);
        String compact = country + Checksums.ibanCheckDigits(country, bban) + bban;
        if (!grouped) {
            return compact;
        }
        StringBuilder out = new StringBuilder(compact.length() + compact.length() / 4);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(compact.charAt(i));
        }
        return out.toString();
    }

    /**
     * A card number from a layout: literal digits are kept (the first digit), each {@code #} becomes a random digit
     * and the last digit position is set so that the number passes the Luhn check; separators are kept.
     */
    static String card(String layout, SplittableRandom rnd) {
        char[] out = layout.toCharArray();
        StringBuilder payload = new StringBuilder(out.length);
        int lastDigit = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '#') {
                out[i] = (char) ('0' + rnd.nextInt(10));
            }
            if (out[i] >= '0' && out[i] <= '9') {
                if (lastDigit >= 0) {
                    payload.append(out[lastDigit]);
                }
                lastDigit = i;
            }
        }
        if (lastDigit >= 0) {
            out[lastDigit] = Checksums.luhnCheckDigit(payload);
        }
        return new String(out);
    }

    /** A public-looking IPv4 address (first octet 1-223, not 10 or 127), as from a consumer or business line. */
    static String ipv4(SplittableRandom rnd) {
        int first;
        do {
            first = 1 + rnd.nextInt(223);
        } while (first == 10 || first == 127);
        return first + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    /** A global-unicast IPv6 address (2000::/3) with eight groups, lower case, no leading zeros. */
    static String ipv6(SplittableRandom rnd) {
        StringBuilder out = new StringBuilder(39);
        out.append(Integer.toHexString(0x2000 + rnd.nextInt(0x2000)));
        for (int i = 1; i < 8; i++) {
            out.append(':').append(Integer.toHexString(rnd.nextInt(0x10000)));
        }
        return out.toString();
    }
}
