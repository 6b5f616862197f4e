package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.3.2.2 Will Delay Interval (MQTT 5)")
class WillDelayV5Test {

    private static final Duration WILL_DELAY = Duration.ofSeconds(1);
    /** How long past its due time a will that should not come is still looked for. */
    private static final Duration LATE_WILL_MARGIN = Duration.ofMillis(500);

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

    /** Drops the connection without DISCONNECT and returns once the broker has closed it, so has seen it go. */
    private static void dropAndAwaitClose(RawMqttClient client) throws IOException {
        client.stopSending();
        assertThat(client.awaitClosed(Duration.ofSeconds(3))).as("broker closed the dropped connection").isTrue();
        client.close();
    }

    /**
     * Lets the time at which a will (wrongly) kept would be published pass, then checks that a
     * message published afterwards is the next one the watcher gets: no will came before it, and
     * the watcher was listening all along.
     */
    private void assertNoWillBy(long willDueNanos, RawMqttClient watcher, String topic) throws Exception {
        Duration untilLate = Duration.ofNanos(willDueNanos - System.nanoTime()).plus(LATE_WILL_MARGIN);
        if (untilLate.toMillis() > 0) { // a socket timeout of 0 would wait forever
            assertThat(watcher.receivesNothingWithin(untilLate)).isTrue();
        }
        try (RawMqttClient publisher = RawSteps.connected(broker.port(), "marker")) {
            RawSteps.publishQos1(publisher, 1, topic, "marker");
        }
        assertThat(RawSteps.receive(watcher).text()).isEqualTo("marker");
    }

    /** 3.1.3.2.2: the will waits for its delay. */
    @Test
    void publishesTheWillOnlyAfterItsDelay() throws Exception {
        try (RawMqttClient watcher = watcher("will/delayed")) {
            RawMqttClient client = withWill("wd-late", "will/delayed", WILL_DELAY.toSeconds(), 60);
            long closedAt = System.nanoTime();
            client.close();
            assertThat(Received5.publish(watcher.readPacket(Duration.ofSeconds(3))).text()).isEqualTo("gone");
            assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isGreaterThanOrEqualTo(WILL_DELAY);
        }
    }

    /** [MQTT-3.1.3-9]: a new connection for the session within the delay cancels the will. */
    @Test
    void publishesNoWillWhenTheClientReconnectsInTime() throws Exception {
        try (RawMqttClient watcher = watcher("will/cancelled")) {
            // The broker sees the connection go before the client is back: a resume, not a takeover.
            dropAndAwaitClose(withWill("wd-back", "will/cancelled", WILL_DELAY.toSeconds(), 60));
            long willDue = System.nanoTime() + WILL_DELAY.toNanos();
            try (RawMqttClient back = Received5.connected(broker.port(),
                    Connect5Packet.v5("wd-back").cleanStart(false).sessionExpiry(60))) {
                assertNoWillBy(willDue, watcher, "will/cancelled");
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
            assertNoWillBy(System.nanoTime(), watcher, "will/normal");
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
                RawMqttClient old = withWill("wd-takeover-2", "will/takeover-delayed", WILL_DELAY.toSeconds(), 60);
                RawMqttClient replacement = Received5.connected(broker.port(),
                        Connect5Packet.v5("wd-takeover-2").cleanStart(false).sessionExpiry(60))) {
            assertNoWillBy(System.nanoTime() + WILL_DELAY.toNanos(), watcher, "will/takeover-delayed");
        }
    }
}
