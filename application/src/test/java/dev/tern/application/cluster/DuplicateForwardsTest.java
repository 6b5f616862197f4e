package dev.tern.application.cluster;

import static dev.tern.application.cluster.RoutingNode.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A forwarded message the backend hands out twice (after a failure) is routed once: QoS 2 stays exactly once. */
class DuplicateForwardsTest {

    private final RoutingCluster cluster = new RoutingCluster();
    private final RoutingNode b = cluster.node("b");
    private final RoutingNode.Client subscriber = b.client().connect("sub").subscribe("t", Qos.EXACTLY_ONCE);
    private final AtomicInteger settled = new AtomicInteger();

    private static ForwardedMessage forwarded(String id) {
        return new ForwardedMessage(id, ApplicationMessage.of("t", payload("once").toByteArray(), Qos.EXACTLY_ONCE,
                false), true, Set.of());
    }

    @Test
    void routesAMessageWhoseIdComesAgainOnlyOnce() {
        cluster.settle();
        subscriber.sent();

        b.receiver.message(forwarded("a:7"), settled::incrementAndGet);
        b.receiver.message(forwarded("a:7"), settled::incrementAndGet);
        cluster.settle();

        assertThat(subscriber.received()).extracting(RoutingNode::body).containsExactly("once");
        assertThat(settled).hasValue(1);
    }

    @Test
    void settlesACopyOfAMessageAlreadySettledWithoutRoutingIt() {
        cluster.settle();
        subscriber.sent();
        b.receiver.message(forwarded("a:7"), settled::incrementAndGet);
        cluster.settle();
        subscriber.sent();

        b.receiver.message(forwarded("a:7"), settled::incrementAndGet);
        cluster.settle();

        assertThat(subscriber.received()).isEmpty();
        assertThat(settled).hasValue(2);
    }

    @Test
    void routesMessagesWithOtherIds() {
        cluster.settle();
        subscriber.sent();

        b.receiver.message(forwarded("a:7"), settled::incrementAndGet);
        b.receiver.message(forwarded("c:7"), settled::incrementAndGet);
        cluster.settle();

        assertThat(subscriber.received()).hasSize(2);
    }

    @Test
    void settlesADurableMessageOnlyOnceAPersistentSessionsCopyIsStored() {
        RoutingNode.Client away = b.client().connectPersistent("away", true, 600).subscribe("t", Qos.EXACTLY_ONCE);
        cluster.settle();
        away.drop();
        cluster.settle();

        b.receiver.message(forwarded("a:9"), settled::incrementAndGet);
        b.loop.runPending();
        b.clusterLoop.runPending();
        assertThat(settled).hasValue(0);
        assertThat(cluster.stores.queues.loadAll(List.of("away")).getOrDefault("away", List.of()))
                .isEmpty();

        b.storageLoop.runPending();
        b.clusterLoop.runPending();
        assertThat(settled).hasValue(1);
        assertThat(cluster.stores.queues.loadAll(List.of("away")).get("away")).hasSize(1);
    }
}
