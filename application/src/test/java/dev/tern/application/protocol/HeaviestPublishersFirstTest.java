package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.overload.PublisherThrottle;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overload protection's choice of whom to stop reading from, over the engine's real connections. */
class HeaviestPublishersFirstTest {

    private final EngineHarness broker = new EngineHarness(RateLimitPolicy.NONE);
    private final PublisherThrottle throttle = broker.publisherThrottle();

    private static Publish publish(int payloadBytes) {
        return new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, Properties.EMPTY, Payload.wrap(new byte[payloadBytes]));
    }

    @Test
    void pausesTheHeaviestHalfOfThePublishersOfTheLastIntervalFirstAndNeverASubscriber() {
        EngineHarness.Client subscriber = broker.client().connect("sub", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_MOST_ONCE)), Properties.EMPTY));
        EngineHarness.Client heavy = broker.client().connect("heavy", true, 0);
        EngineHarness.Client middle = broker.client().connect("middle", true, 0);
        EngineHarness.Client small = broker.client().connect("small", true, 0);
        throttle.sample();

        heavy.send(publish(10_000));
        middle.send(publish(5_000));
        small.send(publish(1_000));
        throttle.sample();
        assertThat(throttle.pauseHeaviest()).isEqualTo(2);
        broker.loop.runPending();

        assertThat(heavy.channel.readingPaused()).isTrue();
        assertThat(middle.channel.readingPaused()).isTrue();
        assertThat(small.channel.readingPaused()).isFalse();
        assertThat(subscriber.channel.readingPaused()).isFalse();
        assertThat(throttle.paused()).isEqualTo(2);

        small.send(publish(1_000));
        throttle.sample();
        assertThat(throttle.pauseHeaviest()).isEqualTo(1);
        broker.loop.runPending();
        assertThat(small.channel.readingPaused()).isTrue();
        assertThat(subscriber.channel.readingPaused()).isFalse();

        assertThat(throttle.resumeAll()).isEqualTo(3);
        broker.loop.runPending();
        assertThat(List.of(heavy, middle, small)).allSatisfy(client ->
                assertThat(client.channel.readingPaused()).isFalse());
        assertThat(throttle.paused()).isZero();
    }

    @Test
    void aClientThatStartsPublishingLateIsWeighedOnWhatItSentSinceTheLastCheck() {
        EngineHarness.Client late = broker.client().connect("late", true, 0);
        EngineHarness.Client steady = broker.client().connect("steady", true, 0);
        steady.send(publish(4_000));
        throttle.sample();
        throttle.sample();

        late.send(publish(3_000));
        steady.send(publish(1_000));
        throttle.sample();
        assertThat(throttle.pauseHeaviest()).isEqualTo(1);
        broker.loop.runPending();

        assertThat(late.channel.readingPaused()).isTrue();
        assertThat(steady.channel.readingPaused()).isFalse();
    }

    @Test
    void aLightPublisherKeepsBeingReadWhileTheHeavyOneIsPausedUntilLightOnesAreAskedFor() {
        EngineHarness.Client flooder = broker.client().connect("flooder", true, 0);
        EngineHarness.Client bystander = broker.client().connect("bystander", true, 0);
        throttle.sample();
        flooder.send(publish(100_000));
        bystander.send(publish(100));
        throttle.sample();

        assertThat(throttle.pauseHeaviest()).isEqualTo(1);
        broker.loop.runPending();
        assertThat(flooder.channel.readingPaused()).isTrue();
        assertThat(bystander.channel.readingPaused()).isFalse();

        // with the flooder paused the bystander's bytes are all there are: still light, measured
        // against the heaviest interval since the pauses began
        bystander.send(publish(100));
        throttle.sample();
        assertThat(throttle.pauseHeaviest()).isZero();
        broker.loop.runPending();
        assertThat(bystander.channel.readingPaused()).isFalse();

        assertThat(throttle.pauseLight()).isEqualTo(1);
        broker.loop.runPending();
        assertThat(bystander.channel.readingPaused()).isTrue();
    }

    @Test
    void anIdleIntervalPausesNobody() {
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.send(publish(100));
        throttle.sample();
        throttle.sample();

        assertThat(throttle.pauseHeaviest()).isZero();
    }

    @Test
    void aClosedConnectionIsForgotten() {
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        throttle.sample();
        pub.send(publish(100));
        throttle.sample();
        throttle.pauseHeaviest();
        broker.loop.runPending();

        pub.drop();
        throttle.sample();

        assertThat(throttle.paused()).isZero();
        assertThat(throttle.resumeAll()).isZero();
    }
}
