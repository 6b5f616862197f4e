package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.domain.delivery.Delivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queued deliveries in table {@code queued_delivery}, keyed by sequence alone (see
 * {@code V2__queue_by_sequence.sql}): sequences are unique across clients and grow with time, so
 * appends go to the end of one B-tree instead of dirtying an index page per client. There is no
 * index by client: {@link #load} and {@link #loadAll} scan the table, which the
 * broker does once, at start-up. Appending a sequence already present replaces that entry, whichever
 * client it belonged to; removing checks the client too, so a stray remove leaves another client's
 * delivery alone.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2MessageQueueStore implements MessageQueueStore {

    private static final String COLUMNS = "queued_delivery (sequence, client_id, subscription_ids, "
            + MessageColumns.NAMES + ")";
    private static final String VALUES = " VALUES (?, ?, ?, " + MessageParameters.PLACEHOLDERS + ")";
    private static final String INSERT = "INSERT INTO " + COLUMNS + VALUES;
    private static final String MERGE = "MERGE INTO " + COLUMNS + " KEY (sequence)" + VALUES;
    private static final String DELETE = "DELETE FROM queued_delivery WHERE sequence = ? AND client_id = ?";
    /** H2's SQLSTATE for a duplicate primary key. */
    private static final String DUPLICATE_KEY = "23505";
    private static final String READ = "SELECT client_id, sequence, subscription_ids, " + MessageColumns.NAMES
            + " FROM queued_delivery";
    private static final String SELECT = READ + " WHERE client_id = :client_id ORDER BY sequence";
    private static final String SELECT_ALL = READ + " ORDER BY sequence";

    private final Transactor transactor;

    private record ClientDelivery(String clientId, StoredDelivery delivery) {
    }

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
        statement.setLong(1, delivery.sequence());
        statement.setString(2, clientId);
        MessageParameters.bindBytes(statement, 3, ListColumnCodec.encodeInts(delivery.delivery().subscriptionIds()));
        MessageParameters.bind(statement, 4, delivery.delivery().message());
        return statement.executeUpdate();
    }

    @Override
    public void remove(String clientId, long sequence) {
        transactor.writeJdbc(statements -> {
            PreparedStatement delete = statements.prepared(DELETE);
            delete.setLong(1, sequence);
            delete.setString(2, clientId);
            return delete.executeUpdate();
        });
    }

    @Override
    public List<StoredDelivery> load(String clientId) {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT)
                .bind("client_id", clientId)
                .map((row, context) -> delivery(row))
                .list()));
    }

    /** One scan in sequence order, which is each client's order too. */
    @Override
    public Map<String, List<StoredDelivery>> loadAll(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            // No session to restore: the scan would read every row only to keep none.
            return Map.of();
        }
        Set<String> wanted = new HashSet<>(clientIds);
        Map<String, List<StoredDelivery>> queues = new HashMap<>();
        transactor.read(handle -> {
            handle.createQuery(SELECT_ALL)
                    .map((row, context) -> new ClientDelivery(row.getString("client_id"), delivery(row)))
                    .forEach(row -> {
                        if (wanted.contains(row.clientId())) {
                            queues.computeIfAbsent(row.clientId(), id -> new ArrayList<>()).add(row.delivery());
                        }
                    });
            return null;
        });
        queues.replaceAll((clientId, queue) -> List.copyOf(queue));
        return queues;
    }

    private static StoredDelivery delivery(ResultSet row) throws SQLException {
        return new StoredDelivery(row.getLong("sequence"), new Delivery(
                MessageColumns.read(row), ListColumnCodec.decodeInts(row.getBytes("subscription_ids"))));
    }
}
