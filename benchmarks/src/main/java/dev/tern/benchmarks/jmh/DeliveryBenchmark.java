package dev.tern.benchmarks.jmh;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One PUBLISH through the whole engine to one subscribed session, on the {@link EngineHarness}:
 * decode, route, deliver, encode, and (at QoS 1) both PUBACKs. The harness's recording channel
 * decodes what the broker sends, so the figure includes one client-side decode per packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DeliveryBenchmark {

    @Param({"0", "1"})
    int qos;

    private EngineHarness.Client publisher;
    private EngineHarness.Client subscriber;
    private Payload payload;
    private int packetId;

    @Setup
    public void setUp() {
        EngineHarness harness = new EngineHarness();
        subscriber = harness.client().connect("subscriber", true, 0);
        subscriber.send(new Subscribe(1, List.of(TopicSubscription.of("bench/+/value", Qos.of(qos))), Properties.EMPTY));
        publisher = harness.client().connect("publisher", true, 0);
        subscriber.channel.takeSent();
        publisher.channel.takeSent();
        payload = Payload.wrap(new byte[64]);
    }

    @Benchmark
    public void publishToOneSubscriber(Blackhole sink) {
        packetId = packetId % 65_535 + 1;
        Qos level = Qos.of(qos);
        publisher.send(new Publish(false, level, false, "bench/7/value", qos == 0 ? 0 : packetId, Properties.EMPTY, payload));
        for (MqttPacket delivered : subscriber.channel.takeSent()) {
            sink.consume(delivered);
            if (delivered instanceof Publish publish && publish.qos() == Qos.AT_LEAST_ONCE) {
                subscriber.send(Puback.of(publish.packetId()));
            }
        }
        sink.consume(publisher.channel.takeSent());
    }
}
