package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.pubrel;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.3.1.3 RETAIN")
class RetainedMessageTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /**
     * [MQTT-3.3.1-5], [MQTT-3.3.1-6], [MQTT-3.3.1-8]: a retained message is stored and sent to a
     * new subscriber with retain 1, at the lower of its QoS and the granted QoS.
     */
    @Test
    void deliversRetainedMessageOnSubscribeWithRetainFlagAtMinimumQos() throws Exception {
        publishRetained("status/door", "open", 2);

        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "late")) {
            subscriber.send(subscribe(1, "status/+", 1));
            subscriber.readPacket().suback();

            ReceivedPublish retained = subscriber.readPacket().publish();
            assertThat(retained.retain()).isTrue();
            assertThat(retained.qos()).isEqualTo(1);
            assertThat(retained.topic()).isEqualTo("status/door");
            assertThat(retained.payload()).isEqualTo("open");
        }
    }

    /** [MQTT-3.3.1-7]: a newer retained message replaces the older one on the same topic. */
    @Test
    void keepsOnlyTheLatestRetainedMessagePerTopic() throws Exception {
        publishRetained("status/lamp", "off", 0);
        publishRetained("status/lamp", "on", 0);

        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "latest")) {
            subscriber.send(subscribe(1, "status/lamp", 0));
            subscriber.readPacket().suback();

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("on");
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /**
     * [MQTT-3.3.1-10], [MQTT-3.3.1-11]: a retained PUBLISH with an empty payload removes the
     * retained message and is not itself stored.
     */
    @Test
    void emptyRetainedPayloadDeletesTheRetainedMessage() throws Exception {
        publishRetained("status/fan", "spinning", 1);
        publishRetained("status/fan", "", 1);

        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "after-delete")) {
            subscriber.send(subscribe(1, "status/fan", 1));
            subscriber.readPacket().suback();

            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /** [MQTT-3.3.1-9]: a retained message forwarded to an existing subscriber carries retain 0. */
    @Test
    void forwardsRetainedPublishToExistingSubscriberWithRetainClear() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "existing")) {
            subscriber.send(subscribe(1, "status/tv", 0));
            subscriber.readPacket().suback();

            publishRetained("status/tv", "on air", 0);

            ReceivedPublish live = subscriber.readPacket().publish();
            assertThat(live.payload()).isEqualTo("on air");
            assertThat(live.retain()).isFalse();
        }
    }

    /** [MQTT-3.3.1-12]: a non-retained PUBLISH neither stores nor replaces a retained message. */
    @Test
    void nonRetainedPublishLeavesRetainedMessageInPlace() throws Exception {
        publishRetained("status/heater", "kept", 0);
        try (RawMqttClient publisher = RawMqttClient.connected(broker.port(), "plain-pub")) {
            publisher.send(publish("status/heater", "transient", 1, 1));
            assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
        }

        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "sees-kept")) {
            subscriber.send(subscribe(1, "status/heater", 0));
            subscriber.readPacket().suback();

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("kept");
        }
    }

    /** Publishes with retain 1 and waits for the flow to complete, so the broker has stored it. */
    private void publishRetained(String topic, String payload, int qos) throws IOException {
        try (RawMqttClient publisher = RawMqttClient.connected(broker.port(), "retainer")) {
            publisher.send(publish(topic, payload, qos, 1, false, true));
            if (qos == 1) {
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
            } else if (qos == 2) {
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBREC);
                publisher.send(pubrel(1));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBCOMP);
            } else {
                publisher.send(pingreq());
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PINGRESP);
            }
        }
    }
}
