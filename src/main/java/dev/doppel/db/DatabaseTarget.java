package dev.doppel.db;

import dev.doppel.error.OutputException;
import dev.doppel.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a load goes: a database ({@code --to}), a table in it ({@code --table}) and what to do when the table exists.
 *
 * <p>Credentials never come from the command line: a PostgreSQL URL with a {@code password} parameter is refused.
 * The user is the URL's {@code user} parameter, else {@code PGUSER}; the password is {@code PGPASSWORD}, else the
 * PostgreSQL driver looks it up in the file {@code PGPASSFILE} names, else in {@code ~/.pgpass} (the libpq format
 * {@code host:port:database:user:password}).
 *
 * @param engine PostgreSQL or SQLite
 * @param url the JDBC URL connected to
 * @param shown the URL as printed: without its parameters (they may name a user or other settings)
 * @param table the table to load
 * @param ifExists what to do when the table exists
 */
public record DatabaseTarget(Engine engine, String url, String shown, TableName table, IfExists ifExists) {
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final String SQLITE_PREFIX = "sqlite:";

    @Override
    public String toString() {
        return shown + " table " + table;
    }

    /**
     * Reads {@code --to}: {@code jdbc:postgresql://host:port/database[?user=...]}, or {@code sqlite:FILE} (also
     * {@code jdbc:sqlite:FILE}) for the embedded database, a file created when missing.
     *
     * @throws UsageException for anything else, and for a URL that carries a password
     */
    public static DatabaseTarget parse(String to, String table, IfExists ifExists) {
        if (to == null || to.isBlank()) {
            throw new UsageException("--to needs a database URL: jdbc:postgresql://HOST:PORT/DB or sqlite:FILE");
        }
        if (table == null || table.isBlank()) {
            throw new UsageException("--to needs --table NAME: the table to create or load into");
        }
        TableName name;
        try {
            name = TableName.parse(table);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--table: " + e.getMessage());
        }
        IfExists when = ifExists == null ? IfExists.APPEND : ifExists;
        String t = to.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith(POSTGRES_PREFIX)) {
            int query = t.indexOf('?');
            if (query >= 0) {
                for (String param : t.substring(query + 1).split("&")) {
                    String key = param.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
                    if (key.equals("password")) {
                        throw new UsageException("--to: the URL carries a password; the command line is visible to"
                                + " other users and ends up in shell history, so set PGPASSWORD or use a .pgpass file"
                                + " (PGPASSFILE) instead");
                    }
                }
            }
            String shown = query >= 0 ? t.substring(0, query) : t;
            return new DatabaseTarget(Engine.POSTGRESQL, t, shown, name, when);
        }
        String file = lower.startsWith("jdbc:" + SQLITE_PREFIX) ? t.substring(5 + SQLITE_PREFIX.length())
                : lower.startsWith(SQLITE_PREFIX) ? t.substring(SQLITE_PREFIX.length()) : null;
        if (file == null) {
            throw new UsageException("--to: not a database URL Doppel can load into; use jdbc:postgresql://HOST:PORT/DB"
                    + " or sqlite:FILE");
        }
        if (file.isBlank() || file.contains("?") || file.startsWith(":")) {
            throw new UsageException("--to: sqlite: needs a file name, e.g. sqlite:output/test.db");
        }
        return new DatabaseTarget(Engine.SQLITE, "jdbc:sqlite:" + file, SQLITE_PREFIX + file, name, when);
    }

    /** The SQLite database file; null for PostgreSQL. */
    public Path sqliteFile() {
        return engine == Engine.SQLITE ? Path.of(url.substring("jdbc:sqlite:".length())) : null;
    }

    /**
     * Opens a connection with auto-commit off (the load is one transaction).
     *
     * @param env the environment to take {@code PGUSER}/{@code PGPASSWORD} from (the process's in production)
     * @throws OutputException when the database cannot be reached or refuses the login (the message names the
     *     database, never a password)
     */
    public Connection connect(Map<String, String> env) {
        try {
            Connection c;
            if (engine == Engine.SQLITE) {
                Path parent = sqliteFile().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                c = DriverManager.getConnection(url);
            } else {
                c = DriverManager.getConnection(url, postgresProperties(env));
            }
            c.setAutoCommit(false);
            return c;
        } catch (IOException e) {
            throw new OutputException(shown + ": cannot create the folder for the database file ("
                    + e.getClass().getSimpleName() + ")");
        } catch (SQLException e) {
            throw new OutputException(shown + ": cannot connect (" + DatabaseErrors.describe(e) + ")");
        }
    }

    /** The login: user from the URL or PGUSER, password from PGPASSWORD (else the driver's .pgpass look-up). */
    Properties postgresProperties(Map<String, String> env) {
        Properties p = new Properties();
        boolean userInUrl = url.toLowerCase(Locale.ROOT).matches(".*[?&]user=.*");
        String user = env.get("PGUSER");
        if (!userInUrl && user != null && !user.isEmpty()) {
            p.setProperty("user", user);
        }
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }
}
