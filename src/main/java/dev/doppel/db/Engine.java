package dev.doppel.db;

/** The databases Doppel loads into: PostgreSQL over the network, SQLite as an embedded file that needs no server. */
public enum Engine {
    POSTGRESQL,
    SQLITE;

    /** An identifier (a column or table name) quoted for this engine: both use double quotes, doubled inside. */
    String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
