package dev.tern.benchmarks.jmh;

import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching in a {@link SubscriptionIndex} of 100,000 subscriptions over a
 * {@code site/building/device/metric} tree: 70 % exact filters, 20 % with {@code +} at some level,
 * 10 % ending in {@code #}. Topics are drawn from the same tree, so most match a few filters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TopicMatchBenchmark {

    private static final int SUBSCRIPTIONS = 100_000;
    private static final int TOPICS = 4_096;
    private static final String[] METRICS = {"temperature", "humidity", "power", "status", "door"};

    private final SubscriptionIndex index = new SubscriptionIndex();
    private final TopicName[] topics = new TopicName[TOPICS];
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        SubscriptionOptions options = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String[] levels = levels(random);
            int kind = random.nextInt(10);
            if (kind < 2) {
                levels[random.nextInt(levels.length)] = "+";
            }
            String filter = String.join("/", levels);
            if (kind == 2) {
                filter = filter.substring(0, filter.lastIndexOf('/')) + "/#";
            }
            index.subscribe("client-" + i, TopicFilter.parse(filter), options);
        }
        for (int i = 0; i < TOPICS; i++) {
            topics[i] = new TopicName(String.join("/", levels(random)));
        }
    }

    private static String[] levels(SplittableRandom random) {
        return new String[] {"site-" + random.nextInt(20), "building-" + random.nextInt(25),
                "device-" + random.nextInt(200), METRICS[random.nextInt(METRICS.length)]};
    }

    @Benchmark
    public void match(Blackhole sink) {
        TopicName topic = topics[next++ & (TOPICS - 1)];
        index.match(topic, (clientId, filter, options) -> sink.consume(clientId));
    }
}
