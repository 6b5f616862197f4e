package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.application.protocol.codec.DecodeResult.Decoded;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: every packet type's decoder, in MQTT 3.1, 3.1.1 and 5. Input: byte 0 picks the
 * version, byte 1 is the fixed header's first byte (type and flags), the rest is the body; the
 * target writes the Remaining Length itself, so the fuzzer spends its time inside the decoders.
 * A CONNECT is decoded as the first packet of a connection (no version yet), as the broker does.
 *
 * <p>Checks: one result per packet, errors are the codec's own, the reader refuses input after
 * one, and encode(decode(x)) decodes again to an equal packet.
 */
class PacketDecodingFuzzTest {

    private static final int MAX_PACKET_SIZE = 1 << 20;

    @FuzzTest(maxDuration = "20s")
    void decodedPacketsReEncodeToThemselves(byte[] input) {
        if (input.length < 2) {
            return;
        }
        ProtocolVersion version = ProtocolVersion.values()[(input[0] & 0xFF) % ProtocolVersion.values().length];
        int firstByte = input[1] & 0xFF;
        int bodyLength = input.length - 2;
        boolean connect = firstByte >>> 4 == PacketType.CONNECT.value();

        ByteBuffer packet = ByteBuffer.allocate(1 + VariableByteInteger.size(bodyLength) + bodyLength);
        packet.put((byte) firstByte);
        VariableByteInteger.write(bodyLength, packet);
        packet.put(input, 2, bodyLength).flip();

        PacketReader reader = new PacketReader(MAX_PACKET_SIZE);
        if (!connect) {
            reader.setVersion(version);
        }
        List<DecodeResult> results = new ArrayList<>();
        reader.feed(packet, results::add);

        assertThat(results).as("results of one whole packet").hasSize(1);
        DecodeInvariants.assertWellFormedResults(results);
        DecodeInvariants.assertRefusesInputAfterError(reader, results);
        if (results.get(0) instanceof Decoded decoded) {
            MqttPacket decodedPacket = decoded.packet();
            assertThat(decodedPacket.type().value()).isEqualTo(firstByte >>> 4);
            DecodeInvariants.assertRoundTrips(decodedPacket, version);
        }
    }
}
