package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Publish on one node, receive on another, exactly as on one node. */
abstract class CrossNodeDelivery extends ThreeNodeCluster {

    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void aMessagePublishedOnANodeReachesASubscriberOnAnotherAtItsQos(MqttQos qos) throws Exception {
        String topic = "x/qos/" + qos.getCode();
        Mqtt5AsyncClient subscriber = Hive.connected(port(B), "x-qos-sub-" + qos.getCode());
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "x-qos-pub-" + qos.getCode());
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, topic, qos);
            inbox.awaitRoute(publisher, topic);

            Hive.publish(publisher, topic, "across", qos);

            Mqtt5Publish received = inbox.next();
            assertThat(received).as("message at %s on the other node", qos).isNotNull();
            assertThat(Hive.text(received)).isEqualTo("across");
            assertThat(received.getQos()).isEqualTo(qos);
            assertThat(inbox.textsUntilQuiet(Duration.ofMillis(500))).as("exactly once").isEmpty();
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }

    /** 3.3.2.3: the properties cross the hop unchanged, and the expiry counts down ([MQTT-3.3.2-6]). */
    @Test
    void mqtt5PropertiesCrossTheHop() throws Exception {
        Mqtt5AsyncClient subscriber = Hive.connected(port(B), "x-props-sub");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "x-props-pub");
        try {
            Inbox inbox = new Inbox();
            inbox.subscribe(subscriber, "x/props/#", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(publisher, "x/props/t");

            publisher.publishWith().topic("x/props/t").payload("{}".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).messageExpiryInterval(120).responseTopic("x/props/reply")
                    .correlationData("corr-7".getBytes(StandardCharsets.UTF_8)).contentType("application/json")
                    .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                    .userProperties(Mqtt5UserProperties.builder().add("b", "1").add("a", "2").add("b", "3").build())
                    .send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();

            Mqtt5Publish received = inbox.next();
            assertThat(received).isNotNull();
            assertThat(received.getMessageExpiryInterval().orElseThrow()).as("counted down, not reset").isBetween(1L, 120L);
            assertThat(received.getResponseTopic()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("x/props/reply"));
            byte[] correlation = new byte[received.getCorrelationData().orElseThrow().remaining()];
            received.getCorrelationData().orElseThrow().get(correlation);
            assertThat(new String(correlation, StandardCharsets.UTF_8)).isEqualTo("corr-7");
            assertThat(received.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/json"));
            assertThat(received.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
            assertThat(received.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                    .containsExactly("b=1", "a=2", "b=3");
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }

    /** [MQTT-3.3.4-3]: the receiving node adds the Subscription Identifier of its subscriber's subscription. */
    @Test
    void theSubscriptionIdentifierIsTheReceivingSubscriptions() throws Exception {
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "x-sid-pub");
        try (RawMqttClient subscriber = Received5.connected(port(B), Connect5Packet.v5("x-sid-sub"))) {
            subscriber.send(Client5Packets.subscribe(1, "x/sid/#", 0, PropertiesWriter.properties().varInt(0x0B, 42)));
            assertThat(subscriber.readPacket().type()).isEqualTo(PacketType.SUBACK);
            boolean routed = false;
            for (int n = 0; n < 50 && !routed; n++) {
                Hive.publish(publisher, "x/sid/t", "probe:" + n, MqttQos.AT_MOST_ONCE);
                routed = !subscriber.receivesNothingWithin(Duration.ofMillis(200));
            }
            assertThat(routed).as("a route to node B").isTrue();

            Hive.publish(publisher, "x/sid/t", "real", MqttQos.AT_MOST_ONCE);

            Received5.Publish5 real;
            do {
                real = Received5.publish(subscriber.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS)));
            } while (real.text().startsWith("probe:"));
            assertThat(real.text()).isEqualTo("real");
            assertThat(real.properties().all(0x0B)).containsExactly(42L);
        } finally {
            Hive.disconnect(publisher);
        }
    }

    /** [MQTT-3.8.3-3]: No Local holds for the publisher's own subscription; other nodes' subscribers still receive. */
    @Test
    void noLocalKeepsTheMessageFromItsPublisherOnly() throws Exception {
        Mqtt5AsyncClient self = Hive.connected(port(A), "x-nolocal-self");
        Mqtt5AsyncClient other = Hive.connected(port(B), "x-nolocal-other");
        try {
            Inbox own = new Inbox();
            self.subscribeWith().topicFilter("x/nolocal").noLocal(true).qos(MqttQos.AT_LEAST_ONCE).callback(own).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            Inbox others = new Inbox().subscribe(other, "x/nolocal", MqttQos.AT_LEAST_ONCE);
            others.awaitRoute(self, "x/nolocal");

            Hive.publish(self, "x/nolocal", "mine", MqttQos.AT_LEAST_ONCE);

            assertThat(others.next()).isNotNull();
            assertThat(own.textsUntilQuiet(Duration.ofSeconds(1))).isEmpty();
        } finally {
            Hive.disconnect(self);
            Hive.disconnect(other);
        }
    }

    /** [MQTT-3.3.1-12], [MQTT-3.3.1-13]: Retain As Published decides the RETAIN flag on the other node too. */
    @Test
    void retainAsPublishedIsHonouredAcrossTheHop() throws Exception {
        Mqtt5AsyncClient keeps = Hive.connected(port(B), "x-rap-keeps");
        Mqtt5AsyncClient clears = Hive.connected(port(C), "x-rap-clears");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "x-rap-pub");
        try {
            Inbox kept = new Inbox();
            keeps.subscribeWith().topicFilter("x/rap").retainAsPublished(true).qos(MqttQos.AT_LEAST_ONCE).callback(kept)
                    .send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            Inbox cleared = new Inbox().subscribe(clears, "x/rap", MqttQos.AT_LEAST_ONCE);
            kept.awaitRoute(publisher, "x/rap");
            cleared.awaitRoute(publisher, "x/rap");

            publisher.publishWith().topic("x/rap").payload("r".getBytes(StandardCharsets.UTF_8)).retain(true)
                    .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();

            assertThat(kept.next().isRetain()).isTrue();
            assertThat(cleared.next().isRetain()).isFalse();
            publisher.publishWith().topic("x/rap").retain(true).qos(MqttQos.AT_LEAST_ONCE).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(keeps);
            Hive.disconnect(clears);
        }
    }

    /** [MQTT-4.6.0-5]: one publisher's messages to one topic arrive on the other node in the order sent. */
    @Test
    void orderPerPublisherAndTopicIsKeptAcrossTheHop() throws Exception {
        Mqtt5AsyncClient subscriber = Hive.connected(port(C), "x-order-sub");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "x-order-pub");
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, "x/order", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(publisher, "x/order");
            List<String> sent = IntStream.range(0, 200).mapToObj(i -> "m" + i).toList();

            sent.forEach(text -> publisher.publishWith().topic("x/order").payload(text.getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send());

            assertThat(inbox.texts(sent.size())).containsExactlyElementsOf(sent);
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }

    /** [MQTT-3.1.2-8]: the will of a client that drops off node A is published to a subscriber on node B. */
    @Test
    void theWillOfAClientLostOnOneNodeReachesAnotherNode() throws Exception {
        Mqtt5AsyncClient subscriber = Hive.connected(port(B), "x-will-sub");
        Mqtt5AsyncClient prober = Hive.connected(port(A), "x-will-prober");
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, "x/will", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(prober, "x/will");
            RawMqttClient doomed = Received5.connected(port(A), Connect5Packet.v5("x-will-doomed")
                    .will("x/will", "gone", 1, PropertiesWriter.properties()));

            doomed.close();

            Mqtt5Publish will = inbox.next();
            assertThat(will).as("the will on the other node").isNotNull();
            assertThat(Hive.text(will)).isEqualTo("gone");
            assertThat(inbox.textsUntilQuiet(Duration.ofSeconds(1))).as("once").isEmpty();
        } finally {
            Hive.disconnect(prober);
            Hive.disconnect(subscriber);
        }
    }
}
