package dev.tern.benchmarks.jmh;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.storage.NoRecorder;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
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
 * The retained lookup a SUBSCRIBE makes, in a store shaped like the retained-many scenario's:
 * {@code retained} (100,000) messages on {@code rm/gG/tI}, topic I in group {@code I % groups} (50).
 * {@code groupWildcard} looks up {@code rm/gG/#} (2,000 matches), {@code groupPlus} {@code rm/gG/+},
 * {@code exactMiss} a filter of the sub-table scenario that matches nothing (what each of its
 * 1,000,000 subscribes pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RetainedMatchBenchmark {

    @Param("100000")
    int retained;

    @Param("50")
    int groups;

    private RetainedMessages store;
    private final TopicFilter[] hash = new TopicFilter[64];
    private final TopicFilter[] plus = new TopicFilter[64];
    private final TopicFilter miss = TopicFilter.parse("st/42/7/h/#");
    private int next;

    @Setup
    public void setUp() {
        store = new RetainedMessages(NoRecorder.INSTANCE, LimitsSettings.defaults(), new LimitCounters(),
                Clock.systemUTC());
        byte[] payload = new byte[64];
        for (int i = 0; i < retained; i++) {
            store.restore(ApplicationMessage.of("rm/g" + (i % groups) + "/t" + i, payload, Qos.AT_LEAST_ONCE, true));
        }
        for (int i = 0; i < hash.length; i++) {
            hash[i] = TopicFilter.parse("rm/g" + (i % groups) + "/#");
            plus[i] = TopicFilter.parse("rm/g" + (i % groups) + "/+");
        }
    }

    @Benchmark
    public List<ApplicationMessage> groupWildcard() {
        return store.matching(hash[next++ & 63], 0);
    }

    @Benchmark
    public List<ApplicationMessage> groupPlus() {
        return store.matching(plus[next++ & 63], 0);
    }

    @Benchmark
    public List<ApplicationMessage> exactMiss() {
        return store.matching(miss, 0);
    }
}
