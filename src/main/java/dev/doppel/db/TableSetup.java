package dev.doppel.db;

import dev.doppel.error.OutputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The first step of a load, inside its transaction: a missing table is created from the model's design; an existing
 * one is refused ({@code --if-exists fail}), dropped and created again ({@code replace}), or checked against the
 * design ({@code append}, the default) and refused, before any row is written, when it does not fit.
 *
 * @param action what the load does to the table
 * @param columnNames per model column, the name of the table column it goes into
 * @param created true when the table is created in this transaction (PostgreSQL can then COPY with FREEZE)
 */
record TableSetup(TableLoader.Action action, List<String> columnNames, boolean created) {

    static TableSetup prepare(Connection c, DatabaseTarget target, TableDesign design) throws SQLException {
        Engine engine = target.engine();
        Optional<List<ExistingColumn>> existing = ExistingTable.read(c, engine, target.table());
        List<String> designNames = design.columns().stream().map(SqlColumn::name).toList();
        if (existing.isEmpty()) {
            create(c, target, design);
            return new TableSetup(TableLoader.Action.CREATED, designNames, true);
        }
        switch (target.ifExists()) {
            case FAIL -> throw new OutputException(target + ": the table exists already; pass --if-exists append"
                    + " to add rows to it, or --if-exists replace to drop and recreate it");
            case REPLACE -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + target.table().sql(engine));
                }
                create(c, target, design);
                return new TableSetup(TableLoader.Action.REPLACED, designNames, true);
            }
            default -> {
                TableFit fit = TableFit.check(design, existing.get(), engine);
                if (!fit.fits()) {
                    throw new OutputException(target + ": the existing table does not fit the model, nothing was"
                            + " written: " + String.join("; ", fit.problems())
                            + " (fix the table, or pass --if-exists replace to recreate it)");
                }
                return new TableSetup(TableLoader.Action.APPENDED, fit.targetNames(), false);
            }
        }
    }

    private static void create(Connection c, DatabaseTarget target, TableDesign design) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(design.createSql(target.engine(), target.table()));
        }
    }

    /** Rolls back and disconnects, ignoring errors (the connection may be broken already). */
    static void abandon(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            // a broken connection: the server rolls back when it goes
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // nothing more to do
        }
    }
}
