package dev.tern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Not a benchmark: proves that many publishers into one wildcard subscriber lose nothing, and
 * prints the rate as a baseline to compare later runs against (it varies with the machine).
 */
@DisplayName("Load baseline: 16 publishers to 1 wildcard subscriber")
class LoadBaselineTest {

    private static final int PUBLISHERS = 16;
    private static final int PER_PUBLISHER = 2_000;
    private static final int TOTAL = PUBLISHERS * PER_PUBLISHER;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.max-queued-messages=100000");

    /**
     * Every message arrives: at QoS 1 by the protocol's guarantee, at QoS 0 because loopback and
     * a subscriber that keeps up leave the broker no reason to drop.
     */
    @ParameterizedTest(name = "QoS {0}")
    @EnumSource(value = MqttQos.class, names = {"AT_MOST_ONCE", "AT_LEAST_ONCE"})
    void deliversEveryMessageFromManyPublishers(MqttQos qos) throws Exception {
        BitSet seen = new BitSet(TOTAL);
        int[] duplicates = {0};
        Object lock = new Object();
        Mqtt3AsyncClient subscriber = HiveClients.async(BROKER.port(), "load-sub-" + qos);
        subscriber.connect().join();
        subscriber.subscribeWith().topicFilter("load/#").qos(qos).callback(message -> {
            int id = ByteBuffer.wrap(message.getPayloadAsBytes()).getInt();
            synchronized (lock) {
                if (seen.get(id)) {
                    duplicates[0]++;
                }
                seen.set(id);
            }
        }).send().join();

        List<Mqtt3AsyncClient> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            Mqtt3AsyncClient publisher = HiveClients.async(BROKER.port(), "load-pub-" + qos + "-" + p);
            publisher.connect().join();
            publishers.add(publisher);
        }
        long start = System.nanoTime();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            Mqtt3AsyncClient publisher = publishers.get(p);
            for (int i = 0; i < PER_PUBLISHER; i++) {
                int id = p * PER_PUBLISHER + i;
                sent.add(publisher.publishWith().topic("load/" + p).qos(qos)
                        .payload(ByteBuffer.allocate(4).putInt(0, id)).send());
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int received;
        while ((received = cardinality(seen, lock)) < TOTAL && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("LOAD BASELINE %s: %d publishers x %d messages -> 1 subscriber: %d received in %.2f s = %.0f msgs/s%n",
                qos, PUBLISHERS, PER_PUBLISHER, received, seconds, received / seconds);

        try {
            assertThat(received).as("distinct messages received").isEqualTo(TOTAL);
            if (qos == MqttQos.AT_MOST_ONCE) {
                assertThat(duplicates[0]).as("QoS 0 duplicates").isZero();
            }
        } finally {
            for (Mqtt3AsyncClient publisher : publishers) {
                publisher.disconnect().join();
            }
            subscriber.disconnect().join();
        }
    }

    private static int cardinality(BitSet seen, Object lock) {
        synchronized (lock) {
            return seen.cardinality();
        }
    }
}
