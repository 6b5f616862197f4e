package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static dev.tern.e2e.raw.Received5.connect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.2.11.2 Session Expiry Interval, 4.1 Session State (MQTT 5)")
class SessionExpiryV5Test {

    /**
     * One event loop: the expiry timers of sessions that disconnected from it run on it in deadline
     * order, so a session seen to expire proves that sessions disconnected before it with the same
     * or a shorter interval have expired too (see {@link #expireASessionDisconnectedNow}).
     */
    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("listeners.tcp.io-threads=1");

    private static Received5.Reasoned resume(RawMqttClient client, String clientId, long expiry) throws Exception {
        return connect(client, Connect5Packet.v5(clientId).cleanStart(false).sessionExpiry(expiry));
    }

    /**
     * Waits until no session subscribes to {@code topic}: a QoS 1 PUBLISH to it then gets 0x10 (No
     * matching subscribers), which it does once the only subscriber's session has ended. Reconnecting
     * to see whether the session is still there would resume it and restart its expiry.
     */
    private static void awaitNoSubscriberTo(int port, String topic) throws Exception {
        try (RawMqttClient publisher = RawSteps.connected(port, topic.replace('/', '-') + "-probe")) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> RawSteps.publishQos1(publisher, 1, topic, "probe") == 0x10);
        }
    }

    /**
     * Disconnects a session with the shortest interval, 1 s, and waits until it has expired: by then
     * every session of {@link #BROKER} that disconnected earlier with an interval of 1 s or less has
     * expired too.
     */
    private static void expireASessionDisconnectedNow(String clientId) throws Exception {
        String topic = "exp/" + clientId;
        RawMqttClient control = Received5.connected(BROKER.port(), Connect5Packet.v5(clientId).sessionExpiry(1));
        RawSteps.subscribe(control, 1, topic, 1);
        RawSteps.disconnect(control);
        awaitNoSubscriberTo(BROKER.port(), topic);
    }

    @Test
    void endsASessionWithExpiryZeroAtDisconnect() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-zero").sessionExpiry(0));
        RawSteps.subscribe(first, 1, "exp/zero", 1);
        RawSteps.disconnect(first);

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-zero", 0).sessionPresent()).isFalse();
        }
    }

    @Test
    void keepsASessionWithAPositiveExpiryAndDeliversWhatWasQueued() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-keep").sessionExpiry(30));
        RawSteps.subscribe(first, 1, "exp/keep", 1);
        RawSteps.disconnect(first);
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "exp-keep-pub")) {
            RawSteps.publishQos1(publisher, 1, "exp/keep", "queued");
        }

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-keep", 30).sessionPresent()).isTrue();
            assertThat(RawSteps.receive(again).text()).isEqualTo("queued");
        }
    }

    /** [MQTT-4.1.0-2]: the session is discarded once the interval has passed. */
    @Test
    void discardsASessionOnceItsExpiryHasPassed() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-short").sessionExpiry(1));
        RawSteps.subscribe(first, 1, "exp/short", 1);
        RawSteps.disconnect(first);
        awaitNoSubscriberTo(BROKER.port(), "exp/short");

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-short", 1).sessionPresent()).isFalse();
        }
    }

    /** 3.2.2.3.2: the broker's maximum replaces a longer interval, and CONNACK says so. */
    @Test
    void announcesTheBrokerMaximumWhenItLowersTheRequestedExpiry() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-session-expiry=5");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("exp-max").sessionExpiry(100));
            assertThat(connack.properties().integer(0x11)).isEqualTo(5L);
        }
    }

    /** 3.14.2.2.2: DISCONNECT may replace the interval; here with 0, which ends the session. */
    @Test
    void disconnectCanShortenTheExpiryToZero() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-change").sessionExpiry(60));
        RawSteps.subscribe(first, 1, "exp/change", 1);
        first.send(Client5Packets.disconnect(0, PropertiesWriter.properties().fourByte(0x11, 0)));
        assertThat(first.awaitClosed(Duration.ofSeconds(3))).isTrue();
        first.close();

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-change", 0).sessionPresent()).isFalse();
        }
    }

    /** 3.14.2.2.2: a DISCONNECT may not set a non-zero interval when CONNECT had 0. */
    @Test
    void refusesADisconnectThatSetsAnExpiryAfterConnectHadNone() throws Exception {
        try (RawMqttClient client = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-bad"))) {
            client.send(Client5Packets.disconnect(0, PropertiesWriter.properties().fourByte(0x11, 60)));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }

    /** A session with expiry 0 ends with its connection: a new connection starts afresh, not a takeover. */
    @Test
    void endsRatherThanHandsOverASessionWithExpiryZeroWhenTheClientIdReconnects() throws Exception {
        try (RawMqttClient old = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-take"));
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "exp-take-pub")) {
            RawSteps.subscribe(old, 1, "exp/take", 1);
            try (RawMqttClient replacement = RawMqttClient.connect(BROKER.port())) {
                assertThat(resume(replacement, "exp-take", 60).sessionPresent()).isFalse();
                RawSteps.publishQos1(publisher, 1, "exp/take", "for the old subscription");
                assertThat(replacement.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
            }
        }
    }

    /** 3.2.2.3.2: the lowered interval is the one the broker applies. */
    @Test
    void discardsTheSessionAfterTheBrokersMaximumNotTheRequestedInterval() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-session-expiry=1")) {
            RawMqttClient first = Received5.connected(broker.port(),
                    Connect5Packet.v5("exp-capped").sessionExpiry(100));
            RawSteps.subscribe(first, 1, "exp/capped", 1);
            RawSteps.disconnect(first);
            awaitNoSubscriberTo(broker.port(), "exp/capped");
            try (RawMqttClient again = RawMqttClient.connect(broker.port())) {
                assertThat(resume(again, "exp-capped", 100).sessionPresent()).isFalse();
            }
        }
    }

    /** 3.1.4: a takeover of a session with a positive expiry keeps the session and its subscriptions. */
    @Test
    void keepsTheSessionAcrossATakeover() throws Exception {
        try (RawMqttClient old = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-keep-to").sessionExpiry(60));
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "exp-keep-to-pub")) {
            RawSteps.subscribe(old, 1, "exp/kept", 1);
            try (RawMqttClient replacement = RawMqttClient.connect(BROKER.port())) {
                assertThat(resume(replacement, "exp-keep-to", 60).sessionPresent()).isTrue();
                RawSteps.publishQos1(publisher, 1, "exp/kept", "still subscribed");
                assertThat(RawSteps.receive(replacement).text()).isEqualTo("still subscribed");
            }
        }
    }

    /** 3.14.2.2.2: a longer interval set by DISCONNECT is the one applied. */
    @Test
    void disconnectCanLengthenTheExpiry() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(), Connect5Packet.v5("exp-longer").sessionExpiry(1));
        RawSteps.subscribe(first, 1, "exp/longer", 1);
        first.send(Client5Packets.disconnect(0, PropertiesWriter.properties().fourByte(0x11, 60)));
        assertThat(first.awaitClosed(Duration.ofSeconds(3))).isTrue();
        first.close();
        expireASessionDisconnectedNow("exp-longer-control");

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-longer", 60).sessionPresent()).isTrue();
        }
    }

    /** 3.1.2.11.2: 0xFFFFFFFF means the session does not expire. */
    @Test
    void keepsASessionWithTheMaximumIntervalForever() throws Exception {
        RawMqttClient first = Received5.connected(BROKER.port(),
                Connect5Packet.v5("exp-forever").sessionExpiry(0xFFFFFFFFL));
        RawSteps.subscribe(first, 1, "exp/forever", 1);
        RawSteps.disconnect(first);
        expireASessionDisconnectedNow("exp-forever-control");

        try (RawMqttClient again = RawMqttClient.connect(BROKER.port())) {
            assertThat(resume(again, "exp-forever", 0xFFFFFFFFL).sessionPresent()).isTrue();
        }
    }
}
