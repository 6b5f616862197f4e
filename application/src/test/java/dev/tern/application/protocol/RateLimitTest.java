package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.protocol.limit.OverLimit;
import dev.tern.application.protocol.limit.RateLimit;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import dev.tern.application.protocol.limit.RateLimitRule;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.storage.NoRecorder;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-client inbound rate limits in the engine, with a clock moved by hand. */
class RateLimitTest {

    private static Publish publish(Qos qos, int packetId, int payloadBytes) {
        return new Publish(false, qos, false, "t", packetId, Properties.EMPTY, Payload.wrap(new byte[payloadBytes]));
    }

    private static RateLimitPolicy policy(long messages, long bytes, OverLimit overLimit, String... rules) {
        return new RateLimitPolicy(new RateLimit(messages, bytes),
                List.of(rules).stream().map(RateLimitRule::parse).toList(), overLimit);
    }

    private static EngineHarness.Client subscriber(EngineHarness broker) {
        EngineHarness.Client sub = broker.client().connect("sub", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_MOST_ONCE)), Properties.EMPTY));
        sub.channel.takeSent();
        return sub;
    }

    @Test
    void inPauseModeAClientOverItsMessageRateIsNotReadFromUntilItsBucketRefills() {
        EngineHarness broker = new EngineHarness(policy(2, 0, OverLimit.PAUSE));
        EngineHarness.Client sub = subscriber(broker);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));
        assertThat(pub.channel.readingPaused()).isFalse();
        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));

        assertThat(pub.channel.readingPaused()).isTrue();
        // nothing is lost: what was read is routed; the debt of two messages takes a second at 2/s
        assertThat(sub.channel.takeSent()).hasSize(4);
        broker.loop.advance(900);
        assertThat(pub.channel.readingPaused()).isTrue();
        broker.loop.advance(200);
        assertThat(pub.channel.readingPaused()).isFalse();
        assertThat(pub.channel.pauses()).isEqualTo(1);
    }

    @Test
    void inPauseModeTheByteRateCountsPayloadBytes() {
        EngineHarness broker = new EngineHarness(policy(0, 1000, OverLimit.PAUSE));
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1000));
        assertThat(pub.channel.readingPaused()).isFalse();
        pub.send(publish(Qos.AT_MOST_ONCE, 0, 500));
        assertThat(pub.channel.readingPaused()).isTrue();
        broker.loop.advance(501);
        assertThat(pub.channel.readingPaused()).isFalse();
    }

    @Test
    void inRefuseModeMqtt5QosOneAndTwoOverTheLimitGetQuotaExceededAndQosZeroIsDropped() {
        EngineHarness broker = new EngineHarness(policy(1, 0, OverLimit.REFUSE));
        EngineHarness.Client sub = subscriber(broker);
        EngineHarness.Client pub = broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0);
        pub.channel.takeSent();

        pub.send(publish(Qos.AT_LEAST_ONCE, 1, 1), publish(Qos.AT_LEAST_ONCE, 2, 1), publish(Qos.EXACTLY_ONCE, 3, 1),
                publish(Qos.AT_MOST_ONCE, 0, 1));

        assertThat(pub.channel.takeSent()).containsExactly(
                new Puback(1, ReasonCode.SUCCESS, Properties.EMPTY),
                new Puback(2, ReasonCode.QUOTA_EXCEEDED, Properties.EMPTY),
                new Pubrec(3, ReasonCode.QUOTA_EXCEEDED, Properties.EMPTY));
        assertThat(sub.channel.takeSent()).hasSize(1);
        assertThat(pub.channel.readingPaused()).isFalse();
        assertThat(broker.events.all()).filteredOn(BrokerEvent.MessageDropped.class::isInstance)
                .extracting(event -> ((BrokerEvent.MessageDropped) event).reason())
                .containsExactly(EventReasons.RATE_LIMITED, EventReasons.RATE_LIMITED, EventReasons.RATE_LIMITED);

        broker.loop.advance(1000);
        pub.send(publish(Qos.AT_LEAST_ONCE, 4, 1));
        assertThat(pub.channel.takeSent()).containsExactly(new Puback(4, ReasonCode.SUCCESS, Properties.EMPTY));
    }

    @Test
    void inRefuseModeAnMqtt311ClientOverTheLimitWithQosOneIsDisconnected() {
        EngineHarness broker = new EngineHarness(policy(1, 0, OverLimit.REFUSE));
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.channel.takeSent();

        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));
        assertThat(pub.channel.isClosed()).isFalse();
        pub.send(publish(Qos.AT_LEAST_ONCE, 1, 1));

        assertThat(pub.channel.takeSent()).isEmpty();
        assertThat(pub.channel.isClosed()).isTrue();
    }

    @Test
    void aQos2RetransmissionAwaitingPubrelIsAnsweredAgainWithoutCostingATokenOrBeingRefused() {
        EngineHarness broker = new EngineHarness(policy(1, 0, OverLimit.REFUSE));
        EngineHarness.Client pub = broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0);
        pub.channel.takeSent();

        pub.send(publish(Qos.EXACTLY_ONCE, 7, 1));
        pub.send(new Publish(true, Qos.EXACTLY_ONCE, false, "t", 7, Properties.EMPTY, Payload.wrap(new byte[1])));

        // the first is routed (to nobody), the duplicate only answered, as without a limit
        assertThat(pub.channel.takeSent()).extracting(packet -> ((Pubrec) packet).reasonCode())
                .containsExactly(ReasonCode.NO_MATCHING_SUBSCRIBERS, ReasonCode.SUCCESS);
    }

    @Test
    void anMqtt5ClientOverTheReceiveMaximumIsStillDisconnectedWith0x93NotRefusedWith0x97() {
        EngineHarness broker = new EngineHarness(MqttSettings.defaults(),
                new Mqtt5Settings(1, 64, 0, 0xFFFF_FFFFL, true, false, null, null, false), EnhancedAuthenticators.NONE,
                NoRecorder.INSTANCE, policy(1, 0, OverLimit.REFUSE));
        EngineHarness.Client pub = broker.client(ProtocolVersion.MQTT_5).connect("pub", true, 0);
        pub.channel.takeSent();

        pub.send(publish(Qos.EXACTLY_ONCE, 1, 1), publish(Qos.EXACTLY_ONCE, 2, 1));

        assertThat(pub.channel.takeSent()).containsExactly(
                new Pubrec(1, ReasonCode.NO_MATCHING_SUBSCRIBERS, Properties.EMPTY),
                new Disconnect(ReasonCode.RECEIVE_MAXIMUM_EXCEEDED, Properties.builder()
                        .string(PropertyId.REASON_STRING, "refused PUBLISH on 't'").build()));
        assertThat(pub.channel.isClosed()).isTrue();
    }

    @Test
    void rulesChosenAtConnectExemptOrLimitClientsByClientIdAndUserName() {
        EngineHarness broker = new EngineHarness(policy(0, 0, OverLimit.PAUSE, "client:bulk-*=0/0",
                "client:meter-*=1/0"));
        EngineHarness.Client bulk = broker.client().connect("bulk-1", true, 0);
        EngineHarness.Client meter = broker.client().connect("meter-1", true, 0);
        EngineHarness.Client other = broker.client().connect("other", true, 0);

        for (EngineHarness.Client client : List.of(bulk, meter, other)) {
            client.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));
        }

        assertThat(bulk.channel.pauses()).isZero();
        assertThat(meter.channel.pauses()).isEqualTo(1);
        assertThat(other.channel.pauses()).isZero();
    }

    @Test
    void whileTheBrokerDoesNotReadAClientItsSilenceDoesNotCountAgainstItsKeepAlive() {
        EngineHarness broker = new EngineHarness(policy(1, 0, OverLimit.PAUSE));
        EngineHarness.Client pub = broker.client().connect("pub", true, 1);
        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1),
                publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));
        assertThat(pub.channel.readingPaused()).isTrue();

        // four messages of debt at 1/s: paused for 4 s, far beyond 1.5 x the keep alive of 1 s
        broker.loop.advance(4_001);
        assertThat(pub.channel.readingPaused()).isFalse();
        assertThat(pub.channel.isClosed()).isFalse();

        // from the resume on, silence counts again [MQTT-3.1.2-24]
        broker.loop.advance(1_400);
        assertThat(pub.channel.isClosed()).isFalse();
        broker.loop.advance(200);
        assertThat(pub.channel.isClosed()).isTrue();
    }

    @Test
    void aClosedConnectionForgetsItsResumeTimer() {
        EngineHarness broker = new EngineHarness(policy(1, 0, OverLimit.PAUSE));
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.send(publish(Qos.AT_MOST_ONCE, 0, 1), publish(Qos.AT_MOST_ONCE, 0, 1));
        assertThat(pub.channel.readingPaused()).isTrue();

        pub.drop();
        broker.loop.advance(2000);

        assertThat(pub.channel.readingPaused()).isTrue();
    }
}
