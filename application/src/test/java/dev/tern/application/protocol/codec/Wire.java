package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.codec.DecodeResult.Decoded;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: byte fixtures in, decode results out. */
final class Wire {

    static final int MAX_PACKET_SIZE = 1024 * 1024;

    private Wire() {
    }

    /** Bytes from ints, so fixtures can be written as 0x.. literals with a comment per field. */
    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** A reader as the broker has it after a CONNECT of {@code version}; null for none yet. */
    static PacketReader reader(ProtocolVersion version) {
        PacketReader reader = new PacketReader(MAX_PACKET_SIZE);
        if (version != null) {
            reader.setVersion(version);
        }
        return reader;
    }

    static List<DecodeResult> decodeAll(ProtocolVersion version, byte[] bytes) {
        List<DecodeResult> results = new ArrayList<>();
        reader(version).feed(ByteBuffer.wrap(bytes), results::add);
        return results;
    }

    static MqttPacket decode(ProtocolVersion version, byte[] bytes) {
        List<DecodeResult> results = decodeAll(version, bytes);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(Decoded.class);
        return ((Decoded) results.get(0)).packet();
    }

    static DecodeError decodeError(ProtocolVersion version, byte[] bytes) {
        List<DecodeResult> results = decodeAll(version, bytes);
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(DecodeError.class);
        return (DecodeError) results.get(0);
    }

    static byte[] encode(MqttPacket packet, ProtocolVersion version) {
        ByteBuffer buffer = PacketEncoder.encode(packet, version);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
