package dev.doppel.mask.fake;

import java.util.List;
import java.util.Set;

/**
 * Public facts about e-mail and web domains: the common public top-level domains, the well-known free-mail providers
 * and the domains reserved for examples (RFC 2606). These lists are public knowledge, not data: a layout may name a
 * TLD from them without revealing anything about a person.
 */
final class Domains {
    /** Common public suffixes a layout may keep, in a fixed order ({@link #tldIndex}); any other becomes "com". */
    static final List<String> COMMON_TLD_LIST = List.of("com", "org", "net", "info", "biz", "io", "co", "eu", "de",
            "at", "ch", "fr", "be", "es", "it", "nl", "uk", "co.uk", "org.uk", "us", "ca", "au", "com.au", "ie", "pl",
            "pt", "se", "dk", "no", "fi", "cz", "lu", "li", "mx", "br", "com.br", "in", "jp", "edu", "gov");
    static final Set<String> COMMON_TLDS = Set.copyOf(COMMON_TLD_LIST);
    /** Second-level labels that belong to the suffix ("co.uk", "com.au"). */
    private static final Set<String> TWO_LABEL = Set.of("co.uk", "org.uk", "com.au", "com.br");
    /** Well-known free-mail domains (the providers' own, public). */
    static final List<String> FREE_MAIL = List.of("aol.com", "alice.it", "btinternet.com", "free.fr", "freenet.de",
            "gmail.com", "gmx.at", "gmx.ch", "gmx.de", "gmx.net", "googlemail.com", "hetnet.nl", "home.nl",
            "hotmail.co.uk", "hotmail.com", "hotmail.de", "hotmail.es", "hotmail.fr", "hotmail.it", "hotmail.nl",
            "icloud.com", "kpnmail.nl", "laposte.net", "libero.it", "live.com", "mail.com", "me.com", "msn.com",
            "orange.fr", "outlook.com", "outlook.de", "outlook.es", "posteo.de", "proton.me", "protonmail.com",
            "sfr.fr", "t-online.de", "telefonica.net", "tiscali.it", "virgilio.it", "wanadoo.fr", "web.de",
            "yahoo.co.uk", "yahoo.com", "yahoo.de", "yahoo.es", "yahoo.fr", "yahoo.it", "ziggo.nl");
    private static final Set<String> FREE_MAIL_SET = Set.copyOf(FREE_MAIL);
    /** The same lists, for lookups of a range of a string (see {@link #commonTldIndex}). */
    private static final AsciiTable TLD_TABLE = new AsciiTable(COMMON_TLD_LIST);
    private static final AsciiTable TWO_LABEL_TABLE = new AsciiTable(List.copyOf(TWO_LABEL));
    private static final AsciiTable FREE_MAIL_TABLE = new AsciiTable(FREE_MAIL);
    private static final int COM = COMMON_TLD_LIST.indexOf("com");
    /** The reserved example domains (RFC 2606): mail to them reaches nobody. */
    static final List<String> EXAMPLE = List.of("example.com", "example.net", "example.org");

    private Domains() {}

    /** The public suffix of a lower-case domain when it is a common one, else "com". */
    static String commonTld(String domain) {
        int last = domain.lastIndexOf('.');
        if (last < 0) {
            return "com";
        }
        int before = domain.lastIndexOf('.', last - 1);
        String two = domain.substring(before + 1);
        if (TWO_LABEL.contains(two)) {
            return two;
        }
        String one = domain.substring(last + 1);
        return COMMON_TLDS.contains(one) ? one : "com";
    }

    static boolean isFreeMail(String domain) {
        return FREE_MAIL_SET.contains(domain);
    }

    /** Example domains (example.com and friends, example.*) and the reserved TLDs .example, .test, .invalid. */
    static boolean isReserved(String domain) {
        return domain.equals("example") || domain.startsWith("example.") || domain.endsWith(".example")
                || domain.endsWith(".test") || domain.endsWith(".invalid") || domain.endsWith(".localhost");
    }

