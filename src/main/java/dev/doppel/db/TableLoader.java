package dev.doppel.db;

import dev.doppel.generate.Batch;
import dev.doppel.model.ColumnModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Loads a model's batches into one table in one transaction. {@link #open} connects, then creates, replaces or
 * checks the table before any row is sent (a table that does not fit is refused with every mismatch named); the
 * rows follow batch by batch; nothing is visible to others until {@link #commit}, and {@link #close} without a commit
 * rolls everything back, DDL included (PostgreSQL and SQLite both make CREATE/DROP TABLE part of the transaction), so
 * a failed or interrupted load leaves the database as it was.
 *
 * @param <E> what a worker thread prepares from a batch ahead of {@link #write}
 */
public sealed interface TableLoader<E> extends AutoCloseable permits PostgresCopyLoader, SqliteLoader {

    /** What the load did to the table. */
    enum Action {
        CREATED,
        REPLACED,
        APPENDED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** For the command's last line: "table created", "table replaced", "rows appended". */
        public String describe() {
            return this == APPENDED ? "rows appended" : "table " + key();
        }
    }

    /**
     * Connects and sets the table up (see {@link TableSetup}).
     *
     * @param columns the model's output columns, as batches hold them
     * @param env where credentials come from ({@code PGUSER}, {@code PGPASSWORD})
     */
    static TableLoader<?> open(DatabaseTarget target, List<ColumnModel> columns, TableDesign design,
            Map<String, String> env) throws SQLException {
        Connection c = target.connect(env);
        try {
            TableSetup setup = TableSetup.prepare(c, target, design);
            CellPlan plan = new CellPlan(columns, design);
            return target.engine() == Engine.POSTGRESQL
                    ? new PostgresCopyLoader(c, target, setup, columns, plan)
                    : new SqliteLoader(c, target, setup, plan);
        } catch (RuntimeException | SQLException e) {
            TableSetup.abandon(c);
            throw e;
        }
    }

    /** What the load does to the table. */
    Action action();

    /** Work done for a batch on a worker thread, ahead of {@link #write} (thread-safe; may return null). */
    E prepare(Batch batch) throws Exception;

    /** Sends a batch, in order, on one thread; {@code prepared} is what {@link #prepare} returned for it. */
    void write(Batch batch, E prepared) throws Exception;

    /** Ends the load and commits: the rows (and a created table) become visible together. */
    void commit() throws SQLException;

    /** Rolls back unless committed, and disconnects. Never throws. */
    @Override
    void close();
}
