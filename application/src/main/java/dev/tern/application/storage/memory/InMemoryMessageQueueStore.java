package dev.tern.application.storage.memory;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Session queues kept in memory, lost when the broker stops. Each queue is sorted by sequence
 * number, so it loads in sequence order even when concurrent callers append out of order; an
 * append with a sequence number already queued replaces that delivery.
 *
 * <p>Threading: thread-safe and non-blocking, one short lock per client (see {@link ClientStates});
 * an append or remove costs O(log n) in the queue's length, a load copies the queue.
 */
public final class InMemoryMessageQueueStore implements MessageQueueStore {

    private final ClientStates<NavigableMap<Long, StoredDelivery>> queues =
            new ClientStates<>(TreeMap::new, NavigableMap::isEmpty);

    @Override
    public void append(String clientId, StoredDelivery delivery) {
        queues.update(clientId, queue -> queue.put(delivery.sequence(), delivery));
    }

    @Override
    public void remove(String clientId, long sequence) {
        queues.updateExisting(clientId, queue -> queue.remove(sequence));
    }

    @Override
    public List<StoredDelivery> load(String clientId) {
        return queues.read(clientId, queue -> List.copyOf(queue.values()), List.of());
    }
}
