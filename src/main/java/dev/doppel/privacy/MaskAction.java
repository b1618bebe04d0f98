package dev.doppel.privacy;

import java.util.Locale;

/** What masking would do with a column. Only proposed so far: nothing acts on it yet. */
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

    /** The spelling used in printed tables and, later, in profiles: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
