package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Random and mutated input never makes {@link PacketReader#feed} throw. */
class FeedFuzzTest {

    private static final long SEED = 0x7E57_C0DECL;
    private static final int ITERATIONS = 20_000;

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = new byte[random.nextInt(64)];
            random.nextBytes(input);
            feedInChunks(random, input, randomVersion(random));
        }
    }

    @Test
    void neverThrowsOnMutatedValidPackets() {
        Random random = new Random(SEED);
        List<byte[]> v3 = encodeAll(RoundTripTest.mqtt311Packets(), ProtocolVersion.MQTT_3_1_1);
        List<byte[]> v5 = encodeAll(RoundTripTest.mqtt5Packets(), ProtocolVersion.MQTT_5);
        for (int i = 0; i < ITERATIONS; i++) {
            boolean useV5 = random.nextBoolean();
            List<byte[]> pool = useV5 ? v5 : v3;
            byte[] input = pool.get(random.nextInt(pool.size())).clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            feedInChunks(random, input, useV5 ? ProtocolVersion.MQTT_5 : ProtocolVersion.MQTT_3_1_1);
        }
    }

    private static void feedInChunks(Random random, byte[] input, ProtocolVersion version) {
        PacketReader reader = new PacketReader(4096);
        if (version != null) {
            reader.setVersion(version);
        }
        List<DecodeResult> results = new ArrayList<>();
        int offset = 0;
        while (offset < input.length) {
            int chunk = 1 + random.nextInt(input.length - offset);
            ByteBuffer buffer = ByteBuffer.wrap(input, offset, chunk);
            reader.feed(buffer, results::add);
            assertThat(buffer.hasRemaining()).isFalse();
            offset += chunk;
        }
        long errors = results.stream().filter(r -> r instanceof DecodeError).count();
        assertThat(errors).isLessThanOrEqualTo(1);
        if (errors == 1) {
            assertThat(results.get(results.size() - 1)).isInstanceOf(DecodeError.class);
            assertThat(((DecodeError) results.get(results.size() - 1)).reason()).doesNotContain("Exception");
        }
    }

    private static ProtocolVersion randomVersion(Random random) {
        ProtocolVersion[] versions = ProtocolVersion.values();
        int pick = random.nextInt(versions.length + 1);
        return pick == versions.length ? null : versions[pick];
    }

    private static List<byte[]> encodeAll(Stream<MqttPacket> packets, ProtocolVersion version) {
        return packets.map(p -> Wire.encode(p, version)).toList();
    }
}
