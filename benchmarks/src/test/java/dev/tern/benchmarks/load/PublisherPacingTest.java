package dev.tern.benchmarks.load;

import static dev.tern.benchmarks.load.Mqtt5FramesTest.countOutbound;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * QoS 0 pacing: a publisher asks whether the receivers keep up every 64 small messages, but
 * before every large one, so that large payloads cannot run a burst of 64 past the bound. At a
 * fixed rate it keeps how late each message went out against its due time.
 */
class PublisherPacingTest {

    @Test
    void smallMessagesGoOutSixtyFourBetweenTwoAsks() {
        assertThat(sentWhileCreditAllowsOnlyTheFirstAsk(64)).isEqualTo(64);
    }

    @Test
    void largeMessagesAskBeforeEachOne() {
        assertThat(sentWhileCreditAllowsOnlyTheFirstAsk(LargePayloads.KIB_64)).isEqualTo(1);
    }

    @Test
    void fixedRatePublisherRecordsHowLateEachMessageAfterTheWarmUpWentOut() {
        PublishTemplate[] templates = {MqttFrames.publish(MqttVersion.V3_1_1, "t", 0, 16)};
        Publisher publisher = new Publisher(0, templates, 0, 10, 64, () -> true, 1_000, new Progress())
                .lateFrom(5);
        LoadClient client = new LoadClient("p", MqttVersion.V3_1_1, publisher);
        EmbeddedChannel channel = connected311(client);

        // Message i is due i ms after a start 50 ms ago: all ten go out in one burst, at least 41
        // ms late; the five recorded (5 to 9) were due 4 ms apart, so their lateness differs by 4 ms
        // less the time the burst took between the two writes.
        publisher.start(client, System.nanoTime() - 50_000_000L);
        channel.runPendingTasks();

        assertThat(countOutbound(channel)).isEqualTo(10);
        LatencyHistogram lateness = publisher.sendLateness();
        assertThat(lateness.count()).isEqualTo(5);
        long least = lateness.percentile(0.001);
        long most = lateness.percentile(1.0);
        // Bucket lower bounds sit up to 1/1024 below the value recorded (about 45 µs here).
        assertThat(least).isGreaterThanOrEqualTo(40_950L);
        assertThat(most - least).isBetween(3_000L, 4_100L);
    }

    private static int sentWhileCreditAllowsOnlyTheFirstAsk(int payload) {
        AtomicInteger asks = new AtomicInteger();
        PublishTemplate[] templates = {MqttFrames.publish(MqttVersion.V3_1_1, "t", 0, payload)};
        Publisher publisher = new Publisher(0, templates, 0, 200, 64, () -> asks.getAndIncrement() == 0, 0,
                new Progress());
        LoadClient client = new LoadClient("p", MqttVersion.V3_1_1, publisher);
        EmbeddedChannel channel = connected311(client);

        publisher.start(client, System.nanoTime());
        channel.runPendingTasks();

        return countOutbound(channel);
    }

    private static EmbeddedChannel connected311(LoadClient client) {
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(client, MqttVersion.V3_1_1));
        client.start(channel, MqttFrames.connect(MqttVersion.V3_1_1, client.clientId(), true, 0));
        countOutbound(channel);
        channel.writeInbound(Mqtt5FramesTest.frame(0x20, 0, 0));
        return channel;
    }
}
