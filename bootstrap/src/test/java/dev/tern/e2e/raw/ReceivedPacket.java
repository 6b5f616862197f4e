package dev.tern.e2e.raw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One packet as the server sent it: type, fixed-header flags and body, with typed views for the
 * packets tests assert on. A view of the wrong type fails the test with the actual type.
 */
public record ReceivedPacket(PacketType type, int flags, byte[] body) {

    public ReceivedConnack connack() {
        expect(PacketType.CONNACK);
        return new ReceivedConnack((body[0] & 0x01) != 0, body[1] & 0xFF);
    }

    public ReceivedSuback suback() {
        expect(PacketType.SUBACK);
        List<Integer> codes = new ArrayList<>();
        for (int i = 2; i < body.length; i++) {
            codes.add(body[i] & 0xFF);
        }
        return new ReceivedSuback(u16(0), codes);
    }

    public ReceivedPublish publish() {
        expect(PacketType.PUBLISH);
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] topic = new byte[buffer.getShort() & 0xFFFF];
        buffer.get(topic);
        int qos = (flags >> 1) & 0x03;
        int packetId = qos > 0 ? buffer.getShort() & 0xFFFF : 0;
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new ReceivedPublish((flags & 0x08) != 0, qos, (flags & 0x01) != 0,
                new String(topic, StandardCharsets.UTF_8), packetId, new String(payload, StandardCharsets.UTF_8));
    }

    /** The packet identifier of PUBACK, PUBREC, PUBREL, PUBCOMP or UNSUBACK. */
    public int packetId() {
        if (body.length != 2) {
            throw new AssertionError(type + " has a " + body.length + "-byte body, not a packet id");
        }
        return u16(0);
    }

    private int u16(int offset) {
        return ((body[offset] & 0xFF) << 8) | (body[offset + 1] & 0xFF);
    }

    private void expect(PacketType expected) {
        if (type != expected) {
            throw new AssertionError("expected " + expected + " but received " + this);
        }
    }

    @Override
    public String toString() {
        return type + "(flags=" + flags + ", " + body.length + " body bytes)";
    }
}
