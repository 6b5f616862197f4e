package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.BrokerEvent.MessagePublished;
import dev.tern.application.port.out.BrokerEvent.SessionExpired;
import dev.tern.application.port.out.BrokerEvent.Subscribed;
import dev.tern.application.port.out.BrokerEvent.Unsubscribed;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What PublishService, SubscribeService and SessionAttachService report to the event listeners. */
class PublishAndSubscribeEventsTest {

    private final EngineHarness broker = new EngineHarness();

    private static Publish publish(String topic, Qos qos, int packetId, boolean retain, String body) {
        return new Publish(false, qos, retain, topic, packetId, Properties.EMPTY, Payload.wrap(body.getBytes()));
    }

    private Instant now() {
        return Instant.ofEpochMilli(broker.clock.millis());
    }

    @Test
    void reportsEachPublishAcceptedForRoutingWithItsPublisherTopicQosRetainAndSize() {
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(publish("a/b", Qos.AT_LEAST_ONCE, 1, true, "hello"), publish("c", Qos.AT_MOST_ONCE, 0, false, ""));

        assertThat(broker.events.of(MessagePublished.class)).containsExactly(
                new MessagePublished(now(), "pub", "a/b", 1, true, 5),
                new MessagePublished(now(), "pub", "c", 0, false, 0));
    }

    @Test
    void reportsAQos2MessageOnceWhenItsPublishIsRepeatedBeforePubrel() {
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);

        pub.send(publish("t", Qos.EXACTLY_ONCE, 7, false, "x"), publish("t", Qos.EXACTLY_ONCE, 7, false, "x"));

        assertThat(broker.events.of(MessagePublished.class)).hasSize(1);
    }

    @Test
    void reportsAWillAsPublishedByItsOwner() {
        WillFields will = new WillFields("last/words", Payload.wrap("bye".getBytes()), Qos.AT_MOST_ONCE, false, Properties.EMPTY);
        EngineHarness.Client client = broker.client().send(new Connect(ProtocolVersion.MQTT_3_1_1, true, 0, "w",
                will, null, null, Properties.EMPTY));

        client.drop();

        assertThat(broker.events.of(MessagePublished.class))
                .containsExactly(new MessagePublished(now(), "w", "last/words", 0, false, 3));
    }

    @Test
    void reportsEachGrantedFilterAsSentButNotARefusedOne() {
        EngineHarness.Client client = broker.client().connect("s", true, 0);

        client.send(new Subscribe(1, List.of(TopicSubscription.of("a/#", Qos.AT_LEAST_ONCE),
                TopicSubscription.of("bad/#/filter", Qos.AT_MOST_ONCE),
                TopicSubscription.of("$share/g/c", Qos.EXACTLY_ONCE)), Properties.EMPTY));

        assertThat(broker.events.of(Subscribed.class)).containsExactly(
                new Subscribed(now(), "s", "a/#", 1), new Subscribed(now(), "s", "$share/g/c", 2));
    }

    @Test
    void reportsOnlyTheFiltersAnUnsubscribeRemoved() {
        EngineHarness.Client client = broker.client().connect("s", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("a", Qos.AT_MOST_ONCE)), Properties.EMPTY));

        client.send(new Unsubscribe(2, List.of("a", "never-subscribed"), Properties.EMPTY));

        assertThat(broker.events.of(Unsubscribed.class)).containsExactly(new Unsubscribed(now(), "s", "a"));
    }

    @Test
    void reportsASessionExpiredWhenItsIntervalPassesOffline() {
        broker.client(ProtocolVersion.MQTT_5).send(new Connect(ProtocolVersion.MQTT_5, false, 0, "e", null, null,
                null, Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 60).build())).drop();

        broker.loop.advance(59_000);
        assertThat(broker.events.of(SessionExpired.class)).isEmpty();
        broker.loop.advance(1_000);

        assertThat(broker.events.of(SessionExpired.class)).containsExactly(new SessionExpired(now(), "e"));
    }

    @Test
    void reportsNoExpiryForASessionThatEndsWithItsConnection() {
        broker.client().connect("c", true, 0).drop();

        broker.loop.advance(3_600_000);

        assertThat(broker.events.of(SessionExpired.class)).isEmpty();
    }
}
