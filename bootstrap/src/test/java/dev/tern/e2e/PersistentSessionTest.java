package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.disconnect;
import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.puback;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedConnack;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("4.1 Storing state, 3.2.2 Session Present")
class PersistentSessionTest {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /**
     * [MQTT-3.2.2-2], [MQTT-4.1.0-1]: a clean-session-0 subscriber that was offline gets session
     * present 1 and the QoS 1 messages published meanwhile, in order.
     */
    @Test
    void deliversMessagesQueuedWhileOfflineOnReconnect() throws Exception {
        subscribePersistently("offline-sub", "offline/t", 1);
        publishQos1("offline/t", "m1", "m2", "m3");

        try (RawMqttClient subscriber = RawMqttClient.connect(BROKER.port())) {
            subscriber.send(persistent("offline-sub").toBytes());
            assertThat(subscriber.readPacket().connack()).isEqualTo(new ReceivedConnack(true, 0));

            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ReceivedPublish message = subscriber.readPacket().publish();
                assertThat(message.qos()).isEqualTo(1);
                payloads.add(message.payload());
                subscriber.send(puback(message.packetId()));
            }
            assertThat(payloads).containsExactly("m1", "m2", "m3");
        }
    }

    /** [MQTT-3.2.2-3]: a clean-session-0 client with no stored session gets session present 0. */
    @Test
    void reportsNoSessionPresentForFirstPersistentConnect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(persistent("brand-new").toBytes());

            assertThat(client.readPacket().connack()).isEqualTo(new ReceivedConnack(false, 0));
        }
    }

    /**
     * [MQTT-3.1.2-6], [MQTT-3.2.2-1]: clean session 1 discards the old session: session present 0
     * and its subscriptions are gone.
     */
    @Test
    void cleanSessionDiscardsPreviousSubscriptions() throws Exception {
        subscribePersistently("cleaned", "cleaned/t", 1);

        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("cleaned").cleanSession(true).toBytes());
            assertThat(client.readPacket().connack()).isEqualTo(new ReceivedConnack(false, 0));

            publishQos1("cleaned/t", "not for you");
            assertThat(client.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /**
     * Section 3.1.2.4: QoS 0 messages for an offline session may be stored; this broker does not by
     * default ({@code mqtt.queue-qos0-for-offline=false}).
     */
    @Test
    void doesNotQueueQos0MessagesForOfflineSessionByDefault() throws Exception {
        subscribePersistently("qos0-offline", "qos0off/t", 0);
        try (RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "qos0-offline-pub")) {
            publisher.send(publish("qos0off/t", "lost", 0, 0));
            publisher.send(pingreq());
            assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }

        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("qos0-offline"))) {
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /** [MQTT-3.1.4-2], [MQTT-3.1.2-4]: a takeover with clean session 0 keeps the session's subscriptions. */
    @Test
    void keepsSubscriptionsWhenPersistentSessionIsTakenOver() throws Exception {
        try (RawMqttClient first = RawMqttClient.connected(BROKER.port(), persistent("taken-over"))) {
            first.send(subscribe(1, "takeover/t", 1));
            first.readPacket().suback();

            try (RawMqttClient second = RawMqttClient.connect(BROKER.port())) {
                second.send(persistent("taken-over").toBytes());
                assertThat(second.readPacket().connack()).isEqualTo(new ReceivedConnack(true, 0));
                assertThat(first.awaitClosed(Duration.ofSeconds(3))).isTrue();

                publishQos1("takeover/t", "to the successor");
                ReceivedPublish message = second.readPacket().publish();
                assertThat(message.payload()).isEqualTo("to the successor");
                second.send(puback(message.packetId()));
            }
        }
    }

    /**
     * [MQTT-3.1.2-6]: a clean-session-1 session lasts only as long as its connection; a later
     * clean-session-0 connect finds no session.
     */
    @Test
    void cleanSessionIsNotKeptAfterDisconnect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), ConnectPacket.v311("ephemeral"))) {
            client.send(subscribe(1, "ephemeral/t", 1));
            client.readPacket().suback();
            client.send(disconnect());
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }

        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(persistent("ephemeral").toBytes());
            assertThat(client.readPacket().connack()).isEqualTo(new ReceivedConnack(false, 0));
            publishQos1("ephemeral/t", "nobody listens");
            assertThat(client.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    private static ConnectPacket persistent(String clientId) {
        return ConnectPacket.v311(clientId).cleanSession(false);
    }

    /** Connects with clean session 0, subscribes, and disconnects cleanly, leaving the session behind. */
    private static void subscribePersistently(String clientId, String filter, int qos) throws IOException {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), persistent(clientId))) {
            client.send(subscribe(1, filter, qos));
            assertThat(client.readPacket().suback().returnCodes()).containsExactly(qos);
            client.send(disconnect());
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** Publishes at QoS 1 and waits for each PUBACK, so the broker holds every message on return. */
    private static void publishQos1(String topic, String... payloads) throws IOException {
        try (RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "pub-" + topic.replace('/', '-'))) {
            int packetId = 1;
            for (String payload : payloads) {
                publisher.send(publish(topic, payload, 1, packetId));
                ReceivedPacket ack = publisher.readPacket();
                assertThat(ack.type()).isEqualTo(PacketType.PUBACK);
                assertThat(ack.packetId()).isEqualTo(packetId++);
            }
        }
    }
}
