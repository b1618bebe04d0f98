package dev.doppel.db;

/**
 * A table's name as given by {@code --table}: {@code customers} or {@code schema.customers}. Names are used exactly
 * as written (quoted in SQL, so case and any character are kept); a name without a schema lands in the connection's
 * default schema (PostgreSQL's search path, SQLite's main database).
 *
 * @param schema the schema, or null for the default
 * @param name the table
 */
public record TableName(String schema, String name) {
    public TableName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a table name must not be empty");
        }
        if (schema != null && schema.isBlank()) {
            throw new IllegalArgumentException("a schema name must not be empty");
        }
    }

    /** {@code name} or {@code schema.name}; a name with more dots (or a quoted one) is not split further. */
    public static TableName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a table name must not be empty");
        }
        String t = text.trim();
        int dot = t.indexOf('.');
        if (dot > 0 && dot == t.lastIndexOf('.') && dot < t.length() - 1) {
            return new TableName(t.substring(0, dot), t.substring(dot + 1));
        }
        return new TableName(null, t);
    }

    /** The name in SQL, quoted for the engine. */
    public String sql(Engine engine) {
        return schema == null ? engine.quote(name) : engine.quote(schema) + "." + engine.quote(name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
