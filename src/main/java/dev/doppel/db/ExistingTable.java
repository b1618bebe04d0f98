package dev.doppel.db;

import dev.doppel.db.ExistingColumn.Family;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the columns of a table from the database's catalogue, or finds that the table does not exist. */
final class ExistingTable {
    private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private ExistingTable() {}

    /** The table's columns in order, or empty when there is no such table. */
    static Optional<List<ExistingColumn>> read(Connection c, Engine engine, TableName table) throws SQLException {
        return engine == Engine.POSTGRESQL ? readPostgres(c, table) : readSqlite(c, table);
    }

    private static Optional<List<ExistingColumn>> readPostgres(Connection c, TableName table) throws SQLException {
        String sql = "SELECT a.attname, t.typname, a.atttypmod, a.attnotnull,"
                + " a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '' AS hasdef"
                + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table.sql(Engine.POSTGRESQL));
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        List<ExistingColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.sql(Engine.POSTGRESQL));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String typname = rs.getString(2);
                    int typmod = rs.getInt(3);
                    Family family = Family.ofPostgres(typname);
                    int length = 0;
                    int precision = 0;
                    int scale = 0;
                    if (typmod >= 4 && (family == Family.VARCHAR || family == Family.CHAR)) {
                        length = typmod - 4;
                    } else if (typmod >= 4 && family == Family.NUMERIC) {
                        precision = (typmod - 4) >> 16;
                        scale = (typmod - 4) & 0xFFFF;
                    }
                    out.add(new ExistingColumn(rs.getString(1), family, typname, length, precision, scale,
                            rs.getBoolean(4), rs.getBoolean(5)));
                }
            }
        }
        return Optional.of(out);
    }

    private static Optional<List<ExistingColumn>> readSqlite(Connection c, TableName table) throws SQLException {
        String pragma = table.schema() == null
                ? "PRAGMA table_info(" + Engine.SQLITE.quote(table.name()) + ")"
                : "PRAGMA " + Engine.SQLITE.quote(table.schema()) + ".table_info(" + Engine.SQLITE.quote(table.name()) + ")";
        List<ExistingColumn> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) { // cid, name, type, notnull, dflt_value, pk
                String declared = rs.getString(3) == null ? "" : rs.getString(3);
                Family family = Family.ofSqlite(declared);
                int length = 0;
                int precision = 0;
                int scale = 0;
                Matcher m = LENGTH.matcher(declared);
                if (m.find()) {
                    if (family.text()) {
                        length = Integer.parseInt(m.group(1));
                    } else if (family == Family.NUMERIC) {
                        precision = Integer.parseInt(m.group(1));
                        scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                    }
                }
                boolean rowid = rs.getInt(6) == 1 && declared.equalsIgnoreCase("INTEGER"); // filled in by SQLite
                out.add(new ExistingColumn(rs.getString(2), family, declared.isBlank() ? "(none)" : declared, length,
                        precision, scale, rs.getInt(4) == 1, rs.getString(5) != null || rowid));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
