package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.application.testing.ManualClock;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.3.2.3 PUBLISH Properties (MQTT 5)")
class PublishPropertiesV5Test {

    /** Message expiry is read off the broker's clock when a message goes out, so tests move it instead of waiting. */
    static final ManualClock CLOCK = new ManualClock(System.currentTimeMillis());

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.validate-payload-format=true").withClock(CLOCK);

    /** [MQTT-3.3.2-5]: an expired message is not delivered; [MQTT-3.3.2-6]: the forwarded interval is reduced. */
    @Test
    void dropsExpiredMessagesAndForwardsTheRemainingInterval() throws Exception {
        RawMqttClient away = Received5.connected(BROKER.port(), Connect5Packet.v5("mx-away").sessionExpiry(60));
        RawSteps.subscribe(away, 1, "mx/t", 1);
        RawSteps.disconnect(away);
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "mx-pub")) {
            RawSteps.publishQos1(publisher, 1, "mx/t", "short".getBytes(), false,
                    PropertiesWriter.properties().fourByte(0x02, 1));
            RawSteps.publishQos1(publisher, 2, "mx/t", "long".getBytes(), false,
                    PropertiesWriter.properties().fourByte(0x02, 100));
        }
        CLOCK.advance(2_000);

        try (RawMqttClient back = Received5.connected(BROKER.port(),
                Connect5Packet.v5("mx-away").cleanStart(false).sessionExpiry(60))) {
            Received5.Publish5 first = RawSteps.receive(back);
            // The queue keeps publish order: had the short message gone out, it would have come first.
            assertThat(first.text()).isEqualTo("long");
            assertThat(first.properties().integer(0x02)).isEqualTo(98L);
        }
    }

    /** [MQTT-3.3.2-4], [MQTT-3.3.2-20]: Payload Format Indicator and Content Type reach subscribers unaltered. */
    @Test
    void forwardsPayloadFormatIndicatorAndContentTypeUnchanged() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "pf-sub");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "pf-pub")) {
            RawSteps.subscribe(subscriber, 1, "pf/t", 1);
            RawSteps.publishQos1(publisher, 1, "pf/t", "{}".getBytes(), false, PropertiesWriter.properties()
                    .byteProperty(0x01, 1).utf8(0x03, "application/json"));

            Received5.Publish5 publish = RawSteps.receive(subscriber);
            assertThat(publish.properties().integer(0x01)).isEqualTo(1L);
            assertThat(publish.properties().string(0x03)).isEqualTo("application/json");
        }
    }

    /** 3.3.2.3.2 with validation on: a payload marked UTF-8 that is not gets 0x99 Payload format invalid. */
    @Test
    void refusesANonUtf8PayloadMarkedUtf8WithPayloadFormatInvalid() throws Exception {
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "pf-bad")) {
            int reason = RawSteps.publishQos1(publisher, 1, "pf/bad", new byte[] {(byte) 0xC3, (byte) 0x28}, false,
                    PropertiesWriter.properties().byteProperty(0x01, 1));
            assertThat(reason).isEqualTo(0x99);
        }
    }

    /** 4.10: Response Topic and Correlation Data let a responder answer a requester. */
    @Test
    void carriesResponseTopicAndCorrelationDataThroughARequestResponseRoundTrip() throws Exception {
        BlockingQueue<Mqtt5Publish> responses = Hive5.queue();
        Mqtt5AsyncClient requester = Hive5.subscriber(BROKER.port(), "rr-req", "rr/responses/req",
                MqttQos.AT_LEAST_ONCE, responses);
        Mqtt5AsyncClient responder = Hive5.connected(BROKER.port(), "rr-resp");
        try {
            responder.subscribeWith().topicFilter("rr/requests").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(request -> responder.publishWith()
                            .topic(request.getResponseTopic().orElseThrow())
                            .correlationData(request.getCorrelationData().orElseThrow())
                            .payload(("answer to " + Hive5.text(request)).getBytes(StandardCharsets.UTF_8))
                            .qos(MqttQos.AT_LEAST_ONCE).send())
                    .send().orTimeout(5, TimeUnit.SECONDS).join();

            requester.publishWith().topic("rr/requests").responseTopic("rr/responses/req")
                    .correlationData("id-42".getBytes(StandardCharsets.UTF_8)).payload("question".getBytes())
                    .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(5, TimeUnit.SECONDS).join();

            Mqtt5Publish response = responses.poll(5, TimeUnit.SECONDS);
            assertThat(response).isNotNull();
            assertThat(Hive5.text(response)).isEqualTo("answer to question");
            byte[] correlation = new byte[response.getCorrelationData().orElseThrow().remaining()];
            response.getCorrelationData().orElseThrow().get(correlation);
            assertThat(new String(correlation, StandardCharsets.UTF_8)).isEqualTo("id-42");
        } finally {
            Hive5.disconnect(requester);
            Hive5.disconnect(responder);
        }
    }

    /** [MQTT-3.3.2-17], [MQTT-3.3.2-18]: User Properties are forwarded, in order, repeats included. */
    @Test
    void forwardsUserPropertiesInOrder() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "up-sub");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "up-pub")) {
            RawSteps.subscribe(subscriber, 1, "up/t", 1);
            RawSteps.publishQos1(publisher, 1, "up/t", "p".getBytes(), false, PropertiesWriter.properties()
                    .userProperty("b", "1").userProperty("a", "2").userProperty("b", "3"));

            List<Object> pairs = RawSteps.receive(subscriber).properties().all(0x26);
            assertThat(pairs).extracting(p -> String.join("=", (String[]) p)).containsExactly("b=1", "a=2", "b=3");
        }
    }

    /** [MQTT-3.3.4-3]: a message matching two subscriptions carries both Subscription Identifiers. */
    @Test
    void deliversTheIdentifiersOfEveryMatchingSubscription() throws Exception {
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "sid-sub");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "sid-pub")) {
            RawSteps.subscribe(subscriber, 1, "sid/+", 1, PropertiesWriter.properties().varInt(0x0B, 7));
            RawSteps.subscribe(subscriber, 2, "sid/#", 1, PropertiesWriter.properties().varInt(0x0B, 300));
            RawSteps.publishQos1(publisher, 1, "sid/x", "both");

            List<Object> ids = RawSteps.receiveUntilQuiet(subscriber, Duration.ofMillis(500)).stream()
                    .flatMap(p -> p.properties().all(0x0B).stream()).toList();
            assertThat(ids).containsExactlyInAnyOrder(7L, 300L);
        }
    }

    /** 3.3.2.3.3: an expired retained message is not sent to a new subscriber. */
    @Test
    void doesNotSendAnExpiredRetainedMessage() throws Exception {
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "mx-ret-pub")) {
            RawSteps.publishQos1(publisher, 1, "mx/retained", "soon gone".getBytes(), true,
                    PropertiesWriter.properties().fourByte(0x02, 1));
        }
        CLOCK.advance(2_000);
        try (RawMqttClient subscriber = RawSteps.connected(BROKER.port(), "mx-ret-sub")) {
            RawSteps.subscribe(subscriber, 1, "mx/retained", 1);
            // A bounded wait for an absence: the retained message would go out right after SUBACK.
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }

    /** 3.1.2.11.7: with Request Problem Information 0, a PUBACK carries no Reason String. */
    @Test
    void sendsNoReasonStringOnPubackWhenProblemInformationIsNotWanted() throws Exception {
        try (RawMqttClient publisher = Received5.connected(BROKER.port(), Connect5Packet.v5("pf-quiet")
                .properties(PropertiesWriter.properties().byteProperty(0x17, 0)))) {
            publisher.send(Client5Packets.publish("pf/quiet", new byte[] {(byte) 0xFF}, 1, 1, false,
                    PropertiesWriter.properties().byteProperty(0x01, 1)));
            Received5.Reasoned puback = Received5.ack(publisher.readPacket(), PacketType.PUBACK);
            assertThat(puback.reasonCode()).isEqualTo(0x99);
            assertThat(puback.properties().has(0x1F)).isFalse();
        }
    }

    /** 3.1.3.2.4: a will's Message Expiry Interval is forwarded with it. */
    @Test
    void forwardsTheWillsMessageExpiryInterval() throws Exception {
        try (RawMqttClient watcher = RawSteps.connected(BROKER.port(), "mx-will-watch")) {
            RawSteps.subscribe(watcher, 1, "mx/will", 1);
            Received5.connected(BROKER.port(), Connect5Packet.v5("mx-will")
                    .will("mx/will", "bye", 1, PropertiesWriter.properties().fourByte(0x02, 50))).close();
            Long interval = RawSteps.receive(watcher).properties().integer(0x02);
            assertThat(interval).isBetween(48L, 50L);
        }
    }

    /** 3.3.2.3.3: the largest Message Expiry Interval does not overflow into an expired message. */
    @Test
    void deliversAQueuedMessageWithTheLargestExpiryInterval() throws Exception {
        RawMqttClient away = Received5.connected(BROKER.port(), Connect5Packet.v5("mx-huge").sessionExpiry(60));
        RawSteps.subscribe(away, 1, "mx/huge", 1);
        RawSteps.disconnect(away);
        try (RawMqttClient publisher = RawSteps.connected(BROKER.port(), "mx-huge-pub")) {
            RawSteps.publishQos1(publisher, 1, "mx/huge", "lasting".getBytes(), false,
                    PropertiesWriter.properties().fourByte(0x02, 0xFFFFFFFFL));
        }
        try (RawMqttClient back = Received5.connected(BROKER.port(),
                Connect5Packet.v5("mx-huge").cleanStart(false).sessionExpiry(60))) {
            Received5.Publish5 publish = RawSteps.receive(back);
            assertThat(publish.text()).isEqualTo("lasting");
            assertThat(publish.properties().integer(0x02)).isGreaterThan(0xFFFFFFFFL - 5);
        }
    }
}
