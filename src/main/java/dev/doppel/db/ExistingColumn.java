package dev.doppel.db;

import java.util.Locale;

/**
 * A column of a table that exists already, as its database describes it.
 *
 * @param name its name as stored
 * @param family what kind of type it is
 * @param typeName the database's own name for the type (for messages)
 * @param length for character types, the most characters it holds (0: unbounded)
 * @param precision for NUMERIC, its total digits (0: unconstrained)
 * @param scale for NUMERIC, digits after the point
 * @param notNull true when it refuses NULL
 * @param hasDefault true when it has a default (or is an identity column), so rows may leave it out
 */
public record ExistingColumn(
        String name, Family family, String typeName, int length, int precision, int scale, boolean notNull,
        boolean hasDefault) {

    /** Type families, from the smallest integers to text. */
    public enum Family {
        SMALLINT(Short.MIN_VALUE, Short.MAX_VALUE),
        INTEGER(Integer.MIN_VALUE, Integer.MAX_VALUE),
        BIGINT(Long.MIN_VALUE, Long.MAX_VALUE),
        NUMERIC(0, 0),
        REAL(0, 0),
        DOUBLE(0, 0),
        BOOLEAN(0, 0),
        DATE(0, 0),
        TIMESTAMP(0, 0),
        TIMESTAMPTZ(0, 0),
        CHAR(0, 0),
        VARCHAR(0, 0),
        TEXT(0, 0),
        OTHER(0, 0);

        final double min;
        final double max;

        Family(double min, double max) {
            this.min = min;
            this.max = max;
        }

        boolean integer() {
            return this == SMALLINT || this == INTEGER || this == BIGINT;
        }

        boolean text() {
            return this == CHAR || this == VARCHAR || this == TEXT;
        }

        /** PostgreSQL's internal type names (pg_type.typname, as its JDBC driver reports them). */
        static Family ofPostgres(String typname) {
            return switch (typname) {
                case "int2" -> SMALLINT;
                case "int4", "serial" -> INTEGER;
                case "int8", "bigserial" -> BIGINT;
                case "numeric" -> NUMERIC;
                case "float4" -> REAL;
                case "float8" -> DOUBLE;
                case "bool" -> BOOLEAN;
                case "date" -> DATE;
                case "timestamp" -> TIMESTAMP;
                case "timestamptz" -> TIMESTAMPTZ;
                case "bpchar" -> CHAR;
                case "varchar" -> VARCHAR;
                case "text" -> TEXT;
                default -> OTHER;
            };
        }

        /**
         * A declared SQLite type, by SQLite's own affinity rules (INT before CHAR/TEXT before REAL), refined by the
         * names Doppel and common tools write (BOOLEAN, DATE, TIMESTAMP, DECIMAL/NUMERIC, VARCHAR).
         */
        static Family ofSqlite(String declared) {
            String t = declared.toUpperCase(Locale.ROOT);
            if (t.contains("INT")) {
                return BIGINT; // every SQLite integer is 64 bits
            }
            if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
                return t.contains("VARCHAR") ? VARCHAR : t.startsWith("CHAR") || t.startsWith("CHARACTER(") ? CHAR : TEXT;
            }
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
                return DOUBLE;
            }
            if (t.contains("BOOL")) {
                return BOOLEAN;
            }
            if (t.contains("TIMESTAMP") || t.contains("DATETIME")) {
                return TIMESTAMP;
            }
            if (t.contains("DATE")) {
                return DATE;
            }
            if (t.contains("NUMERIC") || t.contains("DECIMAL")) {
                return NUMERIC;
            }
            return t.isBlank() ? TEXT : OTHER; // no type: any value is kept as given
        }
    }
}
