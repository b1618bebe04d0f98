package dev.doppel.db;

import java.util.Locale;

/**
 * What a load does when the target table exists already ({@code --if-exists}). A table that does not exist is always
 * created from the model's schema.
 */
public enum IfExists {
    /** Check that the table fits the model (columns, types, lengths, NOT NULL), then add the rows. The default. */
    APPEND,
    /** Drop the table and create it again from the model's schema, in the same transaction as the load. */
    REPLACE,
    /** Refuse to load. */
    FAIL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IfExists fromKey(String key) {
        for (IfExists v : values()) {
            if (v.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
