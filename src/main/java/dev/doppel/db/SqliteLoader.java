package dev.doppel.db;

import dev.doppel.generate.Batch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.StringJoiner;

/**
 * Loads into an SQLite file with prepared INSERTs of {@link #ROWS_PER_INSERT} rows each, batched, in one
 * transaction. SQLite stores whole numbers as INTEGER, decimals as REAL, booleans as 0/1, dates and timestamps as
 * ISO-8601 text ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, with {@code Z} when the input had offsets).
 * The rows are bound on the writing thread (a connection is not thread-safe), straight from the batch.
 */
final class SqliteLoader implements TableLoader<Void> {
    /** Rows per INSERT statement: fewer statement executions, within SQLite's limit of bound parameters. */
    static final int ROWS_PER_INSERT = 32;
    /**
     * Page cache of the loading connection, in KiB as a negative number (SQLite's convention): 64 MiB instead of the
     * default 2 MiB, so a large transaction's pages stay in memory until the commit instead of spilling to the file
     * (and the journal) midway.
     */
    static final int CACHE_KIB = -65536;

    private final Connection connection;
    private final TableSetup setup;
    private final CellPlan plan;
    private final PreparedStatement many;
    private final PreparedStatement one;
    private final int width;
    private final int rowsPerInsert;

    SqliteLoader(Connection connection, DatabaseTarget target, TableSetup setup, CellPlan plan) throws SQLException {
        this.connection = connection;
        this.setup = setup;
        this.plan = plan;
        this.width = plan.size();
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA cache_size=" + CACHE_KIB); // this connection only; not stored in the file
        }
        int rowsPerInsert = Math.max(1, Math.min(ROWS_PER_INSERT, 32_000 / Math.max(1, width)));
        this.many = connection.prepareStatement(insert(target, setup, rowsPerInsert));
        this.one = connection.prepareStatement(insert(target, setup, 1));
        this.rowsPerInsert = rowsPerInsert;
    }

    private static String insert(DatabaseTarget target, TableSetup setup, int rows) {
        StringJoiner names = new StringJoiner(", ", " (", ")");
        for (String name : setup.columnNames()) {
            names.add(Engine.SQLITE.quote(name));
        }
        StringJoiner row = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < setup.columnNames().size(); i++) {
            row.add("?");
        }
        StringJoiner values = new StringJoiner(", ");
        for (int r = 0; r < rows; r++) {
            values.add(row.toString());
        }
        return "INSERT INTO " + target.table().sql(Engine.SQLITE) + names + " VALUES " + values;
    }

    @Override
    public Action action() {
        return setup.action();
    }

    @Override
    public Void prepare(Batch batch) {
        return null;
    }

    @Override
    public void write(Batch batch, Void prepared) throws SQLException {
        int rows = batch.size();
        int r = 0;
        for (; r + rowsPerInsert <= rows; r += rowsPerInsert) {
            for (int k = 0; k < rowsPerInsert; k++) {
                bindRow(many, batch, r + k, k * width);
            }
            many.addBatch();
        }
        many.executeBatch();
        for (; r < rows; r++) {
            bindRow(one, batch, r, 0);
            one.addBatch();
        }
        one.executeBatch();
    }

    private void bindRow(PreparedStatement ps, Batch batch, int r, int offset) throws SQLException {
        for (int c = 0; c < width; c++) {
            int p = offset + c + 1;
            switch (plan.how[c]) {
                case WHOLE -> {
                    double v = batch.numbers(c)[r];
                    if (Double.isNaN(v)) {
                        ps.setNull(p, Types.BIGINT);
                    } else {
                        ps.setLong(p, (long) v);
                    }
                }
                case FIXED_DECIMAL, DOUBLE -> {
                    double v = batch.numbers(c)[r];
                    if (Double.isNaN(v)) {
                        ps.setNull(p, Types.DOUBLE);
                    } else {
                        ps.setDouble(p, v);
                    }
                }
                case BOOLEAN -> {
                    int code = batch.codes(c)[r];
                    int t = code < 0 ? -1 : plan.truth[c][code];
                    if (t < 0) {
                        ps.setNull(p, Types.INTEGER);
                    } else {
                        ps.setInt(p, t);
                    }
                }
                case LABEL -> {
                    int code = batch.codes(c)[r];
                    ps.setString(p, code < 0 ? null : plan.labels[c][code]);
                }
                case DAY -> {
                    double v = batch.numbers(c)[r];
                    ps.setString(p, Double.isNaN(v) ? null : java.time.LocalDate.ofEpochDay(Math.round(v)).toString());
                }
                case TIMESTAMP -> {
                    double v = batch.numbers(c)[r];
                    if (Double.isNaN(v)) {
                        ps.setString(p, null);
                    } else {
                        String text = new String(CopyTextEncoder.timestamp(v, false),
                                java.nio.charset.StandardCharsets.ISO_8859_1);
                        ps.setString(p, plan.zoned[c] ? text + "Z" : text);
                    }
                }
                case STRING -> ps.setString(p, batch.strings(c)[r]);
                case NOTHING -> ps.setNull(p, Types.VARCHAR);
            }
        }
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() {
        try {
            many.close();
            one.close();
        } catch (SQLException e) {
            // closing the connection frees them too
        }
        TableSetup.abandon(connection); // rolls back unless committed (after a commit there is nothing to undo)
    }
}
