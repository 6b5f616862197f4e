package dev.tern.application.cluster;

import static dev.tern.application.cluster.RoutingNode.body;
import static dev.tern.application.cluster.RoutingNode.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicName;
import org.junit.jupiter.api.Test;

/** Retained messages set or deleted on any node are seen on every node. */
class RetainedAcrossNodesTest {

    private final RoutingCluster cluster = new RoutingCluster();

    private static Publish retained(String topic, String body) {
        return new Publish(false, Qos.AT_MOST_ONCE, true, topic, 0, Properties.EMPTY,
                body.isEmpty() ? Payload.EMPTY : payload(body));
    }

    @Test
    void aRetainedMessageSetOnOneNodeIsSentToANewSubscriberOnAnother() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        a.client().connect("pub").send(retained("config/x", "v1"));
        cluster.settle();

        RoutingNode.Client subscriber = b.client().connect("late").subscribe("config/#", Qos.AT_MOST_ONCE);
        cluster.settle();

        assertThat(subscriber.received()).singleElement().satisfies(p -> {
            assertThat(body(p)).isEqualTo("v1");
            assertThat(p.retain()).isTrue();
        });
        assertThat(cluster.stores.retained.loadAll()).hasSize(1);
    }

    @Test
    void aRetainedDeleteOnOneNodeDeletesItOnTheOthers() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client publisher = a.client().connect("pub").send(retained("config/x", "v1"));
        cluster.settle();
        assertThat(b.retained.get("config/x")).isNotNull();

        publisher.send(retained("config/x", ""));
        cluster.settle();

        assertThat(b.retained.get("config/x")).isNull();
        assertThat(b.retained.size()).isZero();
        assertThat(cluster.stores.retained.loadAll()).isEmpty();
    }

    @Test
    void anAdministratorsDeleteIsSeenOnEveryNode() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        a.client().connect("pub").send(retained("config/x", "v1"));
        cluster.settle();

        b.retained.delete(new TopicName("config/x"));
        cluster.settle();

        assertThat(a.retained.get("config/x")).isNull();
    }

    @Test
    void aResyncReloadsTheRetainedMessagesFromTheSharedStore() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        a.client().connect("pub").send(retained("config/x", "v1"));
        cluster.settle();
        // Broadcasts missed while b's connection to the backend was down: a message it never heard of, a stale one.
        cluster.stores.retained.save(ApplicationMessage.of("config/missed", payload("m").toByteArray(), Qos.AT_MOST_ONCE, true));
        b.retained.applyRemote(ApplicationMessage.of("config/stale", payload("s").toByteArray(), Qos.AT_MOST_ONCE, true));

        b.receiver.resync();
        cluster.settle();

        assertThat(b.retained.get("config/missed")).isNotNull();
        assertThat(b.retained.get("config/x")).isNotNull();
        assertThat(b.retained.get("config/stale")).isNull();
        assertThat(b.retained.size()).isEqualTo(2);
    }
}
