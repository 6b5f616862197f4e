package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One client's state written to every store of a {@link Storage}, as the broker's storage writer
 * would in one batch, and the checks that it is all there or none of it is. Each client's queued
 * delivery gets a sequence of its own, as the broker's would: a store may key them by sequence alone.
 *
 * <p>Threading: one per test, used on the test's thread.
 */
final class EveryStore {

    static final int INFLIGHT_PACKET_ID = 1;
    static final int RECEIPT_PACKET_ID = 2;

    private final Map<String, Long> sequences = new HashMap<>();

    private long sequence(String clientId) {
        return sequences.computeIfAbsent(clientId, unseen -> sequences.size() + 1L);
    }

    /** The stored session of {@code clientId}, read back the way the broker restores: all of them at once. */
    static Optional<StoredSession> sessionOf(Storage storage, String clientId) {
        return storage.sessions().loadAll().stream().filter(session -> session.clientId().equals(clientId)).findFirst();
    }

    /** Removes the queued message {@link #write} put there for {@code clientId}, as delivery does. */
    void removeQueued(Storage storage, String clientId) {
        storage.queues().remove(clientId, sequence(clientId));
    }

    static StoredSession session(String clientId) {
        return new StoredSession(clientId, SessionExpiry.NEVER, null, StoredSession.CONNECTED);
    }

    private static Subscription subscription(String clientId) {
        return new Subscription(clientId, TopicFilter.parse("filters/" + clientId + "/#"),
                SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE));
    }

    private static ApplicationMessage retainedMessage(String clientId) {
        return ContractSamples.fullMessage("retained/" + clientId);
    }

    void write(Storage storage, String clientId) {
        storage.sessions().save(session(clientId));
        storage.subscriptions().save(subscription(clientId));
        storage.retained().save(retainedMessage(clientId));
        storage.queues().append(clientId, new StoredDelivery(sequence(clientId), ContractSamples.fullDelivery("q")));
        storage.inflight().save(clientId,
                new AwaitingPuback(INFLIGHT_PACKET_ID, ContractSamples.plainDelivery("f", clientId)));
        storage.inflight().saveReceipt(clientId, RECEIPT_PACKET_ID);
    }

    void assertHoldsAll(Storage storage, String clientId) {
        assertThat(sessionOf(storage, clientId)).as("session of %s", clientId).contains(session(clientId));
        assertThat(storage.subscriptions().loadAll()).as("subscriptions").contains(subscription(clientId));
        assertThat(storage.retained().loadAll()).as("retained messages").contains(retainedMessage(clientId));
        assertThat(storage.queues().load(clientId)).as("queue of %s", clientId)
                .extracting(StoredDelivery::sequence).containsExactly(sequence(clientId));
        assertThat(storage.inflight().load(clientId)).as("in-flight messages of %s", clientId)
                .containsExactly(new AwaitingPuback(INFLIGHT_PACKET_ID, ContractSamples.plainDelivery("f", clientId)));
        assertThat(storage.inflight().loadReceipts(clientId)).as("receipts of %s", clientId)
                .containsExactly(RECEIPT_PACKET_ID);
    }

    void assertHoldsNone(Storage storage, String clientId) {
        assertThat(sessionOf(storage, clientId)).as("session of %s", clientId).isEmpty();
        assertThat(storage.subscriptions().loadAll()).as("subscriptions").doesNotContain(subscription(clientId));
        assertThat(storage.retained().loadAll()).as("retained messages").doesNotContain(retainedMessage(clientId));
        assertThat(storage.queues().load(clientId)).as("queue of %s", clientId).isEmpty();
        assertThat(storage.inflight().load(clientId)).as("in-flight messages of %s", clientId).isEmpty();
        assertThat(storage.inflight().loadReceipts(clientId)).as("receipts of %s", clientId).isEmpty();
    }
}
