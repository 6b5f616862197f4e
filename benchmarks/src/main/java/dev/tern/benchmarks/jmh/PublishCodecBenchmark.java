package dev.tern.benchmarks.jmh;

import dev.tern.application.protocol.codec.DecodeResult;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.codec.PacketReader;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;
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
 * PUBLISH through the codec: decoding a 3.1.1 QoS 1 PUBLISH from bytes with {@link PacketReader},
 * and encoding one the way delivery does (header by {@link PacketEncoder#encodePublishHeader},
 * payload copied behind it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PublishCodecBenchmark {

    @Param({"64", "1024"})
    int payloadSize;

    private Publish publish;
    private ByteBuffer encoded;
    private PacketReader reader;

    @Setup
    public void setUp() {
        publish = new Publish(false, Qos.AT_LEAST_ONCE, false, "sensors/site-7/building-3/temperature", 42,
                Properties.EMPTY, Payload.wrap(new byte[payloadSize]));
        encoded = PacketEncoder.encode(publish, ProtocolVersion.MQTT_3_1_1);
        reader = new PacketReader(268_435_455);
        reader.setVersion(ProtocolVersion.MQTT_3_1_1);
    }

    @Benchmark
    public void decode(Blackhole sink) {
        ByteBuffer bytes = encoded.duplicate();
        reader.feed(bytes, result -> sink.consume(((DecodeResult.Decoded) result).packet()));
    }

    @Benchmark
    public ByteBuffer encode() {
        ByteBuffer header = PacketEncoder.encodePublishHeader(publish, ProtocolVersion.MQTT_3_1_1);
        ByteBuffer out = ByteBuffer.allocate(header.remaining() + publish.payload().size());
        out.put(header);
        publish.payload().writeTo(out);
        return out.flip();
    }
}
