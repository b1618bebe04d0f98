package dev.doppel.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Syntax checks for single values: e-mail, phone, IP address, URL, postcode, gender word. Regexes and counting only. */
public final class ValueChecks {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern EMAIL = Pattern.compile(
            ATOM + "(\\." + ATOM + ")*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}");
    /** An extension at the end of a phone number: "x3651", " ext. 12", "#7". */
    private static final Pattern PHONE_EXTENSION = Pattern.compile("\\s*(x|ext\\.?|extension|#)\\s*\\d{1,6}$",
            Pattern.CASE_INSENSITIVE);
    /** Prefix, then digit groups with single separators and at most one parenthesised group: +49 (0)30 1234-56. */
    private static final Pattern PHONE_BODY = Pattern.compile(
            "(\\+|00)?\\s?(\\(\\d{1,5}\\)|\\d{1,5})([\\s./-]?(\\(\\d{1,5}\\)|\\d{1,10}))*");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern URL = Pattern.compile(
            "(?i)(https?://|www\\.)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}(:\\d{1,5})?([/?#]\\S*)?");
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)\\d{5}(-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}");
    private static final Set<String> GENDER_WORDS = Set.of("m", "f", "w", "d", "male", "female", "man", "woman",
            "men", "women", "other", "diverse", "divers", "maennlich", "männlich", "weiblich", "mann", "frau",
            "non-binary", "nonbinary");

    private ValueChecks() {}

    public static boolean isEmail(String v) {
        return v.length() <= 254 && EMAIL.matcher(v).matches();
    }

    /**
     * A phone number in one of the common layouts: optional + or 00 prefix, digit groups separated by single
     * spaces, hyphens, dots or slashes, an optional area code in parentheses, an optional extension (x123, ext. 12),
     * 7 to 15 digits in all (the E.164 maximum, plus a leading 0). Dates are rejected.
     */
    public static boolean isPhone(String v) {
        if (!phoneCharacters(v)) {
            return false; // the patterns below match no other character: skip them
        }
        String body = PHONE_EXTENSION.matcher(v.trim()).replaceFirst("");
        if (body.length() > 25 || DATE_LIKE.matcher(body).matches() || !PHONE_BODY.matcher(body).matches()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < body.length(); i++) {
            if (Character.isDigit(body.charAt(i))) {
                digits++;
            }
        }
        return digits >= 7 && digits <= 16;
    }

    /**
     * Whether every character of {@code v.trim()} is one the phone patterns can match: digits, white space,
     * {@code + ( ) . / - #} and the letters of an extension marker ("x", "ext.", "extension", any case).
     */
    private static boolean phoneCharacters(String v) {
        String t = v.trim();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c == ' ' || c >= '\t' && c <= '\r' || c == '+' || c == '(' || c == ')'
                    || c == '.' || c == '/' || c == '-' || c == '#' || "xXeEtTnNsSiIoO".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when a phone number has a layout (prefix, separators or parentheses), not just bare digits. */
    static boolean isFormattedPhone(String v) {
        return isPhone(v) && !v.trim().chars().allMatch(Character::isDigit);
    }

    public static boolean isIpv4(String v) {
        return IPV4.matcher(v).matches();
    }

    /** An IPv6 address: eight hex groups, or fewer with one "::", optionally ending in an IPv4 address. */
    public static boolean isIpv6(String v) {
        if (v.length() < 2 || v.length() > 45 || v.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = v.indexOf("::");
        if (doubleColon >= 0 && v.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? v.substring(0, doubleColon) : v;
        String tail = doubleColon >= 0 ? v.substring(doubleColon + 2) : "";
        int groups = 0;
        String[] parts = (head + (tail.isEmpty() ? "" : (head.isEmpty() ? "" : ":") + tail)).split(":", -1);
        if (parts.length == 1 && parts[0].isEmpty()) {
            return doubleColon >= 0; // "::"
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return false;
                }
                groups += 2;
            } else if (HEX_GROUP.matcher(part).matches()) {
                groups++;
            } else {
                return false;
            }
        }
        return doubleColon >= 0 ? groups <= 7 : groups == 8;
    }

    public static boolean isIpAddress(String v) {
        return isIpv4(v) || isIpv6(v);
    }

    /** A web address starting with http://, https:// or www. */
    public static boolean isUrl(String v) {
        return URL.matcher(v).matches();
    }

    /** A German or US 5-digit postcode, a US ZIP+4, or a UK postcode ("SW1A 1AA"). */
    public static boolean isPostcode(String v) {
        return POSTCODE.matcher(v).matches();
    }

    /** A word for a gender or sex in English or German (male, Female, m, w, divers, ...). */
    public static boolean isGenderWord(String v) {
        return GENDER_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }
}
