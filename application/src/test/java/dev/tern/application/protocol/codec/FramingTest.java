package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.concat;
import static dev.tern.application.protocol.codec.Wire.decodeAll;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static dev.tern.application.protocol.codec.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.codec.DecodeResult.Decoded;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packet boundaries in a byte stream: WebSocket frames need not align with packets [MQTT-6.0.0-2]. */
class FramingTest {

    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;
    private static final Publish PUBLISH = new Publish(false, Qos.AT_LEAST_ONCE, false, "a/b", 5,
            Properties.builder().user("k", "v").build(), Payload.wrap(new byte[300]));

    @Test
    void reassemblesPacketSplitAtEveryByteBoundary() {
        byte[] wire = encode(PUBLISH, V5);
        for (int split = 0; split <= wire.length; split++) {
            List<DecodeResult> results = new ArrayList<>();
            PacketReader reader = Wire.reader(V5);

            reader.feed(ByteBuffer.wrap(wire, 0, split), results::add);
            assertThat(results).as("after %d bytes", split).hasSize(split == wire.length ? 1 : 0);
            reader.feed(ByteBuffer.wrap(wire, split, wire.length - split), results::add);

            assertThat(results).as("split at %d", split).containsExactly(new Decoded(PUBLISH));
        }
    }

    @Test
    void largePayloadsAssembledFromPiecesStayIntactWhileLaterPacketsArrive() {
        // Bodies this large that arrive in pieces keep the buffer they were assembled in as their
        // payload: the next packet must get a buffer of its own, not overwrite the first payload.
        Publish first = publishOf(20_000, (byte) 1);
        Publish second = publishOf(20_000, (byte) 2);
        List<DecodeResult> results = new ArrayList<>();
        PacketReader reader = Wire.reader(V5);

        for (byte[] wire : List.of(encode(first, V5), encode(second, V5))) {
            for (int offset = 0; offset < wire.length; offset += 3_000) {
                reader.feed(ByteBuffer.wrap(wire, offset, Math.min(3_000, wire.length - offset)), results::add);
            }
        }

        assertThat(results).containsExactly(new Decoded(first), new Decoded(second));
    }

    private static Publish publishOf(int payloadSize, byte fill) {
        byte[] payload = new byte[payloadSize];
        Arrays.fill(payload, fill);
        return new Publish(false, Qos.AT_MOST_ONCE, false, "big/" + fill, 0, Properties.EMPTY, Payload.wrap(payload));
    }

    @Test
    void reassemblesPacketFedOneByteAtATime() {
        byte[] wire = encode(PUBLISH, V5);
        List<DecodeResult> results = new ArrayList<>();
        PacketReader reader = Wire.reader(V5);

        for (byte b : wire) {
            reader.feed(ByteBuffer.wrap(new byte[] {b}), results::add);
        }

        assertThat(results).containsExactly(new Decoded(PUBLISH));
    }

    @Test
    void decodesSeveralPacketsFromOneBufferAndConsumesIt() {
        byte[] wire = concat(encode(Puback.of(1), V5), encode(Pingreq.INSTANCE, V5), encode(PUBLISH, V5));
        ByteBuffer buffer = ByteBuffer.wrap(wire);
        List<DecodeResult> results = new ArrayList<>();

        Wire.reader(V5).feed(buffer, results::add);

        assertThat(results).containsExactly(
                new Decoded(Puback.of(1)), new Decoded(Pingreq.INSTANCE), new Decoded(PUBLISH));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void decodesFromDirectBuffers() {
        byte[] wire = encode(PUBLISH, V5);
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        List<DecodeResult> results = new ArrayList<>();

        Wire.reader(V5).feed(direct, results::add);

        assertThat(results).containsExactly(new Decoded(PUBLISH));
    }

    /** [MQTT-1.5.5-1]: a Variable Byte Integer has at most four bytes. */
    @Test
    void rejectsRemainingLengthOfFiveBytes() {
        DecodeError error = decodeError(V5, bytes(0x30, 0x80, 0x80, 0x80, 0x80, 0x01));

        assertThat(error.reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void acceptsNonMinimalRemainingLength() {
        List<DecodeResult> results = decodeAll(V5, bytes(0xC0, 0x80, 0x00)); // PINGREQ, rl 0 in two bytes

        assertThat(results).containsExactly(new Decoded(Pingreq.INSTANCE));
    }

    @Test
    void rejectsOversizedPacketBeforeItsBodyArrives() {
        PacketReader reader = new PacketReader(100);
        reader.setVersion(V5);
        List<DecodeResult> results = new ArrayList<>();

        reader.feed(ByteBuffer.wrap(bytes(0x30, 0xE2, 0x00)), results::add); // PUBLISH, rl 98 + 3 header bytes

        assertThat(results).hasSize(1);
        assertThat(((DecodeError) results.get(0)).reasonCode()).isEqualTo(ReasonCode.PACKET_TOO_LARGE);
    }

    @Test
    void acceptsPacketOfExactlyTheMaximumSize() {
        PacketReader reader = new PacketReader(100);
        reader.setVersion(V5);
        List<DecodeResult> results = new ArrayList<>();
        byte[] body = new byte[98];
        body[1] = 1;
        body[2] = 't'; // topic "t", rest payload

        reader.feed(ByteBuffer.wrap(concat(bytes(0x30, 98), body)), results::add);

        assertThat(results).singleElement().isInstanceOf(Decoded.class);
    }

    @Test
    void ignoresInputAfterTheFirstError() {
        PacketReader reader = Wire.reader(V5);
        List<DecodeResult> results = new ArrayList<>();
        ByteBuffer more = ByteBuffer.wrap(bytes(0xC0, 0x00));

        reader.feed(ByteBuffer.wrap(bytes(0x00, 0x00, 0xC0, 0x00)), results::add);
        reader.feed(more, results::add);

        assertThat(results).singleElement().isInstanceOf(DecodeError.class);
        assertThat(more.hasRemaining()).isFalse();
    }

    /** A client may send packets behind its CONNECT without waiting for CONNACK (3.1.4). */
    @Test
    void decodesPacketsPipelinedBehindConnectInTheConnectVersion() {
        Connect connect = new Connect(V5, true, 0, "c", null, null, null, null);
        Publish publish = new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0,
                Properties.builder().string(dev.tern.application.protocol.packet.PropertyId.CONTENT_TYPE, "x").build(),
                Payload.EMPTY);
        List<DecodeResult> results = new ArrayList<>();

        new PacketReader(Wire.MAX_PACKET_SIZE).feed(ByteBuffer.wrap(concat(encode(connect, V5), encode(publish, V5))),
                results::add);

        assertThat(results).extracting(r -> ((Decoded) r).packet()).containsExactly((MqttPacket) connect, publish);
    }
}
