package dev.doppel.db;

/** The SQL types a model's columns are created as. How each is spelled depends on the engine ({@link #declare}). */
public enum SqlType {
    INTEGER,
    BIGINT,
    /** A fixed-point decimal: NUMERIC(precision, scale) in PostgreSQL (unconstrained when precision is 0). */
    NUMERIC,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    /** A timestamp with time zone (values are written in UTC). */
    TIMESTAMPTZ,
    /** Text of at most {@code length} characters. */
    VARCHAR,
    /** Text of any length. */
    TEXT;

    /**
     * The type as written in CREATE TABLE. SQLite keeps whatever it is given but only knows five storage classes: there
     * decimals are REAL, dates and timestamps are ISO-8601 text in DATE/TIMESTAMP columns, booleans 0/1 in BOOLEAN ones.
     */
    public String declare(Engine engine, int length, int precision, int scale) {
        if (engine == Engine.SQLITE) {
            return switch (this) {
                case INTEGER -> "INTEGER";
                case BIGINT -> "BIGINT";
                case NUMERIC, DOUBLE -> "REAL";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP, TIMESTAMPTZ -> "TIMESTAMP";
                case VARCHAR -> "VARCHAR(" + length + ")";
                case TEXT -> "TEXT";
            };
        }
        return switch (this) {
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case NUMERIC -> precision > 0 ? "NUMERIC(" + precision + "," + scale + ")" : "NUMERIC";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMPTZ";
            case VARCHAR -> "VARCHAR(" + length + ")";
            case TEXT -> "TEXT";
        };
    }
}
