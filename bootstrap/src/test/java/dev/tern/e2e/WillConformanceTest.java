package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.disconnect;
import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.2.5 Will Flag")
class WillConformanceTest {

    private static final Duration WILL_WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /** [MQTT-3.1.2-8]: the will is published when the network connection closes without DISCONNECT. */
    @Test
    void publishesWillWhenSocketClosesWithoutDisconnect() throws Exception {
        try (RawMqttClient watcher = watching("will/crash", 0)) {
            RawMqttClient dying = RawMqttClient.connected(broker.port(), withWill("crasher", "will/crash", 0, false));
            dying.close();

            ReceivedPublish will = watcher.readPacket(WILL_WAIT).publish();
            assertThat(will.topic()).isEqualTo("will/crash");
            assertThat(will.payload()).isEqualTo("crasher is gone");
        }
    }

    /** [MQTT-3.1.2-8], [MQTT-3.1.2-24]: a keep-alive timeout publishes the will. */
    @Test
    void publishesWillOnKeepAliveTimeout() throws Exception {
        try (RawMqttClient watcher = watching("will/silent", 0);
                RawMqttClient silent = RawMqttClient.connected(broker.port(),
                        withWill("silent", "will/silent", 0, false).keepAlive(1))) {

            assertThat(watcher.readPacket(WILL_WAIT).publish().payload()).isEqualTo("silent is gone");
            assertThat(silent.awaitClosed(Duration.ofSeconds(1))).isTrue();
        }
    }

    /** [MQTT-3.1.2-8]: a connection closed for a protocol violation publishes the will. */
    @Test
    void publishesWillWhenServerClosesForProtocolViolation() throws Exception {
        try (RawMqttClient watcher = watching("will/violator", 0);
                RawMqttClient violator = RawMqttClient.connected(broker.port(),
                        withWill("violator", "will/violator", 0, false))) {
            violator.send(ConnectPacket.v311("violator").toBytes());

            assertThat(watcher.readPacket(WILL_WAIT).publish().payload()).isEqualTo("violator is gone");
        }
    }

    /** [MQTT-3.1.4-2], [MQTT-3.1.2-8]: a session takeover ends the old connection abnormally: its will fires. */
    @Test
    void publishesWillOfConnectionClosedByTakeover() throws Exception {
        try (RawMqttClient watcher = watching("will/taken", 0);
                RawMqttClient old = RawMqttClient.connected(broker.port(), withWill("taken", "will/taken", 0, false));
                RawMqttClient successor = RawMqttClient.connected(broker.port(), "taken")) {

            assertThat(watcher.readPacket(WILL_WAIT).publish().payload()).isEqualTo("taken is gone");
            assertThat(old.awaitClosed(Duration.ofSeconds(1))).isTrue();
            successor.send(pingreq());
            assertThat(successor.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }

    /** [MQTT-3.1.2-10]: DISCONNECT discards the will. */
    @Test
    void doesNotPublishWillAfterDisconnect() throws Exception {
        try (RawMqttClient watcher = watching("will/polite", 0)) {
            try (RawMqttClient polite = RawMqttClient.connected(broker.port(), withWill("polite", "will/polite", 0, false))) {
                polite.send(disconnect());
                assertThat(polite.awaitClosed(Duration.ofSeconds(3))).isTrue();
            }

            assertThat(watcher.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    /** [MQTT-3.1.2-16], [MQTT-3.1.2-17]: will QoS is honoured, and a retained will is kept for later subscribers. */
    @Test
    void publishesWillWithItsQosAndRetainsItWhenAsked() throws Exception {
        try (RawMqttClient watcher = watching("will/retained", 2)) {
            RawMqttClient dying = RawMqttClient.connected(broker.port(), withWill("retainer", "will/retained", 1, true));
            dying.close();

            ReceivedPublish live = watcher.readPacket(WILL_WAIT).publish();
            assertThat(live.qos()).isEqualTo(1);
            assertThat(live.retain()).isFalse();
        }

        try (RawMqttClient later = RawMqttClient.connected(broker.port(), "later")) {
            later.send(subscribe(1, "will/retained", 2));
            later.readPacket().suback();

            ReceivedPublish stored = later.readPacket().publish();
            assertThat(stored.retain()).isTrue();
            assertThat(stored.qos()).isEqualTo(1);
            assertThat(stored.payload()).isEqualTo("retainer is gone");
        }
    }

    /** A will's topic follows PUBLISH topic rules; the broker keeps serving after one fires. */
    @Test
    void keepsServingOtherClientsAfterWillFires() throws Exception {
        try (RawMqttClient watcher = watching("will/#", 0)) {
            RawMqttClient.connected(broker.port(), withWill("first", "will/first", 0, false)).close();
            assertThat(watcher.readPacket(WILL_WAIT).publish().topic()).isEqualTo("will/first");

            try (RawMqttClient publisher = RawMqttClient.connected(broker.port(), "after-will")) {
                publisher.send(publish("will/normal", "still routing", 0, 0));
            }
            assertThat(watcher.readPacket().publish().payload()).isEqualTo("still routing");
        }
    }

    private RawMqttClient watching(String filter, int qos) throws IOException {
        RawMqttClient watcher = RawMqttClient.connected(broker.port(), "watcher-" + filter.replace('/', '-'));
        watcher.send(subscribe(1, filter, qos));
        watcher.readPacket().suback();
        return watcher;
    }

    private static ConnectPacket withWill(String clientId, String topic, int qos, boolean retain) {
        return ConnectPacket.v311(clientId).will(topic, clientId + " is gone", qos, retain);
    }
}
