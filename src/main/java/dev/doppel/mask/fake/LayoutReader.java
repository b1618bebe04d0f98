package dev.doppel.mask.fake;

import dev.doppel.privacy.PersonalData;

/**
 * Reads the value-free layouts ({@link Fakes#layoutOf}) of many real values on one thread, giving the same layout for
 * every value but without the strings {@link Layouts} makes on the way. Masking reads a layout for every faked cell of
 * every row, and most of them repeat: a phone's layout is written into a scratch buffer and found among the layouts
 * this reader has met; an e-mail's or website's parts are matched where they stand against the public lists of
 * {@link Domains}, and the layout comes from a table of the few hundred possible ones; an id's shape is made in one
 * pass. Values these paths do not cover (non-ASCII text, other kinds) take {@link Layouts#of}.
 *
 * <p>Holds only layouts, which hold no part of a value. Not thread-safe: one per worker (or batch), cheap to make.
 */
public final class LayoutReader {
    /** Distinct phone layouts remembered; a column with more looks the rest up the slow way. */
    private static final int PHONE_ENTRIES = 256;
    private static final String[] STYLES = {Fakes.EXAMPLE, Fakes.FREE_MAIL, Fakes.COMPANY_DOMAIN};
    private static final String[] SEPARATORS = {"", ".", "_", "-"};
    private static final String[] SCHEMES = {"", "http", "https"};
    private static final int TLDS = Domains.COMMON_TLD_LIST.size();

    private char[] scratch = new char[64];
    /** Phone layouts met, by the hash of their characters (open addressing); null = free. */
    private final String[] phoneLayouts = new String[2 * PHONE_ENTRIES];
    /** Per entry of {@link #phoneLayouts}: whether values of that layout pass the phone check. */
    private final boolean[] phoneValid = new boolean[2 * PHONE_ENTRIES];
    private int phoneCount;
    /** E-mail layouts by style, TLD, separator and digits; made on first use. */
    private final String[] emailLayouts = new String[STYLES.length * TLDS * SEPARATORS.length * 2];
    /** Website layouts by scheme, www, TLD and path; made on first use. */
    private final String[] websiteLayouts = new String[SCHEMES.length * 2 * TLDS * 2];

    /** Layouts of one kind's values, from a {@link LayoutReader}: a small object a caller keeps per column. */
    @FunctionalInterface
    public interface OfKind {
        /** {@link Fakes#layoutOf}{@code (kind, value)}. */
        String layoutOf(String value);
    }

    /**
     * {@link #layoutOf} for one kind, as an object of its own: a loop over columns of several kinds then calls several
     * small methods rather than one that holds the code of every kind (which the JIT compiler takes long over).
     */
    public OfKind ofKind(PersonalData what) {
        return switch (what) {
            case PHONE -> v -> v == null ? null : phone(v);
            case EMAIL -> v -> v == null ? null : email(v);
            case WEBSITE -> v -> v == null ? null : website(v);
            case CUSTOMER_ID, RECORD_ID, POSTCODE -> v -> v == null ? null : shape(what, v);
            case IBAN, CARD_NUMBER, IP_ADDRESS, FULL_NAME -> v -> v == null ? null : Layouts.of(what, v);
            default -> v -> null;
        };
    }

    /** {@link Fakes#layoutOf}{@code (what, value)}. */
    public String layoutOf(PersonalData what, String value) {
        if (value == null) {
            return null;
        }
        return switch (what) {
            case PHONE -> phone(value);
            case EMAIL -> email(value);
            case WEBSITE -> website(value);
            case CUSTOMER_ID, RECORD_ID, POSTCODE -> shape(what, value);
            case IBAN, CARD_NUMBER, IP_ADDRESS, FULL_NAME -> Layouts.of(what, value);
            default -> null; // Layouts has no layout for any other kind
        };
    }

