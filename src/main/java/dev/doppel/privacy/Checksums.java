package dev.doppel.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/** The check-digit rules of IBANs (ISO 13616, mod 97) and payment card numbers (Luhn). */
public final class Checksums {
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern CARD_SHAPE = Pattern.compile("\\d{12,19}");

    private Checksums() {}

    /**
     * True for an IBAN whose check digits are right: two letters, two check digits, 11 to 30 letters or digits
     * (spaces allowed between groups, any case), and the number read with letters as 10..35 and the first four
     * characters moved to the end leaves remainder 1 when divided by 97. The country-specific length is not checked.
     */
    public static boolean isIban(String value) {
        String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
        return IBAN_SHAPE.matcher(iban).matches() && ibanRemainder(iban) == 1;
    }

    /**
     * The two check digits that make {@code country + digits + bban} a valid IBAN (ISO 13616: 98 minus the mod-97
     * remainder of the number with check digits 00). The country is two upper-case letters; the BBAN holds upper-case
     * letters and digits only.
     */
    public static String ibanCheckDigits(String country, String bban) {
        int check = 98 - ibanRemainder(country + "00" + bban);
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /** The mod-97 remainder of an IBAN (compact, upper case) with its first four characters moved to the end. */
    static int ibanRemainder(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    /**
     * True for a payment card number: 12 to 19 digits (spaces or hyphens allowed between groups) that pass the Luhn
     * check (double every second digit from the right, subtract 9 above 9; the sum ends in 0).
     */
    public static boolean isCardNumber(String value) {
        String digits = value.replace(" ", "").replace("-", "");
        return CARD_SHAPE.matcher(digits).matches() && luhn(digits);
    }

    /**
     * The digit that, appended to {@code payload} (digits only), makes the whole pass the Luhn check: the check digit
     * of a payment card number.
     */
    public static char luhnCheckDigit(CharSequence payload) {
        // the rightmost payload digit is doubled once the check digit follows it
        return (char) ('0' + (10 - luhnSum(payload, true) % 10) % 10);
    }

    /** The Luhn check over a string of digits. */
    static boolean luhn(String digits) {
        return luhnSum(digits, false) % 10 == 0;
    }

    /**
     * The Luhn sum of {@code digits}: from the right, every second digit doubled (less 9 above 9), starting with the
     * rightmost when {@code doubleRightmost}.
     */
    private static int luhnSum(CharSequence digits, boolean doubleRightmost) {
        int sum = 0;
        boolean twice = doubleRightmost;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum;
    }
}
