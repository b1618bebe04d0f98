package dev.doppel.mask.fake;

import java.util.List;
import java.util.Locale;

/**
 * What a locale's made-up values look like beyond its name lists: phone layouts, IBAN country, postcode shape,
 * free-mail providers and the usual top-level domain. Phone layouts use {@code #} for a digit; postcode layouts use
 * the character classes of {@link Shapes} ({@code 9} a digit, {@code N} a digit from 1 to 9, {@code A} an upper-case
 * letter); anything else is kept as written.
 */
enum LocaleProfile {
    EN_US(Locale.US, List.of("(###) ###-####", "###-###-####", "###.###.####", "+1 ###-###-####"),
            "GB", List.of("99999"), List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com"),
            "com", true),
    EN_GB(Locale.UK, List.of("0#### ######", "07### ######", "+44 #### ######", "+44 7### ######"),
            "GB", List.of("AA9 9AA", "A9 9AA", "AA99 9AA"),
            List.of("gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.co.uk", "btinternet.com"), "co.uk", true),
    DE_DE(Locale.GERMANY, List.of("0### #######", "0#### ######", "0###/#######", "015# #######", "017# ########",
                    "+49 ### #######", "+49 15# ########", "+49 (0)### ######"),
            "DE", List.of("99999"), List.of("gmx.de", "web.de", "t-online.de", "gmail.com", "freenet.de"), "de", false),
    FR_FR(Locale.FRANCE, List.of("0# ## ## ## ##", "0#.##.##.##.##", "+33 # ## ## ## ##"),
            "FR", List.of("N9999"), List.of("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"), "fr", true),
    ES_ES(Locale.forLanguageTag("es-ES"), List.of("6## ### ###", "9## ## ## ##", "+34 6## ### ###", "+34 9## ### ###"),
            "ES", List.of("N9999"), List.of("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
            "es", false),
    IT_IT(Locale.ITALY, List.of("0## #######", "3## ### ####", "+39 3## ### ####", "+39 0## #######"),
            "IT", List.of("99999"), List.of("libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"), "it",
            false),
    NL_NL(Locale.forLanguageTag("nl-NL"), List.of("0## ### ####", "06 ########", "+31 6 ########", "+31 ## ### ####"),
            "NL", List.of("N999 AA"), List.of("gmail.com", "ziggo.nl", "hotmail.nl", "kpnmail.nl", "outlook.com"),
            "nl", false);

    final Locale locale;
    final List<String> phoneLayouts;
    final String ibanCountry;
    final List<String> postcodeLayouts;
    final List<String> freeMail;
    final String tld;
    final boolean numberBeforeStreet;

    LocaleProfile(Locale locale, List<String> phoneLayouts, String ibanCountry, List<String> postcodeLayouts,
            List<String> freeMail, String tld, boolean numberBeforeStreet) {
        this.locale = locale;
        this.phoneLayouts = phoneLayouts;
        this.ibanCountry = ibanCountry;
        this.postcodeLayouts = postcodeLayouts;
        this.freeMail = freeMail;
        this.tld = tld;
        this.numberBeforeStreet = numberBeforeStreet;
    }

    /** The profile for a locale: same language and country, else same language, else en-US. */
    static LocaleProfile of(Locale locale) {
        LocaleProfile sameLanguage = null;
        for (LocaleProfile p : values()) {
            if (p.locale.getLanguage().equals(locale.getLanguage())) {
                if (p.locale.getCountry().equals(locale.getCountry())) {
                    return p;
                }
                if (sameLanguage == null) {
                    sameLanguage = p;
                }
            }
        }
        return sameLanguage != null ? sameLanguage : EN_US;
    }
}
