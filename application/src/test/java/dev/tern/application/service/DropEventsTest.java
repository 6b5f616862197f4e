package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.BrokerEvent.MessageDropped;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DeliveryService reports every message it does not deliver, with the client and the reason. */
class DropEventsTest {

    private static Publish publish(String topic, Qos qos, int packetId, Properties properties, String body) {
        return new Publish(false, qos, false, topic, packetId, properties, Payload.wrap(body.getBytes()));
    }

    private static Subscribe subscribe(String filter, Qos qos) {
        return new Subscribe(1, List.of(TopicSubscription.of(filter, qos)), Properties.EMPTY);
    }

    private static Instant at(EngineHarness broker) {
        return Instant.ofEpochMilli(broker.clock.millis());
    }

    @Test
    void reportsTheMessageAFullQueueDropsForTheOfflineClient() {
        EngineHarness broker = new EngineHarness(
                new MqttSettings(10_000, MqttSettings.PROTOCOL_MAX_PACKET_SIZE, 32, 1, OverflowPolicy.DROP_OLDEST, false));
        broker.client().connect("sub", false, 0).send(subscribe("t/+", Qos.AT_LEAST_ONCE)).drop();
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, Properties.EMPTY, "a"),
                publish("t/2", Qos.AT_LEAST_ONCE, 2, Properties.EMPTY, "b"));

        assertThat(broker.events.of(MessageDropped.class))
                .containsExactly(new MessageDropped(at(broker), "sub", "t/1", EventReasons.QUEUE_FULL));
        assertThat(broker.counters.queueFullDrops()).isEqualTo(1);
    }

    @Test
    void reportsQos0ForAnOfflineClientThatDoesNotQueueIt() {
        EngineHarness broker = new EngineHarness();
        broker.client().connect("sub", false, 0).send(subscribe("t", Qos.AT_MOST_ONCE)).drop();

        broker.client().connect("pub", true, 0).send(publish("t", Qos.AT_MOST_ONCE, 0, Properties.EMPTY, "a"));

        assertThat(broker.events.of(MessageDropped.class))
                .containsExactly(new MessageDropped(at(broker), "sub", "t", EventReasons.OFFLINE_QOS0));
    }

    @Test
    void reportsAMessageTooLargeForTheClientsMaximumPacketSize() {
        EngineHarness broker = new EngineHarness(MqttSettings.defaults(), Mqtt5Settings.defaults(),
                EnhancedAuthenticators.NONE);
        broker.client(ProtocolVersion.MQTT_5).send(new Connect(ProtocolVersion.MQTT_5, true, 0, "small", null, null,
                null, Properties.builder().integer(PropertyId.MAXIMUM_PACKET_SIZE, 32).build()))
                .send(subscribe("t", Qos.AT_MOST_ONCE));

        broker.client().connect("pub", true, 0)
                .send(publish("t", Qos.AT_MOST_ONCE, 0, Properties.EMPTY, "x".repeat(100)));

        assertThat(broker.events.of(MessageDropped.class))
                .containsExactly(new MessageDropped(at(broker), "small", "t", EventReasons.TOO_LARGE));
    }

    @Test
    void reportsAQueuedMessageThatExpiredBeforeItsClientCameBack() {
        EngineHarness broker = new EngineHarness();
        broker.client().connect("sub", false, 0).send(subscribe("t", Qos.AT_LEAST_ONCE)).drop();
        broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0).send(publish("t", Qos.AT_LEAST_ONCE, 1,
                Properties.builder().integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, 1).build(), "a"));
        broker.loop.advance(2_000);
        assertThat(broker.events.of(MessageDropped.class)).isEmpty();

        broker.client().connect("sub", false, 0);

        assertThat(broker.events.of(MessageDropped.class))
                .containsExactly(new MessageDropped(at(broker), "sub", "t", EventReasons.EXPIRED));
    }
}
