package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.disconnect;
import static dev.tern.e2e.raw.ClientPackets.puback;
import static dev.tern.e2e.raw.ClientPackets.pubcomp;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.pubrec;
import static dev.tern.e2e.raw.ClientPackets.pubrel;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
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

@DisplayName("4.4 Message delivery retry")
class RedeliveryOnReconnectTest {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /**
     * [MQTT-4.4.0-1], [MQTT-3.3.1-1]: a QoS 1 PUBLISH the client never acknowledged is sent again
     * on reconnect with clean session 0, with the same packet id and the DUP flag set.
     */
    @Test
    void resendsUnacknowledgedQos1PublishWithDupOnReconnect() throws Exception {
        subscribePersistently("unacked", "unacked/t", 1);
        ReceivedPublish first;
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("unacked"))) {
            publishQos1("unacked/t", "ack me");
            first = subscriber.readPacket().publish();
            assertThat(first.dup()).isFalse();
        }

        try (RawMqttClient subscriber = RawMqttClient.connect(BROKER.port())) {
            subscriber.send(persistent("unacked").toBytes());
            assertThat(subscriber.readPacket().connack().sessionPresent()).isTrue();

            ReceivedPublish again = subscriber.readPacket().publish();
            assertThat(again.dup()).isTrue();
            assertThat(again.packetId()).isEqualTo(first.packetId());
            assertThat(again.payload()).isEqualTo("ack me");
            subscriber.send(puback(again.packetId()));
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /** [MQTT-4.4.0-1]: a PUBREL not yet completed with PUBCOMP is sent again on reconnect. */
    @Test
    void resendsPubrelOnReconnectWhenPubcompWasMissing() throws Exception {
        subscribePersistently("no-pubcomp", "nopubcomp/t", 2);
        int packetId;
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("no-pubcomp"))) {
            try (RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "no-pubcomp-pub")) {
                publisher.send(publish("nopubcomp/t", "exactly once", 2, 1));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBREC);
                publisher.send(pubrel(1));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBCOMP);
            }
            packetId = subscriber.readPacket().publish().packetId();
            subscriber.send(pubrec(packetId));
            ReceivedPacket pubrel = subscriber.readPacket();
            assertThat(pubrel.type()).isEqualTo(PacketType.PUBREL);
            assertThat(pubrel.packetId()).isEqualTo(packetId);
        }

        try (RawMqttClient subscriber = RawMqttClient.connect(BROKER.port())) {
            subscriber.send(persistent("no-pubcomp").toBytes());
            assertThat(subscriber.readPacket().connack().sessionPresent()).isTrue();

            ReceivedPacket again = subscriber.readPacket();
            assertThat(again.type()).isEqualTo(PacketType.PUBREL);
            assertThat(again.packetId()).isEqualTo(packetId);
            subscriber.send(pubcomp(packetId));
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /**
     * [MQTT-4.4.0-1], [MQTT-4.6.0-1], [MQTT-4.6.0-6]: unacknowledged messages are resent in their original order,
     * followed by those queued while offline.
     */
    @Test
    void keepsOrderAcrossInflightAndQueuedMessagesOnReconnect() throws Exception {
        subscribePersistently("order-resume", "order/resume", 1);
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("order-resume"))) {
            publishQos1("order/resume", "a", "b", "c");
            for (int i = 0; i < 3; i++) {
                subscriber.readPacket().publish();
            }
        }
        publishQos1("order/resume", "d", "e");

        try (RawMqttClient subscriber = RawMqttClient.connect(BROKER.port())) {
            subscriber.send(persistent("order-resume").toBytes());
            subscriber.readPacket().connack();
            List<String> payloads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ReceivedPublish message = subscriber.readPacket().publish();
                payloads.add(message.payload());
                subscriber.send(puback(message.packetId()));
            }
            assertThat(payloads).containsExactly("a", "b", "c", "d", "e");
        }
    }

    /** [MQTT-4.4.0-1], [MQTT-3.3.1-1]: an unacknowledged QoS 2 PUBLISH is resent with DUP on reconnect. */
    @Test
    void resendsUnacknowledgedQos2PublishWithDupOnReconnect() throws Exception {
        subscribePersistently("unrec", "unrec/t", 2);
        ReceivedPublish first;
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("unrec"))) {
            try (RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "unrec-pub")) {
                publisher.send(publish("unrec/t", "twice?", 2, 1));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBREC);
                publisher.send(pubrel(1));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBCOMP);
            }
            first = subscriber.readPacket().publish();
            assertThat(first.qos()).isEqualTo(2);
        }

        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), persistent("unrec"))) {
            ReceivedPublish again = subscriber.readPacket().publish();
            assertThat(again.dup()).isTrue();
            assertThat(again.qos()).isEqualTo(2);
            assertThat(again.packetId()).isEqualTo(first.packetId());
            subscriber.send(pubrec(again.packetId()));
            assertThat(subscriber.readPacket().type()).isEqualTo(PacketType.PUBREL);
            subscriber.send(pubcomp(again.packetId()));
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
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
