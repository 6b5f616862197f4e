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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A {@link SubscriptionIndex} at the size of the load generator's sub-table scenario: {@code clients}
 * (10,000) x {@code perClient} (100) subscriptions, by {@code j % 3} an exact filter
 * {@code st/c/j/e}, a {@code +} at the second level {@code st/+/c/pj} (one branch holding a third
 * of the table) or {@code st/c/j/h/#}. Measured, per operation: {@code churn}, one subscribe and
 * one unsubscribe of a {@code #} filter under a busy branch (what a churning client does);
 * {@code resubscribe}, a subscription's options replaced; {@code sameFilter}, a subscribe and
 * unsubscribe on a filter that {@code sameFilterClients} other clients hold; {@code matchHit} and
 * {@code matchMiss}, one topic matching one subscription or none.
 *
 * <p>{@link SubscriptionTableFillBenchmark} measures filling and emptying the whole table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class SubscriptionTableBenchmark {

    static final SubscriptionOptions QOS0 = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);
    static final SubscriptionOptions QOS1 = SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE);
    private static final int TOPICS = 4_096;

    @Param("10000")
    int clients;

    @Param("100")
    int perClient;

    @Param("10000")
    int sameFilterClients;

    private SubscriptionIndex index;
    private final TopicName[] hits = new TopicName[TOPICS];
    private final TopicName[] misses = new TopicName[TOPICS];
    private final TopicFilter[] churnFilters = new TopicFilter[TOPICS];
    private final TopicFilter[] existing = new TopicFilter[TOPICS];
    private final String[] existingClients = new String[TOPICS];
    private final TopicFilter shared = TopicFilter.parse("st/shared/#");
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        index = new SubscriptionIndex();
        for (int c = 0; c < clients; c++) {
            String clientId = "client-" + c;
            for (int j = 0; j < perClient; j++) {
                index.subscribe(clientId, filter(c, j), QOS0);
            }
        }
        for (int c = 0; c < sameFilterClients; c++) {
            index.subscribe("shared-" + c, shared, QOS0);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < TOPICS; i++) {
            int c = random.nextInt(clients);
            int j = random.nextInt(perClient);
            int salt = random.nextInt(1_000_000);
            hits[i] = new TopicName(switch (j % 3) {
                case 0 -> "st/" + c + "/" + j + "/e";
                case 1 -> "st/r" + salt + "/" + c + "/p" + j;
                default -> "st/" + c + "/" + j + "/h/r" + salt;
            });
            misses[i] = new TopicName(switch (salt % 3) {
                case 0 -> "st/" + c + "/" + j + "/n";
                case 1 -> "st/r" + salt + "/" + c + "/q" + j;
                default -> "st/" + (clients + c) + "/" + j + "/e";
            });
            churnFilters[i] = TopicFilter.parse("st/" + c + "/churn/#");
            existing[i] = filter(c, j);
            existingClients[i] = "client-" + c;
        }
    }

    static TopicFilter filter(int c, int j) {
        return TopicFilter.parse(switch (j % 3) {
            case 0 -> "st/" + c + "/" + j + "/e";
            case 1 -> "st/+/" + c + "/p" + j;
            default -> "st/" + c + "/" + j + "/h/#";
        });
    }

    @Benchmark
    public boolean churn() {
        TopicFilter filter = churnFilters[next++ & (TOPICS - 1)];
        index.subscribe("churner", filter, QOS0);
        return index.unsubscribe("churner", filter);
    }

    @Benchmark
    public int resubscribe() {
        int i = next++ & (TOPICS - 1);
        index.subscribe(existingClients[i], existing[i], (next & 1) == 0 ? QOS0 : QOS1);
        return next;
    }

    @Benchmark
    public boolean sameFilter() {
        index.subscribe("churner", shared, QOS0);
        return index.unsubscribe("churner", shared);
    }

    @Benchmark
    public void matchHit(Blackhole sink) {
        index.match(hits[next++ & (TOPICS - 1)], (clientId, filter, options) -> sink.consume(clientId));
    }

    @Benchmark
    public void matchMiss(Blackhole sink) {
        index.match(misses[next++ & (TOPICS - 1)], (clientId, filter, options) -> sink.consume(clientId));
    }
}
