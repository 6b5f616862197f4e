package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.List;

/**
 * One client's worth of writes to every store (session, two subscriptions, a queued message, a
 * flow in flight, a QoS 2 receipt) and the check that a store gives all of it back, for tests
 * that need many clients' keys spread over hash slots.
 *
 * <p>Threading: stateless.
 */
final class ClientSamples {

    private ClientSamples() {
    }

    static StoredSession session(String clientId) {
        return new StoredSession(clientId, SessionExpiry.NEVER, null, 1);
    }

    static List<Subscription> subscriptions(String clientId) {
        // "z" before "a": the order first saved must survive, not the sort order.
        return List.of(new Subscription(clientId, TopicFilter.parse("z/1"), SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE)),
                new Subscription(clientId, TopicFilter.parse("a/#"), SubscriptionOptions.ofQos(Qos.EXACTLY_ONCE)));
    }

    static Delivery delivery(String text) {
        return Delivery.of(ApplicationMessage.of("t/" + text, text.getBytes(), Qos.AT_LEAST_ONCE, false));
    }

    static ApplicationMessage retained(String topic) {
        return ApplicationMessage.of(topic, new byte[] {1, 2}, Qos.AT_MOST_ONCE, true);
    }

    /** Writes one client's sample to every store of {@code storage}. */
    static void writeClient(RedisStorage storage, String clientId) {
        storage.sessions().save(session(clientId));
        subscriptions(clientId).forEach(storage.subscriptions()::save);
        storage.queues().append(clientId, new StoredDelivery(7, delivery("q")));
        storage.inflight().save(clientId, new AwaitingPuback(3, delivery("f")));
        storage.inflight().saveReceipt(clientId, 9);
    }

    /**
     * Asserts that {@code storage} holds the sessions of exactly {@code clientIds} and gives back
     * each one's per-client sample. Sessions are read once for all, as the broker reads them.
     */
    static void assertClientsRestored(RedisStorage storage, List<String> clientIds) {
        assertThat(storage.sessions().loadAll())
                .containsExactlyInAnyOrderElementsOf(clientIds.stream().map(ClientSamples::session).toList());
        for (String clientId : clientIds) {
            assertThat(storage.queues().load(clientId)).containsExactly(new StoredDelivery(7, delivery("q")));
            assertThat(storage.inflight().load(clientId)).containsExactly(new AwaitingPuback(3, delivery("f")));
            assertThat(storage.inflight().loadReceipts(clientId)).containsExactly(9);
        }
    }
}
