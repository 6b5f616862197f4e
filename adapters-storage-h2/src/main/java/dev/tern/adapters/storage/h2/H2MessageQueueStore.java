package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.domain.delivery.Delivery;
import java.util.List;

/**
 * Queued deliveries in table {@code queued_delivery}, keyed by (client id, sequence); appending a
 * sequence already present replaces that entry.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2MessageQueueStore implements MessageQueueStore {

    private static final String MERGE = "MERGE INTO queued_delivery (client_id, sequence, subscription_ids, "
            + MessageColumns.NAMES + ") KEY (client_id, sequence) VALUES (:client_id, :sequence, :subscription_ids, "
            + MessageColumns.PARAMETERS + ")";
    private static final String DELETE = "DELETE FROM queued_delivery WHERE client_id = :client_id"
            + " AND sequence = :sequence";
    private static final String DELETE_ALL = "DELETE FROM queued_delivery WHERE client_id = :client_id";
    private static final String SELECT = "SELECT sequence, subscription_ids, " + MessageColumns.NAMES
            + " FROM queued_delivery WHERE client_id = :client_id ORDER BY sequence";

    private final Transactor transactor;

    H2MessageQueueStore(Transactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public void append(String clientId, StoredDelivery delivery) {
        transactor.write(handle -> {
            var merge = handle.createUpdate(MERGE)
                    .bind("client_id", clientId)
                    .bind("sequence", delivery.sequence());
            MessageColumns.bindBytes(merge, "subscription_ids",
                    ListColumnCodec.encodeInts(delivery.delivery().subscriptionIds()));
            MessageColumns.bind(merge, delivery.delivery().message());
            return merge.execute();
        });
    }

    @Override
    public void remove(String clientId, long sequence) {
        transactor.write(handle -> handle.createUpdate(DELETE)
                .bind("client_id", clientId)
                .bind("sequence", sequence)
                .execute());
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
