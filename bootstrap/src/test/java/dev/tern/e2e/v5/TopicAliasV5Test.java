package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.3.2.3.4 Topic Alias (MQTT 5)")
class TopicAliasV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.topic-alias-maximum=4");

    private static byte[] aliased(String topic, String payload, int alias) {
        return Client5Packets.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, 1, false,
                PropertiesWriter.properties().twoByte(0x23, alias));
    }

    @Test
    void resolvesAnAliasSetByTheClientOnLaterPublishesWithAnEmptyTopic() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "ta-sub");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "ta-pub")) {
            RawSteps.subscribe(subscriber, 1, "ta/in", 1);
            RawSteps.publishQos1(publisher, 1, "ta/in", "first".getBytes(), false,
                    PropertiesWriter.properties().twoByte(0x23, 3));
            RawSteps.publishQos1(publisher, 2, "", "second".getBytes(), false,
                    PropertiesWriter.properties().twoByte(0x23, 3));

            Received5.Publish5 first = RawSteps.receive(subscriber);
            Received5.Publish5 second = RawSteps.receive(subscriber);
            assertThat(first.topic()).isEqualTo("ta/in");
            assertThat(second.topic()).isEqualTo("ta/in");
            assertThat(second.text()).isEqualTo("second");
        }
    }

    /** [MQTT-3.3.2-8]: Topic Alias 0 is not permitted; 0x94 Topic Alias invalid. */
    @Test
    void disconnectsOnTopicAliasZero() throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), "ta-zero")) {
            client.send(aliased("ta/zero", "x", 0));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x94);
        }
    }

    /** [MQTT-3.3.2-9]: an alias above the broker's Topic Alias Maximum is 0x94. */
    @Test
    void disconnectsOnATopicAliasAboveTheMaximum() throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), "ta-high")) {
            client.send(aliased("ta/high", "x", 5));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x94);
        }
    }

    /** 3.3.4: an empty topic with an alias the client never set is a Protocol Error. */
    @Test
    void disconnectsOnAnUnknownAliasWithAnEmptyTopic() throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), "ta-unknown")) {
            client.send(aliased("", "x", 2));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }

    /** 3.3.2.3.4: with a client Topic Alias Maximum the broker sets an alias once and then sends empty topics. */
    @Test
    void usesOutboundAliasesWhenTheClientAcceptsThem() throws Exception {
        try (RawMqttClient subscriber = Received5.connected(BROKER.port(), Connect5Packet.v5("ta-out")
                        .properties(PropertiesWriter.properties().twoByte(0x22, 5)));
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "ta-out-pub")) {
            RawSteps.subscribe(subscriber, 1, "ta/out", 1);
            RawSteps.publishQos1(publisher, 1, "ta/out", "one");
            RawSteps.publishQos1(publisher, 2, "ta/out", "two");

            Received5.Publish5 first = RawSteps.receive(subscriber);
            Received5.Publish5 second = RawSteps.receive(subscriber);
            Long alias = first.properties().integer(0x23);
            assertThat(first.topic()).isEqualTo("ta/out");
            assertThat(alias).isBetween(1L, 5L);
            assertThat(second.topic()).isEmpty();
            assertThat(second.properties().integer(0x23)).isEqualTo(alias);
        }
    }

    @Test
    void sendsNoAliasesToAClientThatAnnouncedNone() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "ta-none");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "ta-none-pub")) {
            RawSteps.subscribe(subscriber, 1, "ta/none", 1);
            RawSteps.publishQos1(publisher, 1, "ta/none", "one");
            RawSteps.publishQos1(publisher, 2, "ta/none", "two");

            for (Received5.Publish5 publish : RawSteps.receiveUntilQuiet(subscriber, Duration.ofMillis(300))) {
                assertThat(publish.topic()).isEqualTo("ta/none");
                assertThat(publish.properties().has(0x23)).isFalse();
            }
        }
    }

    @Test
    void hiveMqClientWithAliasesReceivesTheRightTopics() throws Exception {
        BlockingQueue<Mqtt5Publish> received = Hive5.queue();
        Mqtt5AsyncClient subscriber = Hive5.builder(BROKER.port(), "ta-hive").buildAsync();
        subscriber.connectWith().restrictions().topicAliasMaximum(2).applyRestrictions().send()
                .orTimeout(5, TimeUnit.SECONDS).join();
        Mqtt5AsyncClient publisher = Hive5.connected(BROKER.port(), "ta-hive-pub");
        try {
            subscriber.subscribeWith().topicFilter("ta/hive/#").qos(MqttQos.AT_LEAST_ONCE).callback(received::add)
                    .send().orTimeout(5, TimeUnit.SECONDS).join();
            for (String topic : new String[] {"ta/hive/a", "ta/hive/b", "ta/hive/a", "ta/hive/c", "ta/hive/b"}) {
                Hive5.publish(publisher, topic, topic, MqttQos.AT_LEAST_ONCE);
            }
            for (int i = 0; i < 5; i++) {
                Mqtt5Publish publish = received.poll(5, TimeUnit.SECONDS);
                assertThat(publish).isNotNull();
                assertThat(publish.getTopic().toString()).isEqualTo(Hive5.text(publish));
            }
        } finally {
            Hive5.disconnect(subscriber);
            Hive5.disconnect(publisher);
        }
    }

    /**
     * [MQTT-3.1.2-24]: the broker never sends a packet above the client's Maximum Packet Size, also
     * when the Topic Alias it adds makes a message that fitted without it too large.
     */
    @Test
    void neverLetsAnOutboundAliasPushAPacketAboveTheClientsMaximum() throws Exception {
        int maximum = 100;
        // QoS 1 PUBLISH on "ta/sz": 1 + 1 + (2 + 5 + 2 + 1 + payload) bytes = exactly 100 without an alias.
        String payload = "p".repeat(88);
        try (RawMqttClient subscriber = Received5.connected(BROKER.port(), Connect5Packet.v5("ta-size")
                        .properties(PropertiesWriter.properties().twoByte(0x22, 5).fourByte(0x27, maximum)));
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "ta-size-pub")) {
            RawSteps.subscribe(subscriber, 1, "ta/sz", 1);
            RawSteps.publishQos1(publisher, 1, "ta/sz", payload);

            while (!subscriber.receivesNothingWithin(Duration.ofMillis(500))) {
                ReceivedPacket packet = subscriber.readPacket();
                assertThat(packet.body().length + 2).as("PUBLISH size").isLessThanOrEqualTo(maximum);
                subscriber.send(Client5Packets.ack(4, Received5.publish(packet).packetId()));
            }
        }
    }

    /** The HiveMQ client's own inbound aliases (client to broker) resolve to the right topics. */
    @Test
    void resolvesTheAliasesAHiveMqPublisherSends() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "ta-hive-in-sub")) {
            RawSteps.subscribe(subscriber, 1, "ta/hivein/#", 1);
            Mqtt5AsyncClient publisher = Hive5.builder(BROKER.port(), "ta-hive-in").buildAsync();
            publisher.connectWith().restrictions().sendTopicAliasMaximum(4).applyRestrictions().send()
                    .orTimeout(5, TimeUnit.SECONDS).join();
            try {
                String[] topics = {"ta/hivein/a", "ta/hivein/b", "ta/hivein/a", "ta/hivein/b", "ta/hivein/a"};
                for (String topic : topics) {
                    Hive5.publish(publisher, topic, topic, MqttQos.AT_LEAST_ONCE);
                }
                for (int i = 0; i < topics.length; i++) {
                    Received5.Publish5 publish = RawSteps.receive(subscriber);
                    assertThat(publish.topic()).isEqualTo(publish.text());
                }
            } finally {
                Hive5.disconnect(publisher);
            }
        }
    }

    /** 3.3.2.3.4: aliases live as long as the connection; a new one starts with none. */
    @Test
    void forgetsInboundAliasesWithTheConnection() throws Exception {
        try (RawMqttClient first = RawSteps.connected(BROKER.port(), "ta-forget")) {
            RawSteps.publishQos1(first, 1, "ta/forget", "x".getBytes(), false,
                    PropertiesWriter.properties().twoByte(0x23, 1));
        }
        try (RawMqttClient second = RawSteps.connected(BROKER.port(), "ta-forget")) {
            second.send(aliased("", "y", 1));
            assertThat(awaitDisconnect(second).reasonCode()).isEqualTo(0x82);
        }
    }

    /** 3.3.2.3.4: outbound aliases start afresh on a new connection, so the topic is sent again. */
    @Test
    void sendsTheTopicAgainAfterReconnecting() throws Exception {
        Connect5Packet connect = Connect5Packet.v5("ta-again").cleanStart(false)
                .properties(PropertiesWriter.properties().fourByte(0x11, 60).twoByte(0x22, 5));
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "ta-again-pub")) {
            RawMqttClient first = Received5.connected(BROKER.port(), connect);
            RawSteps.subscribe(first, 1, "ta/again", 1);
            RawSteps.publishQos1(publisher, 1, "ta/again", "one");
            assertThat(RawSteps.receive(first).topic()).isEqualTo("ta/again");
            // DISCONNECT and wait for the close, so that the PUBACK is in before the session resumes.
            RawSteps.disconnect(first);
            try (RawMqttClient second = Received5.connected(BROKER.port(), connect)) {
                RawSteps.publishQos1(publisher, 2, "ta/again", "two");
                Received5.Publish5 publish = RawSteps.receive(second);
                assertThat(publish.text()).isEqualTo("two");
                assertThat(publish.topic()).isEqualTo("ta/again");
            }
        }
    }

    /** 3.2.2.3.8: with a broker Topic Alias Maximum of 0 every alias is invalid. */
    @Test
    void refusesAnyAliasWhenTheBrokerAllowsNone() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.topic-alias-maximum=0");
                RawMqttClient client = RawSteps.connected(broker.port(), "ta-none-allowed")) {
            client.send(aliased("ta/none", "x", 1));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x94);
        }
    }
}
