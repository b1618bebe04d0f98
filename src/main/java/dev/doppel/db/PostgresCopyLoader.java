package dev.doppel.db;

import dev.doppel.generate.Batch;
import dev.doppel.model.ColumnModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Loads into PostgreSQL with {@code COPY ... FROM STDIN} in text format, the fastest way in: workers encode batches
 * into COPY lines ({@link CopyTextEncoder}), one thread streams them to the server. The COPY runs inside the
 * transaction that created or checked the table; into a table created in that same transaction it copies with
 * {@code FREEZE} (rows are written already frozen, sparing a later vacuum pass). Nothing is committed before the
 * last batch is in.
 */
final class PostgresCopyLoader implements TableLoader<CopyTextEncoder.Buffer> {
    private final Connection connection;
    private final TableSetup setup;
    private final CopyTextEncoder encoder;
    private final CopyIn copy;
    private final ConcurrentLinkedQueue<CopyTextEncoder.Buffer> idle = new ConcurrentLinkedQueue<>();
    private boolean committed;

    PostgresCopyLoader(Connection connection, DatabaseTarget target, TableSetup setup, List<ColumnModel> columns,
            CellPlan plan) throws SQLException {
        this.connection = connection;
        this.setup = setup;
        this.encoder = new CopyTextEncoder(columns, plan);
        StringJoiner names = new StringJoiner(", ", " (", ")");
        for (String name : setup.columnNames()) {
            names.add(Engine.POSTGRESQL.quote(name));
        }
        String sql = "COPY " + target.table().sql(Engine.POSTGRESQL) + names + " FROM STDIN (FORMAT text"
                + (setup.created() ? ", FREEZE" : "") + ")";
        this.copy = new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql);
    }

    @Override
    public Action action() {
        return setup.action();
    }

    @Override
    public CopyTextEncoder.Buffer prepare(Batch batch) {
        CopyTextEncoder.Buffer buffer = idle.poll();
        if (buffer == null) {
            buffer = new CopyTextEncoder.Buffer(encoder.sizeHint(batch.size()));
        }
        encoder.encode(batch, buffer);
        return buffer;
    }

    @Override
    public void write(Batch batch, CopyTextEncoder.Buffer prepared) throws SQLException {
        copy.writeToCopy(prepared.buf, 0, prepared.size);
        idle.add(prepared);
    }

    @Override
    public void commit() throws SQLException {
        copy.endCopy();
        connection.commit();
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException | RuntimeException e) {
                // the rollback below (or the lost connection) undoes the load anyway
            }
        }
        TableSetup.abandon(connection); // after a commit, the rollback has nothing to undo
    }
}
