package dev.doppel.db;

import dev.doppel.schema.ColumnKind;

/**
 * One column of the table a model's rows go into, as the model says it must be.
 *
 * @param name the column's name (the model's, exactly)
 * @param kind what the model generates in it
 * @param type the SQL type it is created as
 * @param length for VARCHAR, the most characters a value can take; 0 otherwise
 * @param precision for NUMERIC, total digits (0: unconstrained); 0 otherwise
 * @param scale for NUMERIC, digits after the point; for decimals of free scale -1; 0 otherwise
 * @param min the smallest value the model can produce, for numbers (NaN when unknown, as for computed columns)
 * @param max the largest, likewise
 * @param nullable false when the model never leaves the column empty
 * @param missingShare share of empty cells the model produces (what NOT NULL would refuse)
 */
public record SqlColumn(
        String name,
        ColumnKind kind,
        SqlType type,
        int length,
        int precision,
        int scale,
        double min,
        double max,
        boolean nullable,
        double missingShare) {

    /** The column's definition in CREATE TABLE. */
    public String definition(Engine engine) {
        return engine.quote(name) + " " + type.declare(engine, length, precision, scale) + (nullable ? "" : " NOT NULL");
    }

    /** The type as CREATE TABLE spells it, for messages. */
    public String describe(Engine engine) {
        return type.declare(engine, length, precision, scale);
    }
}
