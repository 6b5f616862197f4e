package dev.tern.adapters.storage.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The plain JDBC statements prepared on one connection while it is bound to a write transaction
 * (see {@link Transactor}), each prepared once per transaction however often it runs.
 *
 * <p>Why plain JDBC: the queue store's append runs once per queued message, up to thousands of times
 * per transaction, and Jdbi's per-call statement set-up (argument factory look-ups for every named
 * parameter, a statement context, its cleanup) cost more CPU than H2's insert itself.
 *
 * <p>Threading: confined to the thread whose transaction it belongs to.
 */
final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The statement for {@code sql}, prepared on first use; its parameters are left as last set. */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Closes every statement; a failure to close one does not stop the others closing. */
    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // The connection goes back to the pool, which closes what is left open on it.
            }
        }
        statements.clear();
    }
}
