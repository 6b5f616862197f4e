package dev.tern.benchmarks.jmh;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One QoS 0 PUBLISH through the whole engine to {@code subscribers} sessions subscribed to its
 * topic (the fan-out scenario of the load generator): decode, route, deliver, encode, write. The
 * subscribers' channels count the bytes and drop them, so the figure is the broker's work alone;
 * divide by {@code subscribers} for the cost per delivery. Every session lives on the one test
 * executor, so this is the case of subscribers on the publisher's event loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FanOutBenchmark {

    @Param({"100"})
    int subscribers;

    private EngineHarness.Client publisher;
    private final List<EngineHarness.Client> sessions = new ArrayList<>();
    private Payload payload;

    @Setup
    public void setUp() {
        EngineHarness harness = new EngineHarness();
        for (int i = 0; i < subscribers; i++) {
            EngineHarness.Client subscriber = harness.client();
            subscriber.channel.discarding();
            subscriber.connect("subscriber-" + i, true, 0);
            subscriber.send(new Subscribe(1, List.of(TopicSubscription.of("bench/+/value", Qos.AT_MOST_ONCE)),
                    Properties.EMPTY));
            sessions.add(subscriber);
        }
        publisher = harness.client();
        publisher.channel.discarding();
        publisher.connect("publisher", true, 0);
        payload = Payload.wrap(new byte[64]);
    }

    @Benchmark
    public long publishToAllSubscribers() {
        publisher.send(new Publish(false, Qos.AT_MOST_ONCE, false, "bench/7/value", 0, Properties.EMPTY, payload));
        return sessions.get(0).channel.discardedBytes();
    }
}
