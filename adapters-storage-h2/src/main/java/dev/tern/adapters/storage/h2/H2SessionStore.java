package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.will.Will;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Sessions in table {@code session}, each with at most one row in {@code session_will}, which the
 * foreign key deletes with its session. The will's {@code message_expiry_seconds} is -1 when its
 * message has no Message Expiry Interval.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2SessionStore implements SessionStore {

    private static final String MERGE_SESSION = "MERGE INTO session (client_id, expiry_seconds, disconnected_at_millis)"
            + " KEY (client_id) VALUES (:client_id, :expiry_seconds, :disconnected_at_millis)";
    private static final String DELETE_WILL = "DELETE FROM session_will WHERE client_id = :client_id";
    private static final String INSERT_WILL = "INSERT INTO session_will (client_id, delay_seconds, "
            + "message_expiry_seconds, " + MessageColumns.NAMES + ") VALUES (:client_id, :delay_seconds, "
            + ":message_expiry_seconds, " + MessageColumns.PARAMETERS + ")";
    private static final String DELETE_SESSION = "DELETE FROM session WHERE client_id = :client_id";
    private static final String SELECT = "SELECT s.client_id, s.expiry_seconds, s.disconnected_at_millis,"
            + " w.delay_seconds, w.message_expiry_seconds, w." + MessageColumns.NAMES.replace(", ", ", w.")
            + " FROM session s LEFT JOIN session_will w ON w.client_id = s.client_id";

    private final Transactor transactor;

    H2SessionStore(Transactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public void save(StoredSession session) {
        transactor.write(handle -> {
            handle.createUpdate(MERGE_SESSION)
                    .bind("client_id", session.clientId())
                    .bind("expiry_seconds", session.expiry().seconds())
                    .bind("disconnected_at_millis", session.disconnectedAtMillis())
                    .execute();
            handle.createUpdate(DELETE_WILL).bind("client_id", session.clientId()).execute();
            if (session.will() != null) {
                insertWill(handle, session.clientId(), session.will());
            }
            return null;
        });
    }

    private static void insertWill(Handle handle, String clientId, Will will) {
        var insert = handle.createUpdate(INSERT_WILL)
                .bind("client_id", clientId)
                .bind("delay_seconds", will.delaySeconds())
                .bind("message_expiry_seconds", will.messageExpirySeconds());
        MessageColumns.bind(insert, will.message());
        insert.execute();
    }

    @Override
    public void delete(String clientId) {
        transactor.write(handle -> handle.createUpdate(DELETE_SESSION).bind("client_id", clientId).execute());
    }

    @Override
    public List<StoredSession> loadAll() {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT)
                .map((row, context) -> read(row))
                .list()));
    }

    private static StoredSession read(ResultSet row) throws SQLException {
        long delaySeconds = row.getLong("delay_seconds");
        Will will = row.wasNull() ? null
                : new Will(MessageColumns.read(row), delaySeconds, row.getLong("message_expiry_seconds"));
        return new StoredSession(row.getString("client_id"), new SessionExpiry(row.getLong("expiry_seconds")), will,
                row.getLong("disconnected_at_millis"));
    }
}
