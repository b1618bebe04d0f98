package dev.doppel.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Database errors as one line for the user. A server's message about rejected data can quote the value it rejected
 * (PostgreSQL's "invalid input syntax ... : "x"", "Failing row contains (...)"), so for data and integrity errors only
 * the SQLSTATE and the names involved (table, column, constraint) are shown, never the text of the row.
 */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    public static String describe(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            boolean dataError = state != null && (state.startsWith("22") || state.startsWith("23"));
            StringBuilder sb = new StringBuilder("SQLSTATE ").append(state);
            if (!dataError) {
                sb.append(": ").append(firstLine(m.getMessage()));
            } else {
                sb.append(": ").append(state.startsWith("23") ? "a row broke a rule of the table" : "a value was refused");
                appendName(sb, "table", m.getTable());
                appendName(sb, "column", m.getColumn());
                appendName(sb, "constraint", m.getConstraint());
            }
            return sb.toString();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        if (e instanceof PSQLException) {
            // a client-side error (connection refused, authentication): no data involved; keep the first sentence
            int stop = message.indexOf(". ");
            return stop > 0 ? message.substring(0, stop) : message;
        }
        return message;
    }

    private static void appendName(StringBuilder sb, String what, String name) {
        if (name != null && !name.isEmpty()) {
            sb.append(", ").append(what).append(' ').append(name);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }
}
