package dev.tern.application.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.codec.DecodeResult.Decoded;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the fuzz targets check beyond "no exception": errors are the codec's own and end the
 * stream, and what decodes re-encodes to the same packet.
 */
final class DecodeInvariants {

    /** The reason codes {@link DecodeError} documents. */
    private static final Set<Integer> DECODE_ERROR_CODES = Set.of(ReasonCode.MALFORMED_PACKET,
            ReasonCode.PROTOCOL_ERROR, ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, ReasonCode.TOPIC_NAME_INVALID,
            ReasonCode.PACKET_TOO_LARGE);
    private static final byte[] PINGREQ = {(byte) 0xC0, 0x00};

    private DecodeInvariants() {
    }

    /**
     * At most one error, as the last result; it names a rule, not a decoder bug caught by the
     * reader's last resort (which says "undecodable packet").
     */
    static void assertWellFormedResults(List<DecodeResult> results) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof DecodeError error) {
                assertThat(i).as("a decode error is the last result").isEqualTo(results.size() - 1);
                assertThat(DECODE_ERROR_CODES).as("reason code of %s", error).contains(error.reasonCode());
                assertThat(error.reason()).as("decoder bug behind %s", error).doesNotStartWith("undecodable packet");
            }
        }
    }

    /** After an error the reader takes no further input: a valid PINGREQ yields nothing. */
    static void assertRefusesInputAfterError(PacketReader reader, List<DecodeResult> results) {
        if (results.isEmpty() || !(results.get(results.size() - 1) instanceof DecodeError)) {
            return;
        }
        List<DecodeResult> after = new ArrayList<>();
        ByteBuffer more = ByteBuffer.wrap(PINGREQ);
        reader.feed(more, after::add);
        assertThat(more.hasRemaining()).as("input after an error is consumed").isFalse();
        assertThat(after).as("results after an error").isEmpty();
    }

    /**
     * encode(decode(x)) decodes again to an equal packet, and the encoder's size matches what it
     * wrote. {@code version} is the connection's; a CONNECT is encoded in the version it names.
     */
    static void assertRoundTrips(MqttPacket packet, ProtocolVersion version) {
        ProtocolVersion encodeAs = packet instanceof Connect connect ? connect.version() : version;
        byte[] wire = Wire.encode(packet, encodeAs);
        assertThat(PacketEncoder.encodedSize(packet, encodeAs)).as("encoded size of %s", packet).isEqualTo(wire.length);
        List<DecodeResult> again = new ArrayList<>();
        PacketReader reader = new PacketReader(wire.length);
        if (!(packet instanceof Connect)) {
            reader.setVersion(version);
        }
        reader.feed(ByteBuffer.wrap(wire), again::add);
        assertThat(again).as("re-decoding %s", packet).hasSize(1);
        assertThat(again.get(0)).as("re-decoding %s", packet).isInstanceOf(Decoded.class);
        assertThat(((Decoded) again.get(0)).packet()).isEqualTo(packet);
    }
}
