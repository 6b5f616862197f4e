package dev.tern.application.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.BrokerEvent.MessageDropped;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-session byte bounds and the delivery rate through the whole engine. */
class SessionLimitsEngineTest {

    /** "t" plus nine payload bytes: ten bytes as the byte bounds count them. */
    private static Publish tenBytes(Qos qos, int packetId, String body) {
        return new Publish(false, qos, false, "t", packetId, Properties.EMPTY, Payload.wrap(body.getBytes()));
    }

    private static Subscribe subscribe(Qos qos) {
        return new Subscribe(1, List.of(TopicSubscription.of("t", qos)), Properties.EMPTY);
    }

    private static List<String> bodies(List<MqttPacket> sent) {
        return sent.stream().filter(Publish.class::isInstance).map(p -> new String(((Publish) p).payload().toByteArray()))
                .toList();
    }

    @Test
    void theQueuedBytesBoundDropsLikeTheMessageCountBound() {
        EngineHarness broker = new EngineHarness(TestLimits.sessionBytes(25, Long.MAX_VALUE));
        broker.client().connect("sub", false, 0).send(subscribe(Qos.AT_LEAST_ONCE)).drop();
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        publisher.send(tenBytes(Qos.AT_LEAST_ONCE, 1, "aaaaaaaaa"), tenBytes(Qos.AT_LEAST_ONCE, 2, "bbbbbbbbb"),
                tenBytes(Qos.AT_LEAST_ONCE, 3, "ccccccccc"));

        assertThat(broker.counters.queueFullDrops()).isEqualTo(1);
        assertThat(broker.limitCounters.count(LimitCounters.Limit.QUEUED_BYTES)).isEqualTo(1);
        EngineHarness.Client back = broker.client().connect("sub", false, 0);
        assertThat(bodies(back.channel.takeSent())).containsExactly("bbbbbbbbb", "ccccccccc");
    }

    @Test
    void theInflightBytesBoundHoldsMessagesUntilAnAcknowledgementFreesRoom() {
        EngineHarness broker = new EngineHarness(TestLimits.sessionBytes(Long.MAX_VALUE, 15));
        EngineHarness.Client subscriber = broker.client().connect("sub", false, 0).send(subscribe(Qos.AT_LEAST_ONCE));
        subscriber.channel.takeSent();
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        publisher.send(tenBytes(Qos.AT_LEAST_ONCE, 1, "aaaaaaaaa"), tenBytes(Qos.AT_LEAST_ONCE, 2, "bbbbbbbbb"));
        List<MqttPacket> first = subscriber.channel.takeSent();
        assertThat(bodies(first)).containsExactly("aaaaaaaaa");
        assertThat(broker.limitCounters.count(LimitCounters.Limit.INFLIGHT_BYTES)).isEqualTo(1);

        subscriber.send(Puback.of(((Publish) first.get(0)).packetId()));

        assertThat(bodies(subscriber.channel.takeSent())).containsExactly("bbbbbbbbb");
        assertThat(broker.counters.totalDrops()).isZero();
    }

    @Test
    void aCleanSessionLosesWhatGoesAboveTheDeliveryRate() {
        EngineHarness broker = new EngineHarness(TestLimits.deliveryRate(1, 1));
        EngineHarness.Client subscriber = broker.client().connect("sub", true, 0).send(subscribe(Qos.AT_MOST_ONCE));
        subscriber.channel.takeSent();
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        publisher.send(tenBytes(Qos.AT_MOST_ONCE, 0, "one"), tenBytes(Qos.AT_MOST_ONCE, 0, "two"));
        broker.loop.advance(1_000);
        publisher.send(tenBytes(Qos.AT_MOST_ONCE, 0, "three"));

        assertThat(bodies(subscriber.channel.takeSent())).containsExactly("one", "three");
        assertThat(broker.counters.rateLimitedDrops()).isEqualTo(1);
        assertThat(broker.events.of(MessageDropped.class)).extracting(MessageDropped::reason)
                .containsExactly(EventReasons.DELIVERY_RATE_LIMITED);
    }

    @Test
    void aPersistentSessionKeepsWhatGoesAboveTheDeliveryRateQueuedAndGetsItLater() {
        EngineHarness broker = new EngineHarness(TestLimits.deliveryRate(1, 1));
        EngineHarness.Client subscriber = broker.client().connect("sub", false, 0).send(subscribe(Qos.AT_LEAST_ONCE));
        subscriber.channel.takeSent();
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        publisher.send(tenBytes(Qos.AT_LEAST_ONCE, 1, "one"), tenBytes(Qos.AT_LEAST_ONCE, 2, "two"),
                tenBytes(Qos.AT_LEAST_ONCE, 3, "three"));
        assertThat(bodies(subscriber.channel.takeSent())).containsExactly("one");

        broker.loop.advance(1_000);
        assertThat(bodies(subscriber.channel.takeSent())).containsExactly("two");
        broker.loop.advance(1_000);
        assertThat(bodies(subscriber.channel.takeSent())).containsExactly("three");
        assertThat(broker.counters.totalDrops()).isZero();
    }
}
