package dev.doppel.schema;

import java.util.Locale;

/** What a column holds, as far as modelling and writing back are concerned. */
public enum ColumnKind {
    /** Whole numbers. */
    INTEGER,
    /** Numbers with a fractional part, written back with a fixed scale. */
    DECIMAL,
    /** Two values such as 0/1, yes/no, true/false, written back in the input's spelling. */
    BOOLEAN,
    /** A bounded set of labels. */
    CATEGORICAL,
    /** Calendar dates, written back in the input's layout. */
    DATE,
    /** Dates with a time of day. */
    DATETIME,
    /** Unique per row (customer ids): never learned, generated fresh in the same format. */
    IDENTIFIER,
    /** Free text with too many distinct values to be a category: generated in the same shape, not learned. */
    TEXT,
    /** Every cell missing: written back as missing. */
    EMPTY;

    /** The spelling used in profiles and printed tables: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ColumnKind fromKey(String key) {
        for (ColumnKind kind : values()) {
            if (kind.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** True for kinds whose values are numbers on a line (modelled by a quantile marginal). */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == DATE || this == DATETIME;
    }

    /** True for kinds that take part in the copula. */
    public boolean modelled() {
        return this != IDENTIFIER && this != TEXT && this != EMPTY;
    }
}
