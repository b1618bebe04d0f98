package dev.doppel.mask.fake;

import dev.doppel.privacy.Checksums;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.ValueChecks;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Value-free layouts of real values (see {@link Fakes#layoutOf}). Each layout keeps only what many people share:
 * punctuation, lengths, character classes, a country code, a public TLD, a domain style.
 */
final class Layouts {
    /** Longest id or postcode we take a shape of; longer values are free text, not keys. */
    static final int MAX_SHAPE = 64;

    /** Whether a phone layout passes the phone check; a layout decides it (the check looks at structure only). */
    private static final Map<String, Boolean> PHONE_LAYOUTS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    private Layouts() {}

    /**
     * The phone layout of a value that passes the phone check, else null. The check is a regex; its answer depends
     * only on the layout (digit positions and the characters kept), so it runs once per layout, not per value.
     */
    private static String checkedPhone(String v) {
        String layout = phone(v);
        return phoneLayoutValid(layout, v) ? layout : null;
    }

    /** Whether values of the phone layout of {@code v} pass the phone check (decided by the first value met). */
    static boolean phoneLayoutValid(String layout, String v) {
        Boolean ok = PHONE_LAYOUTS.get(layout);
        if (ok == null) {
            ok = ValueChecks.isPhone(v);
            if (PHONE_LAYOUTS.size() < MAX_CACHED) {
                PHONE_LAYOUTS.put(layout, ok);
            }
        }
        return ok;
    }

    /** Something@something.tld: enough to read a style and a TLD from (the full check costs a regex per value). */
    private static boolean looksLikeEmail(String v) {
        int at = v.lastIndexOf('@');
        return at > 0 && v.indexOf('.', at) > at + 1 && v.indexOf(' ') < 0;
    }

    private static boolean looksLikeUrl(String v) {
        return v.indexOf('.') > 0 && v.indexOf(' ') < 0;
    }

    static String of(PersonalData what, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        return switch (what) {
            case PHONE -> checkedPhone(v);
            case EMAIL -> looksLikeEmail(v) ? email(v) : null; // the layout keeps only style, TLD and separator
            case WEBSITE -> looksLikeUrl(v) ? website(v) : null; // only scheme, www and TLD
            case CUSTOMER_ID, RECORD_ID, POSTCODE -> v.length() <= MAX_SHAPE ? shape(v) : null;
            case IBAN -> Checksums.isIban(v) ? iban(v) : null;
            case CARD_NUMBER -> Checksums.isCardNumber(v) ? card(v) : null;
            case IP_ADDRESS -> ValueChecks.isIpv4(v) ? "4" : ValueChecks.isIpv6(v) ? "6" : null;
            case FULL_NAME -> v.indexOf(',') > 0 ? Fakes.LAST_COMMA_FIRST : null;
            default -> null;
        };
    }

    /**
     * Digits become {@code #}; a leading {@code +} or {@code 00} with the country calling code after it, a national
     * trunk {@code 0}, a {@code (0)}, punctuation, spaces and an extension marker are kept ({@code #} marker as x).
     */
    static String phone(String v) {
        StringBuilder out = new StringBuilder(v.length());
        int i = 0;
        if (v.startsWith("+") || v.startsWith("00")) {
            int start = v.startsWith("+") ? 1 : 2;
            out.append(v, 0, start);
            i = start;
            while (i < v.length() && !Character.isDigit(v.charAt(i))) {
                out.append(v.charAt(i++));
            }
            int code = callingCodeLength(v, i);
            out.append(v, i, i + code);
            i += code;
        } else if (v.startsWith("0")) {
            out.append('0');
            i = 1;
        } else if (v.startsWith("(0")) {
            out.append("(0");
            i = 2;
        }
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (v.startsWith("(0)", i)) {
                out.append("(0)");
                i += 2;
            } else if (c >= '0' && c <= '9') {
                out.append('#');
            } else if (c == '#') {
                out.append('x');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@link #phone} of an ASCII value without white space at its ends, written into {@code out[0, n)}: a phone
     * layout has one character per character of the value. {@code out} may hold the value's characters; they are read
     * from {@code v}.
     *
     * @return n
     */
    static int phoneInto(char[] out, int n, String v) {
        int i = 0;
        char first = v.charAt(0);
        if (first == '+' || v.startsWith("00")) {
            int start = first == '+' ? 1 : 2;
            for (int j = 0; j < start; j++) {
                out[j] = v.charAt(j);
            }
            i = start;
            while (i < n && !isAsciiDigit(v.charAt(i))) {
                out[i] = v.charAt(i);
                i++;
            }
            int code = callingCodeLength(v, i);
            for (int j = i; j < i + code; j++) {
                out[j] = v.charAt(j);
            }
            i += code;
        } else if (first == '0') {
            out[0] = '0';
            i = 1;
        } else if (v.startsWith("(0")) {
            out[0] = '(';
            out[1] = '0';
            i = 2;
        }
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c == '(' && i + 2 < n && v.charAt(i + 1) == '0' && v.charAt(i + 2) == ')') {
                out[i] = '(';
                out[i + 1] = '0';
                out[i + 2] = ')';
                i += 2;
            } else if (c >= '0' && c <= '9') {
                out[i] = '#';
            } else if (c == '#') {
                out[i] = 'x';
            } else {
                out[i] = c;
            }
        }
        return n;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Length of the ITU country calling code at {@code at} (codes are prefix-free): 1 for zones 1 and 7, 2 for the
     * two-digit codes, else 3; 0 when no digits follow.
     */
    static int callingCodeLength(String v, int at) {
        if (at >= v.length() || !Character.isDigit(v.charAt(at))) {
            return 0;
        }
        char zone = v.charAt(at);
        if (zone == '1' || zone == '7') {
            return 1;
        }
        if (at + 1 >= v.length() || !Character.isDigit(v.charAt(at + 1))) {
            return 1;
        }
        int two = (zone - '0') * 10 + (v.charAt(at + 1) - '0');
        boolean twoDigit = switch (two / 10) {
            case 2 -> two == 20 || two == 27;
            case 3 -> two <= 34 || two == 36 || two == 39;
            case 4 -> two != 42;
            case 5 -> two >= 51 && two <= 58;
            case 6 -> two <= 66;
            case 8 -> two == 81 || two == 82 || two == 84 || two == 86;
            case 9 -> two <= 95 || two == 98;
            default -> false;
        };
        int length = twoDigit ? 2 : 3;
        int digits = 0;
        while (digits < length && at + digits < v.length() && Character.isDigit(v.charAt(at + digits))) {
            digits++;
        }
        return digits;
    }

    /** "style:tld:separator:digits", e.g. "freemail:de:.:1": domain style, public TLD, local-part separator, digits. */
    static String email(String v) {
        int at = v.lastIndexOf('@');
        String domain = v.substring(at + 1).toLowerCase(Locale.ROOT);
        String style = Domains.isReserved(domain) ? Fakes.EXAMPLE : Domains.isFreeMail(domain) ? Fakes.FREE_MAIL
                : Fakes.COMPANY_DOMAIN;
        String tld = Domains.commonTld(domain);
        boolean dot = false;
        boolean underscore = false;
        boolean hyphen = false;
        boolean digits = false;
        for (int i = 0; i < at; i++) { // the local part, in one scan
            char c = v.charAt(i);
            dot |= c == '.';
            underscore |= c == '_';
            hyphen |= c == '-';
            digits |= c >= '0' && c <= '9';
        }
        String separator = dot ? "." : underscore ? "_" : hyphen ? "-" : ""; // the first of . _ - that occurs
        return style + ":" + tld + ":" + separator + ":" + (digits ? "1" : "0");
    }

    /** "scheme:www:tld:slash", e.g. "https:www:org:/" (scheme empty for "www.…", slash empty without a path). */
    static String website(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("https://") ? "https" : lower.startsWith("http://") ? "http" : "";
        String rest = scheme.isEmpty() ? lower : lower.substring(scheme.length() + 3);
        int end = 0;
        while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String host = rest.substring(0, end);
        String www = host.startsWith("www.") ? "www" : "";
        String slash = end < rest.length() ? "/" : "";
        return scheme + ":" + www + ":" + Domains.commonTld(host) + ":" + slash;
    }

    /**
     * Character classes per position: {@code 9} digit, {@code A}/{@code a} upper/lower-case letter; a long
     * hexadecimal key (12 or more letters and digits, all hex, both present) gets {@code X}/{@code x} instead, so its
     * fakes are hex too. Characters that are neither letters nor digits are kept.
     */
    static String shape(String v) {
        boolean hex = isHexKey(v);
        int upperHex = 0;
        int lowerHex = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            upperHex += c >= 'A' && c <= 'F' ? 1 : 0;
            lowerHex += c >= 'a' && c <= 'f' ? 1 : 0;
        }
        char hexDigit = upperHex >= lowerHex ? 'X' : 'x';
        char[] out = new char[v.length()];
        for (int i = 0; i < out.length; i++) {
            char c = v.charAt(i);
            out[i] = c < 0x80 ? shapeOfAscii(c, hex, hexDigit) : shapeOf(c, hex, hexDigit);
        }
        return new String(out);
    }

    /** {@link #shape} of the ASCII characters {@code chars[0, n)}, in two passes and without the Unicode tables. */
    static String asciiShape(char[] chars, int n) {
        int digits = 0;
        boolean otherLetter = false;
        int upperHex = 0;
        int lowerHex = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c >= 'A' && c <= 'F') {
                upperHex++;
            } else if (c >= 'a' && c <= 'f') {
                lowerHex++;
            } else if (c >= 'G' && c <= 'Z' || c >= 'g' && c <= 'z') {
                otherLetter = true;
            }
        }
        int hexLetters = upperHex + lowerHex;
        boolean hex = !otherLetter && hexLetters > 0 && digits > 0 && hexLetters + digits >= 12;
        char hexDigit = upperHex >= lowerHex ? 'X' : 'x';
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = shapeOfAscii(chars[i], hex, hexDigit);
        }
        return new String(out);
    }

    /** {@link #shapeOf} for an ASCII character, without the Unicode tables (the same answers). */
    private static char shapeOfAscii(char c, boolean hex, char hexDigit) {
        if (c >= '0' && c <= '9') {
            return hex ? hexDigit : '9';
        }
        if (c >= 'A' && c <= 'Z') {
            return hex ? 'X' : 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return hex ? 'x' : 'a';
        }
        return c;
    }

    /** One character of a {@link #shape}. */
    private static char shapeOf(char c, boolean hex, char hexDigit) {
        if (Character.isDigit(c)) {
            return hex ? hexDigit : '9';
        }
        if (Character.isLetter(c)) {
            boolean upper = Character.isUpperCase(c);
            return hex ? (upper ? 'X' : 'x') : (upper ? 'A' : 'a');
        }
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c) ? '9' : c;
    }

    private static boolean isHexKey(String v) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                letters++;
            } else if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return letters > 0 && digits > 0 && letters + digits >= 12;
    }

    /** Country and length, plus a trailing space when printed in groups: "DE22", "NL18 ". */
    static String iban(String v) {
        String compact = v.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, 2) + compact.length() + (v.indexOf(' ') >= 0 ? " " : "");
    }

    /** The first digit kept, other digits {@code #}, separators kept: "4### #### #### ####". */
    static String card(String v) {
        StringBuilder out = new StringBuilder(v.length());
        boolean first = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(first ? c : '#');
                first = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
