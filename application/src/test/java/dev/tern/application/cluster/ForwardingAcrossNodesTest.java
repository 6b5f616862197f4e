package dev.tern.application.cluster;

import static dev.tern.application.cluster.RoutingNode.body;
import static dev.tern.application.cluster.RoutingNode.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A message published on one node reaches the subscribers of another as if they were on the same node. */
class ForwardingAcrossNodesTest {

    private final RoutingCluster cluster = new RoutingCluster();

    @ParameterizedTest
    @EnumSource(Qos.class)
    void reachesASubscriberOnAnotherNodeAtEachQosWithTheSubscriptionIdentifierOfItsOwnSubscription(Qos qos) {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client subscriber = b.client().connect("sub")
                .subscribe(new TopicSubscription("sensors/+", Qos.EXACTLY_ONCE, false, false,
                        RetainHandling.SEND_ON_SUBSCRIBE), 42);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        subscriber.sent();
        publisher.sent();

        publisher.send(new Publish(false, qos, false, "sensors/1", qos == Qos.AT_MOST_ONCE ? 0 : 1,
                Properties.builder().user("k", "v").string(PropertyId.RESPONSE_TOPIC, "reply/here").build(),
                payload("21.5")));
        cluster.settle();

        List<Publish> received = subscriber.received();
        assertThat(received).hasSize(1);
        Publish got = received.get(0);
        assertThat(body(got)).isEqualTo("21.5");
        assertThat(got.topic()).isEqualTo("sensors/1");
        assertThat(got.qos()).isEqualTo(qos);
        assertThat(got.properties().integers(PropertyId.SUBSCRIPTION_IDENTIFIER)).containsExactly(42L);
        assertThat(got.properties().string(PropertyId.RESPONSE_TOPIC)).isEqualTo("reply/here");
        assertThat(got.properties().userProperties()).extracting(p -> p.name() + "=" + p.value()).containsExactly("k=v");
        List<MqttPacket> acks = publisher.sent();
        switch (qos) {
            case AT_MOST_ONCE -> assertThat(acks).isEmpty();
            case AT_LEAST_ONCE -> assertThat(acks).containsExactly(new Puback(1, ReasonCode.SUCCESS, Properties.EMPTY));
            case EXACTLY_ONCE -> assertThat(acks).containsExactly(new Pubrec(1, ReasonCode.SUCCESS, Properties.EMPTY));
        }
    }

    @Test
    void sendsOneMessagePerNodeWhateverTheNumberOfSubscribersThere() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client first = b.client().connect("first").subscribe("t", Qos.AT_MOST_ONCE);
        RoutingNode.Client second = b.client().connect("second").subscribe("#", Qos.AT_MOST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        first.sent();
        second.sent();
        CountingForwarding counted = new CountingForwarding();
        b.backend.forwarding().receive(counted.around(b.receiver));

        publisher.publish("t", Qos.AT_MOST_ONCE, "once");
        cluster.settle();

        assertThat(counted.messages()).isEqualTo(1);
        assertThat(first.received()).extracting(RoutingNode::body).containsExactly("once");
        assertThat(second.received()).extracting(RoutingNode::body).containsExactly("once");
    }

    @Test
    void appliesNoLocalOnTheReceivingNodeByThePublishersClientId() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        // The same client id on both nodes is what a takeover leaves for a moment; No Local still holds.
        RoutingNode.Client self = b.client().connect("x")
                .subscribe(new TopicSubscription("t", Qos.AT_LEAST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE), 1);
        RoutingNode.Client other = b.client().connect("y").subscribe("t", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("x");
        cluster.settle();
        self.sent();
        other.sent();

        publisher.publish("t", Qos.AT_LEAST_ONCE, "mine");
        cluster.settle();

        assertThat(self.received()).isEmpty();
        assertThat(other.received()).extracting(RoutingNode::body).containsExactly("mine");
    }

