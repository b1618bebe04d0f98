package dev.doppel.mask.fake;

import java.util.List;
import java.util.Set;

/**
 * Public facts about e-mail and web domains: the common public top-level domains, the well-known free-mail providers
 * and the domains reserved for examples (RFC 2606). These lists are public knowledge, not data: a layout may name a
 * TLD from them without revealing anything about a person.
 */
final class Domains {
    /** Common public suffixes a layout may keep; any other becomes "com". */
    static final Set<String> COMMON_TLDS = Set.of("com", "org", "net", "info", "biz", "io", "co", "eu", "de", "at",
            "ch", "fr", "be", "es", "it", "nl", "uk", "co.uk", "org.uk", "us", "ca", "au", "com.au", "ie", "pl", "pt",
            "se", "dk", "no", "fi", "cz", "lu", "li", "mx", "br", "com.br", "in", "jp", "edu", "gov");
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

    /** The domain's suffix: "gmx.de" → "de", "yahoo.co.uk" → "co.uk". */
    static String suffixOf(String domain) {
        int last = domain.lastIndexOf('.');
        int before = domain.lastIndexOf('.', last - 1);
        String two = domain.substring(before + 1);
        return TWO_LABEL.contains(two) ? two : domain.substring(last + 1);
    }
}
