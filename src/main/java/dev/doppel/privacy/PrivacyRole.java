package dev.doppel.privacy;

import java.util.Locale;

/**
 * What a column means for data protection, in the terms a data-protection officer uses.
 */
public enum PrivacyRole {
    /** Singles out a person on its own: name, e-mail, phone, customer number, IBAN. */
    DIRECT_IDENTIFIER,
    /** Harmless alone, identifying in combination: birth date, postcode, city, gender, job. */
    QUASI_IDENTIFIER,
    /** A special category (GDPR Art. 9) such as health, ethnicity or religion: protect, but keep for analysis. */
    SENSITIVE,
    /** Nothing personal recognised. */
    OTHER;

    /** The spelling used in printed tables: "direct-identifier", "quasi-identifier", "sensitive", "other". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a profile's spelling: direct-identifier, quasi-identifier, sensitive, other ('_' works for '-'). */
    public static java.util.Optional<PrivacyRole> fromKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (PrivacyRole r : values()) {
            if (r.key().equals(k)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