    @Test
    void keepsRetainAsPublishedPerReceivingSubscription() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client keeps = b.client().connect("keeps")
                .subscribe(new TopicSubscription("t", Qos.AT_MOST_ONCE, false, true, RetainHandling.SEND_ON_SUBSCRIBE), 1);
        RoutingNode.Client clears = b.client().connect("clears").subscribe("t", Qos.AT_MOST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        keeps.sent();
        clears.sent();

        publisher.send(new Publish(false, Qos.AT_MOST_ONCE, true, "t", 0, Properties.EMPTY, payload("kept")));
        cluster.settle();

        assertThat(keeps.received()).extracting(Publish::retain).containsExactly(true);
        assertThat(clears.received()).extracting(Publish::retain).containsExactly(false);
    }

    @Test
    void countsMessageExpiryDownAcrossTheHopForASessionThatWasAway() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client away = b.client().connectPersistent("away", true, 600).subscribe("t", Qos.AT_LEAST_ONCE);
        cluster.settle();
        away.drop();
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();

        publisher.send(new Publish(false, Qos.AT_LEAST_ONCE, false, "t", 1,
                Properties.builder().integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60).build(), payload("fresh")));
        cluster.settle();
        cluster.clock.advance(20_000);
        RoutingNode.Client back = b.client().connectPersistent("away", false, 600);
        cluster.settle();

        List<Publish> received = back.received();
        assertThat(received).extracting(RoutingNode::body).containsExactly("fresh");
        assertThat(received.get(0).properties().integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, -1)).isEqualTo(40);
    }

    @Test
    void holdsThePubackUntilTheDurableSendToTheOtherNodeIsSafe() {
        HeldForwarding[] held = new HeldForwarding[1];
        RoutingNode a = cluster.node("a", f -> held[0] = new HeldForwarding(f));
        RoutingNode b = cluster.node("b");
        RoutingNode.Client subscriber = b.client().connect("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        subscriber.sent();
        publisher.sent();

        publisher.publish("t", Qos.AT_LEAST_ONCE, "durable");
        cluster.settle();

        assertThat(held[0].held()).isEqualTo(1);
        assertThat(publisher.sent()).isEmpty();
        held[0].releaseAll();
        cluster.settle();
        assertThat(publisher.sent()).containsExactly(new Puback(1, ReasonCode.SUCCESS, Properties.EMPTY));
        assertThat(subscriber.received()).extracting(RoutingNode::body).containsExactly("durable");
    }

    @Test
    void failsThePublishWith0x80WhenTheDurableSendIsRefused() {
        HeldForwarding[] held = new HeldForwarding[1];
        RoutingNode a = cluster.node("a", f -> held[0] = new HeldForwarding(f));
        RoutingNode b = cluster.node("b");
        b.client().connect("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        cluster.settle();
        publisher.sent();

        publisher.publish("t", Qos.AT_LEAST_ONCE, "refused");
        cluster.settle();
        held[0].refuseAll();
        cluster.settle();

        assertThat(publisher.sent()).containsExactly(new Puback(1, ReasonCode.UNSPECIFIED_ERROR, Properties.EMPTY));
    }

    @Test
    void doesNotSayNoMatchingSubscribersWhenTheOnlySubscriberIsOnAnotherNode() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        b.client().connect("sub").subscribe("t", Qos.AT_LEAST_ONCE);
        RoutingNode.Client publisher = a.client().connect("pub");
        RoutingNode.Client nobody = a.client().connect("pub2");
        cluster.settle();
        publisher.sent();
        nobody.sent();

        publisher.publish("t", Qos.AT_LEAST_ONCE, "there");
        nobody.publish("elsewhere", Qos.AT_LEAST_ONCE, "nowhere");
        cluster.settle();

        assertThat(publisher.sent()).containsExactly(new Puback(1, ReasonCode.SUCCESS, Properties.EMPTY));
        assertThat(nobody.sent()).containsExactly(new Puback(1, ReasonCode.NO_MATCHING_SUBSCRIBERS, Properties.EMPTY));
    }

    @Test
    void keepsTheBrokersOwnSysMessagesOnTheirNode() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client watcher = b.client().connect("watcher").subscribe("$SYS/#", Qos.AT_MOST_ONCE);
        cluster.settle();
        watcher.sent();

        a.publisher.publish(ApplicationMessage.of("$SYS/broker/uptime", payload("5").toByteArray(),
                Qos.AT_MOST_ONCE, true));
        cluster.settle();

        assertThat(watcher.received()).isEmpty();
        assertThat(b.retained.get("$SYS/broker/uptime")).isNull();
    }
}
