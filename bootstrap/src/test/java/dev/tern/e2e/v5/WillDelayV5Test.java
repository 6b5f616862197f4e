package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.3.2.2 Will Delay Interval (MQTT 5)")
class WillDelayV5Test {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    private RawMqttClient watcher(String topic) throws Exception {
        RawMqttClient watcher = RawSteps.connected(broker.port(), "watcher");
        RawSteps.subscribe(watcher, 1, topic, 1);
        return watcher;
    }

    private RawMqttClient withWill(String clientId, String topic, long willDelay, long sessionExpiry) throws Exception {
        return Received5.connected(broker.port(), Connect5Packet.v5(clientId).sessionExpiry(sessionExpiry)
                .will(topic, "gone", 1, PropertiesWriter.properties().fourByte(0x18, willDelay)));
    }

    /** 3.1.3.2.2: the will waits for its delay. */
    @Test
    void publishesTheWillOnlyAfterItsDelay() throws Exception {
        try (RawMqttClient watcher = watcher("will/delayed")) {
            withWill("wd-late", "will/delayed", 1, 60).close();
            assertThat(watcher.receivesNothingWithin(Duration.ofMillis(600))).isTrue();
            assertThat(Received5.publish(watcher.readPacket(Duration.ofSeconds(3))).text()).isEqualTo("gone");
        }
    }

    /** [MQTT-3.1.3-9]: a new connection for the session within the delay cancels the will. */
    @Test
    void publishesNoWillWhenTheClientReconnectsInTime() throws Exception {
        try (RawMqttClient watcher = watcher("will/cancelled")) {
            withWill("wd-back", "will/cancelled", 2, 60).close();
            Thread.sleep(300);
            try (RawMqttClient back = Received5.connected(broker.port(),
                    Connect5Packet.v5("wd-back").cleanStart(false).sessionExpiry(60))) {
                assertThat(watcher.receivesNothingWithin(Duration.ofMillis(2_500))).isTrue();
            }
        }
    }

    /** 3.1.3.2.2: the will goes when the session ends, even before the delay has passed. */
    @Test
    void publishesTheWillWhenTheSessionEndsBeforeTheDelay() throws Exception {
        try (RawMqttClient watcher = watcher("will/session")) {
            withWill("wd-session", "will/session", 30, 1).close();
            assertThat(Received5.publish(watcher.readPacket(Duration.ofSeconds(4))).text()).isEqualTo("gone");
        }
    }

    /** 3.14.2.1: DISCONNECT with 0x04 (Disconnect with Will Message) publishes the will. */
    @Test
    void publishesTheWillOnDisconnectWithWillMessage() throws Exception {
        try (RawMqttClient watcher = watcher("will/asked")) {
            RawMqttClient client = withWill("wd-asked", "will/asked", 0, 0);
            client.send(Client5Packets.disconnect(0x04));
            assertThat(Received5.publish(watcher.readPacket(Duration.ofSeconds(3))).text()).isEqualTo("gone");
            client.close();
        }
    }

    /** [MQTT-3.1.2-10]: a normal DISCONNECT discards the will. */
    @Test
    void publishesNoWillOnANormalDisconnect() throws Exception {
        try (RawMqttClient watcher = watcher("will/normal")) {
            RawSteps.disconnect(withWill("wd-normal", "will/normal", 0, 0));
            assertThat(watcher.receivesNothingWithin(Duration.ofMillis(800))).isTrue();
        }
    }

    /** 3.1.2.5: a will without delay is published when the session is taken over. */
    @Test
    void publishesAWillWithoutDelayOnTakeover() throws Exception {
        try (RawMqttClient watcher = watcher("will/takeover");
                RawMqttClient old = withWill("wd-takeover", "will/takeover", 0, 60);
                RawMqttClient replacement = Received5.connected(broker.port(),
                        Connect5Packet.v5("wd-takeover").cleanStart(false).sessionExpiry(60))) {
            assertThat(Received5.publish(watcher.readPacket(Duration.ofSeconds(3))).text()).isEqualTo("gone");
        }
    }

    /** [MQTT-3.1.3-9]: a takeover is a new connection to the session within the delay: no will. */
    @Test
    void publishesNoDelayedWillOnTakeover() throws Exception {
        try (RawMqttClient watcher = watcher("will/takeover-delayed");
                RawMqttClient old = withWill("wd-takeover-2", "will/takeover-delayed", 1, 60);
                RawMqttClient replacement = Received5.connected(broker.port(),
                        Connect5Packet.v5("wd-takeover-2").cleanStart(false).sessionExpiry(60))) {
            assertThat(watcher.receivesNothingWithin(Duration.ofMillis(2_000))).isTrue();
        }
    }
}
