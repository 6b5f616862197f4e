package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.domain.delivery.Delivery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Queued deliveries in table {@code queued_delivery}, keyed by (client id, sequence); appending a
 * sequence already present replaces that entry.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2MessageQueueStore implements MessageQueueStore {

    private static final String COLUMNS = "queued_delivery (client_id, sequence, subscription_ids, "
            + MessageColumns.NAMES + ")";
    private static final String VALUES = " VALUES (?, ?, ?, " + MessageParameters.PLACEHOLDERS + ")";
    private static final String INSERT = "INSERT INTO " + COLUMNS + VALUES;
    private static final String MERGE = "MERGE INTO " + COLUMNS + " KEY (client_id, sequence)" + VALUES;
    private static final String DELETE = "DELETE FROM queued_delivery WHERE client_id = ? AND sequence = ?";
    /** H2's SQLSTATE for a duplicate primary key. */
    private static final String DUPLICATE_KEY = "23505";
    private static final String DELETE_ALL = "DELETE FROM queued_delivery WHERE client_id = :client_id";
    private static final String SELECT = "SELECT sequence, subscription_ids, " + MessageColumns.NAMES
            + " FROM queued_delivery WHERE client_id = :client_id ORDER BY sequence";

    private final Transactor transactor;

    H2MessageQueueStore(Transactor transactor) {
        this.transactor = transactor;
    }

    /**
     * A plain INSERT, which is cheaper than MERGE for the usual new sequence; a sequence already
     * present fails it on the primary key (H2 undoes just that statement, not the transaction) and
     * is then replaced by MERGE.
     */
    @Override
    public void append(String clientId, StoredDelivery delivery) {
        transactor.writeJdbc(statements -> {
            try {
                return execute(statements.prepared(INSERT), clientId, delivery);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                return execute(statements.prepared(MERGE), clientId, delivery);
            }
        });
    }

    private static int execute(PreparedStatement statement, String clientId, StoredDelivery delivery)
            throws SQLException {
        statement.setString(1, clientId);
        statement.setLong(2, delivery.sequence());
        MessageParameters.bindBytes(statement, 3, ListColumnCodec.encodeInts(delivery.delivery().subscriptionIds()));
        MessageParameters.bind(statement, 4, delivery.delivery().message());
        return statement.executeUpdate();
    }

    @Override
    public void remove(String clientId, long sequence) {
        transactor.writeJdbc(statements -> {
            PreparedStatement delete = statements.prepared(DELETE);
            delete.setString(1, clientId);
            delete.setLong(2, sequence);
            return delete.executeUpdate();
        });
    }

    @Override
    public void deleteAll(String clientId) {
        transactor.write(handle -> handle.createUpdate(DELETE_ALL).bind("client_id", clientId).execute());
    }

    @Override
    public List<StoredDelivery> load(String clientId) {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT)
                .bind("client_id", clientId)
                .map((row, context) -> new StoredDelivery(row.getLong("sequence"), new Delivery(
                        MessageColumns.read(row), ListColumnCodec.decodeInts(row.getBytes("subscription_ids")))))
                .list()));
    }
}
