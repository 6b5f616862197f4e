package dev.tern.benchmarks.jmh;

import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Filling an empty {@link SubscriptionIndex} with the sub-table scenario's {@code clients} x
 * {@code perClient} subscriptions filter by filter ({@code subscribeAll}) or one client's filters
 * in one change, as the broker applies one SUBSCRIBE packet ({@code subscribeByPacket}), and
 * emptying a full one filter by filter ({@code unsubscribeAll}); the filters are those of
 * {@link SubscriptionTableBenchmark}. One operation is the whole table: divide by the subscription
 * count for one subscribe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class SubscriptionTableFillBenchmark {

    @Param("10000")
    int clients;

    @Param("100")
    int perClient;

    private TopicFilter[][] filters;
    private List<List<Subscription>> packets;
    private String[] clientIds;
    private SubscriptionIndex empty;
    private SubscriptionIndex full;

    @Setup(Level.Trial)
    public void parse() {
        filters = new TopicFilter[clients][perClient];
        clientIds = new String[clients];
        for (int c = 0; c < clients; c++) {
            clientIds[c] = "client-" + c;
            for (int j = 0; j < perClient; j++) {
                filters[c][j] = SubscriptionTableBenchmark.filter(c, j);
            }
        }
        packets = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            List<Subscription> packet = new ArrayList<>(perClient);
            for (int j = 0; j < perClient; j++) {
                packet.add(new Subscription(clientIds[c], filters[c][j], SubscriptionTableBenchmark.QOS0));
            }
            packets.add(packet);
        }
    }

    @Setup(Level.Iteration)
    public void fresh() {
        empty = new SubscriptionIndex();
        full = new SubscriptionIndex();
        fill(full);
    }

    @Benchmark
    public int subscribeAll() {
        fill(empty);
        return empty.size();
    }

    @Benchmark
    public int subscribeByPacket() {
        for (List<Subscription> packet : packets) {
            empty.subscribeAll(packet);
        }
        return empty.size();
    }

    @Benchmark
    public int unsubscribeAll() {
        for (int c = 0; c < clients; c++) {
            for (int j = 0; j < perClient; j++) {
                full.unsubscribe(clientIds[c], filters[c][j]);
            }
        }
        return full.size();
    }

    private void fill(SubscriptionIndex index) {
        for (int c = 0; c < clients; c++) {
            for (int j = 0; j < perClient; j++) {
                index.subscribe(clientIds[c], filters[c][j], SubscriptionTableBenchmark.QOS0);
            }
        }
    }
}
