package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Property;
import dev.tern.application.protocol.packet.ReasonCode;
import java.nio.ByteBuffer;

/**
 * Fuzz target: an MQTT 5 property section on its own. Input: byte 0 picks the packet type whose
 * properties are read (or, for 0, a CONNECT's will properties); the rest is the section.
 *
 * <p>Checks: nothing is thrown; an error is Malformed Packet or Protocol Error; what decodes used
 * exactly its declared length, holds only properties allowed where it was read, and re-encodes to
 * a section that decodes to equal properties.
 */
class PropertiesFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodedPropertiesReEncodeToThemselves(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int selector = (input[0] & 0xFF) % 16;
        boolean will = selector == 0;
        PacketType type = will ? PacketType.CONNECT : PacketType.of(selector);
        ByteBuffer section = ByteBuffer.wrap(input, 1, input.length - 1).slice();

        PacketInput in = new PacketInput();
        in.reset(section, false);
        Properties properties = read(in, type, will);

        if (properties == null) {
            assertThat(in.failed()).as("a null result records its error").isTrue();
            assertThat(in.error().reasonCode()).isIn(ReasonCode.MALFORMED_PACKET, ReasonCode.PROTOCOL_ERROR);
            return;
        }
        assertThat(in.failed()).isFalse();
        ByteBuffer prefix = ByteBuffer.wrap(input, 1, input.length - 1);
        int declaredLength = VariableByteInteger.read(prefix);
        int prefixSize = prefix.position() - 1;
        assertThat(section.position()).as("bytes read").isEqualTo(prefixSize + declaredLength);
        for (Property property : properties.entries()) {
            assertThat(will ? property.id().allowedInWill() : property.id().allowedIn(type))
                    .as("%s allowed in %s", property.id(), will ? "will properties" : type).isTrue();
        }

        ByteBuffer encoded = ByteBuffer.allocate(PropertiesEncoder.encodedSize(properties));
        PropertiesEncoder.write(properties, encoded);
        assertThat(encoded.hasRemaining()).as("encoder wrote its announced size").isFalse();
        PacketInput again = new PacketInput();
        again.reset(encoded.flip(), false);
        assertThat(read(again, type, will)).isEqualTo(properties);
        assertThat(again.hasRemaining()).isFalse();
    }

    private static Properties read(PacketInput in, PacketType type, boolean will) {
        return will ? PropertiesDecoder.readWill(in) : PropertiesDecoder.read(in, type);
    }
}
