package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wills across a restart [MQTT-3.1.2-8]: a will is published once, when its delay has passed or
 * its session ends, whichever comes first, and a broker that was down meanwhile neither loses it
 * nor publishes it twice.
 */
class RestartWillsTest {

    private final StoredBroker stored = new StoredBroker();

    @Test
    void aWillPublishedAfterItsDelayIsNotPublishedAgainAfterARestart() {
        EngineHarness before = stored.start();
        EngineHarness.Client watcher = watch(before);
        dyingClient(before, 3_600, 5).drop();
        before.loop.advance(5_000);
        List<MqttPacket> will = watcher.channel.takeSent();
        assertThat(bodies(will)).containsExactly("gone");
        watcher.send(Puback.of(((Publish) will.get(0)).packetId()));
        watcher.drop();

        EngineHarness after = stored.start(10_000);
        after.loop.advance(10_000);
        EngineHarness.Client again = after.client().connect("watcher", false, 0);

        List<MqttPacket> sent = again.channel.takeSent();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(bodies(sent)).isEmpty();
    }

    @Test
    void theWillOfASessionThatExpiredWhileTheBrokerWasDownIsPublishedAtRestart() {
        EngineHarness before = stored.start();
        watch(before).drop();
        // The will waits 60 s, but the session ends after 10 s and takes the will out with it.
        dyingClient(before, 10, 60).drop();

        EngineHarness after = stored.start(20_000);
        EngineHarness.Client again = after.client().connect("watcher", false, 0);

        assertThat(bodies(again.channel.takeSent())).containsExactly("gone");
        assertThat(stored.sessionStore.loadAll()).extracting(s -> s.clientId()).containsExactly("watcher");
    }

    @Test
    void aWillStillWaitingForItsDelayAtRestartIsPublishedWhenTheDelayEnds() {
        EngineHarness before = stored.start();
        watch(before).drop();
        dyingClient(before, 3_600, 30).drop();

        EngineHarness after = stored.start(10_000);
        EngineHarness.Client again = after.client().connect("watcher", false, 0);
        assertThat(bodies(again.channel.takeSent())).isEmpty();

        after.loop.advance(20_000);
        assertThat(bodies(again.channel.takeSent())).containsExactly("gone");
    }

    /** A persistent MQTT 3.1.1 session subscribed at QoS 1 to the will's topic. */
    private static EngineHarness.Client watch(EngineHarness broker) {
        EngineHarness.Client watcher = broker.client().connect("watcher", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("wills/dying", Qos.AT_LEAST_ONCE)),
                        Properties.EMPTY));
        watcher.channel.takeSent();
        return watcher;
    }

    /** An MQTT 5 client with a persistent session and a will delayed by {@code willDelaySeconds}. */
    private static EngineHarness.Client dyingClient(EngineHarness broker, long sessionExpirySeconds,
            long willDelaySeconds) {
        WillFields will = new WillFields("wills/dying", Payload.wrap("gone".getBytes(StandardCharsets.UTF_8)), Qos.AT_LEAST_ONCE,
                false, Properties.builder().integer(PropertyId.WILL_DELAY_INTERVAL, willDelaySeconds).build());
        Properties properties = Properties.builder()
                .integer(PropertyId.SESSION_EXPIRY_INTERVAL, sessionExpirySeconds).build();
        return broker.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, false, 0, "dying", will, null, null, properties));
    }

    private static List<String> bodies(List<MqttPacket> packets) {
        return packets.stream().filter(p -> p instanceof Publish)
                .map(p -> new String(((Publish) p).payload().toByteArray(), StandardCharsets.UTF_8)).toList();
    }
}
