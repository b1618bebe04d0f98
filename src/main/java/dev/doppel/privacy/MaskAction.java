package dev.doppel.privacy;

import java.util.Locale;

/** What masking does with a column. */
public enum MaskAction {
    /** Leave the values as the model learns them. */
    KEEP,
    /** Replace with made-up values of the same kind (fake names, e-mails, phone numbers). */
    FAKE,
    /** Replace each value by a stable key, so that joins still work but the value is gone. */
    PSEUDONYMISE,
    /** Coarsen: birth date to year, postcode to its region, age to a band. */
    GENERALISE,
    /** Write the column as missing. */
    SUPPRESS,
    /** Leave the column out altogether. */
    DROP;

    /** The spelling used in printed tables and in profiles: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a profile's spelling: keep, fake, pseudonymise (or pseudonymize), generalise (or generalize), suppress, drop. */
    public static java.util.Optional<MaskAction> fromKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace("ize", "ise");
        for (MaskAction a : values()) {
            if (a.key().equals(k)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