    /** The value's characters in {@link #scratch}, when they are all ASCII with no space at either end; else -1. */
    private int asciiChars(String value) {
        int n = value.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, 2 * scratch.length)];
        }
        char[] chars = scratch;
        value.getChars(0, n, chars, 0);
        char any = 0;
        for (int i = 0; i < n; i++) {
            any |= chars[i];
        }
        // no leading or trailing white space: then strip() is the value itself, as Layouts.of reads it
        return any >= 0x80 || n == 0 || chars[0] <= ' ' || chars[n - 1] <= ' ' ? -1 : n;
    }

    private String phone(String value) {
        int n = asciiChars(value);
        if (n < 0) {
            return Layouts.of(PersonalData.PHONE, value);
        }
        int length = Layouts.phoneInto(scratch, n, value);
        char[] chars = scratch; // phoneInto writes its layout over the value's characters
        int h = length;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        int mask = phoneLayouts.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        for (String known = phoneLayouts[slot]; known != null; known = phoneLayouts[slot]) {
            if (sameChars(known, chars, length)) {
                return phoneValid[slot] ? known : null;
            }
            slot = (slot + 1) & mask;
        }
        String layout = new String(chars, 0, length);
        boolean valid = Layouts.phoneLayoutValid(layout, value);
        if (phoneCount < PHONE_ENTRIES) {
            phoneLayouts[slot] = layout;
            phoneValid[slot] = valid;
            phoneCount++;
        }
        return valid ? layout : null;
    }

    private static boolean sameChars(String s, char[] chars, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** Layouts.email of an ASCII value that looks like an e-mail, read in place. */
    private String email(String value) {
        int n = asciiChars(value);
        if (n < 0) {
            return Layouts.of(PersonalData.EMAIL, value);
        }
        char[] chars = scratch;
        int at = -1;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c == '@') {
                at = i;
            }
            space |= c == ' ';
        }
        if (at <= 0 || space || value.indexOf('.', at) <= at + 1) {
            return null; // not Layouts.looksLikeEmail
        }
        int style = Domains.isReserved(value, at + 1, n) ? 0 : Domains.isFreeMail(value, at + 1, n) ? 1 : 2;
        int tld = Domains.commonTldIndex(value, at + 1, n);
        boolean dot = false;
        boolean underscore = false;
        boolean hyphen = false;
        boolean digits = false;
        for (int i = 0; i < at; i++) {
            char c = chars[i];
            dot |= c == '.';
            underscore |= c == '_';
            hyphen |= c == '-';
            digits |= c >= '0' && c <= '9';
        }
        int separator = dot ? 1 : underscore ? 2 : hyphen ? 3 : 0;
        int index = ((style * TLDS + tld) * SEPARATORS.length + separator) * 2 + (digits ? 1 : 0);
        String layout = emailLayouts[index];
        if (layout == null) {
            layout = STYLES[style] + ":" + Domains.COMMON_TLD_LIST.get(tld) + ":" + SEPARATORS[separator] + ":"
                    + (digits ? "1" : "0");
            emailLayouts[index] = layout;
        }
        return layout;
    }

    /** Layouts.website of an ASCII value that looks like a URL, read in place. */
    private String website(String value) {
        int n = asciiChars(value);
        if (n < 0) {
            return Layouts.of(PersonalData.WEBSITE, value);
        }
        if (value.indexOf('.') <= 0 || value.indexOf(' ') >= 0) {
            return null; // not Layouts.looksLikeUrl
        }
        int scheme = Domains.hasLowerAt(value, 0, n, "https://") ? 2
                : Domains.hasLowerAt(value, 0, n, "http://") ? 1 : 0;
        int start = scheme == 2 ? 8 : scheme == 1 ? 7 : 0;
        char[] chars = scratch;
        int end = start;
        while (end < n && chars[end] != '/' && chars[end] != '?' && chars[end] != '#' && chars[end] != ':') {
            end++;
        }
        int www = Domains.hasLowerAt(value, start, end, "www.") ? 1 : 0;
        int slash = end < n ? 1 : 0;
        int tld = Domains.commonTldIndex(value, start, end);
        int index = ((scheme * 2 + www) * TLDS + tld) * 2 + slash;
        String layout = websiteLayouts[index];
        if (layout == null) {
            layout = SCHEMES[scheme] + ":" + (www == 1 ? "www" : "") + ":" + Domains.COMMON_TLD_LIST.get(tld) + ":"
                    + (slash == 1 ? "/" : "");
            websiteLayouts[index] = layout;
        }
        return layout;
    }

    /** Layouts.shape of an ASCII value, in one pass over its characters. */
    private String shape(PersonalData what, String value) {
        int n = asciiChars(value);
        if (n < 0 || n > Layouts.MAX_SHAPE) {
            return Layouts.of(what, value);
        }
        return Layouts.asciiShape(scratch, n);
    }
}