    /**
     * {@link #commonTld} of the domain {@code s[from, to)} lower-cased, as an index into {@link #COMMON_TLD_LIST}; the
     * range must be ASCII (lower-casing then changes no length), and no string is made.
     */
    static int commonTldIndex(String s, int from, int to) {
        int last = lastDot(s, from, to);
        if (last < 0) {
            return COM;
        }
        int before = lastDot(s, from, last);
        if (TWO_LABEL_TABLE.indexOf(s, before < 0 ? from : before + 1, to) >= 0) {
            return TLD_TABLE.indexOf(s, before < 0 ? from : before + 1, to); // every two-label suffix is common
        }
        int one = TLD_TABLE.indexOf(s, last + 1, to);
        return one >= 0 ? one : COM;
    }

    /** {@link #isFreeMail} of the domain {@code s[from, to)} lower-cased; the range must be ASCII. */
    static boolean isFreeMail(String s, int from, int to) {
        return FREE_MAIL_TABLE.indexOf(s, from, to) >= 0;
    }

    /** {@link #isReserved} of the domain {@code s[from, to)} lower-cased; the range must be ASCII. */
    static boolean isReserved(String s, int from, int to) {
        return to - from == 7 && hasLowerAt(s, from, to, "example") || hasLowerAt(s, from, to, "example.")
                || endsWith(s, from, to, ".example") || endsWith(s, from, to, ".test")
                || endsWith(s, from, to, ".invalid") || endsWith(s, from, to, ".localhost");
    }

    /** ASCII {@code s[from, to)} ends with the lower-case {@code suffix}, ignoring case. */
    private static boolean endsWith(String s, int from, int to, String suffix) {
        return to - from >= suffix.length() && hasLowerAt(s, to - suffix.length(), to, suffix);
    }

    /**
     * Whether ASCII {@code s[at, end)} starts with the lower-case ASCII {@code lower}, ignoring case: a plain loop,
     * where {@link String#regionMatches(boolean, int, String, int, int)} brings in the Unicode case tables.
     */
    static boolean hasLowerAt(String s, int at, int end, String lower) {
        int n = lower.length();
        if (end - at < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(at + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The last '.' in {@code s[from, to)}, or -1. */
    private static int lastDot(String s, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Lower-case ASCII strings found by a range of another string, ignoring ASCII case, without making a string of the
     * range: an open-addressing table of the strings' indexes in a list. Immutable once built.
     */
    static final class AsciiTable {
        private final List<String> strings;
        private final int[] slots; // index + 1 into strings, 0 = free

        AsciiTable(List<String> strings) {
            this.strings = List.copyOf(strings);
            int size = Integer.highestOneBit(Math.max(4, strings.size() * 4) - 1) << 1;
            slots = new int[size];
            for (int i = 0; i < strings.size(); i++) {
                String str = strings.get(i);
                int slot = hash(str, 0, str.length()) & (size - 1);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (size - 1);
                }
                slots[slot] = i + 1;
            }
        }

        /** The index of {@code s[from, to)} lower-cased among the strings, or -1. */
        int indexOf(String s, int from, int to) {
            int mask = slots.length - 1;
            for (int slot = hash(s, from, to) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                String candidate = strings.get(slots[slot] - 1);
                if (candidate.length() == to - from && hasLowerAt(s, from, to, candidate)) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        private static int hash(String s, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            return h ^ (h >>> 16);
        }
    }

    /** The domain's suffix: "gmx.de" → "de", "yahoo.co.uk" → "co.uk". */
    static String suffixOf(String domain) {
        int last = domain.lastIndexOf('.');
        int before = domain.lastIndexOf('.', last - 1);
        String two = domain.substring(before + 1);
        return TWO_LABEL.contains(two) ? two : domain.substring(last + 1);
    }
}
