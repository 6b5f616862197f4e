package dev.tern.e2e.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * MQTT 5 views of packets from the server (the 3.1.1 views of {@link ReceivedPacket} do not know
 * properties). A view of the wrong packet type fails the test with the actual type.
 */
public final class Received5 {

    /** CONNACK (3.2), DISCONNECT (3.14), AUTH (3.15), PUBACK.. (3.4-3.7): a reason and properties. */
    public record Reasoned(PacketType type, boolean sessionPresent, int packetId, int reasonCode,
            ReceivedProperties properties) {
    }

    public record Publish5(int qos, boolean dup, boolean retain, String topic, int packetId,
            ReceivedProperties properties, byte[] payload) {

        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** SUBACK or UNSUBACK. */
    public record Acks(int packetId, ReceivedProperties properties, List<Integer> reasonCodes) {
    }

    private Received5() {
    }

    public static Reasoned connack(ReceivedPacket packet) {
        expect(packet, PacketType.CONNACK);
        ByteBuffer buffer = ByteBuffer.wrap(packet.body());
        boolean present = (buffer.get() & 0x01) != 0;
        int reason = buffer.get() & 0xFF;
        return new Reasoned(PacketType.CONNACK, present, 0, reason, ReceivedProperties.read(buffer));
    }

    /** DISCONNECT or AUTH: a missing reason code means 0x00 (3.14.2.1, 3.15.2.1). */
    public static Reasoned reasoned(ReceivedPacket packet) {
        if (packet.type() != PacketType.DISCONNECT && packet.type() != PacketType.AUTH) {
            throw new AssertionError("expected DISCONNECT or AUTH but received " + packet);
        }
        ByteBuffer buffer = ByteBuffer.wrap(packet.body());
        int reason = buffer.hasRemaining() ? buffer.get() & 0xFF : 0;
        ReceivedProperties props = buffer.hasRemaining() ? ReceivedProperties.read(buffer)
                : new ReceivedProperties(List.of());
        return new Reasoned(packet.type(), false, 0, reason, props);
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP. */
    public static Reasoned ack(ReceivedPacket packet, PacketType type) {
        expect(packet, type);
        ByteBuffer buffer = ByteBuffer.wrap(packet.body());
        int packetId = buffer.getShort() & 0xFFFF;
        int reason = buffer.hasRemaining() ? buffer.get() & 0xFF : 0;
        ReceivedProperties props = buffer.hasRemaining() ? ReceivedProperties.read(buffer)
                : new ReceivedProperties(List.of());
        return new Reasoned(type, false, packetId, reason, props);
    }

    public static Publish5 publish(ReceivedPacket packet) {
        expect(packet, PacketType.PUBLISH);
        ByteBuffer buffer = ByteBuffer.wrap(packet.body());
        int flags = packet.flags();
        int qos = (flags >> 1) & 0x03;
        String topic = ReceivedProperties.utf8(buffer);
        int packetId = qos > 0 ? buffer.getShort() & 0xFFFF : 0;
        ReceivedProperties props = ReceivedProperties.read(buffer);
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new Publish5(qos, (flags & 0x08) != 0, (flags & 0x01) != 0, topic, packetId, props, payload);
    }

    /** SUBACK or UNSUBACK. */
    public static Acks acks(ReceivedPacket packet) {
        if (packet.type() != PacketType.SUBACK && packet.type() != PacketType.UNSUBACK) {
            throw new AssertionError("expected SUBACK or UNSUBACK but received " + packet);
        }
        ByteBuffer buffer = ByteBuffer.wrap(packet.body());
        int packetId = buffer.getShort() & 0xFFFF;
        ReceivedProperties props = ReceivedProperties.read(buffer);
        List<Integer> codes = new ArrayList<>();
        while (buffer.hasRemaining()) {
            codes.add(buffer.get() & 0xFF);
        }
        return new Acks(packetId, props, codes);
    }

    /**
     * Reads packets until a DISCONNECT, which it returns, and checks that the server then closes
     * the connection [MQTT-4.13.1-1]. Fails when the server closes without one.
     */
    public static Reasoned awaitDisconnect(RawMqttClient client, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            ReceivedPacket packet;
            try {
                packet = client.readPacket(left);
            } catch (IOException e) {
                throw new AssertionError("no DISCONNECT from the server: " + e.getMessage(), e);
            }
            if (packet.type() == PacketType.DISCONNECT) {
                Reasoned disconnect = reasoned(packet);
                if (!client.awaitClosed(Duration.ofSeconds(3))) {
                    throw new AssertionError("server sent DISCONNECT " + disconnect + " but kept the connection open");
                }
                return disconnect;
            }
        }
    }

    public static Reasoned awaitDisconnect(RawMqttClient client) throws IOException {
        return awaitDisconnect(client, Duration.ofSeconds(5));
    }

    /** Sends a v5 CONNECT and returns the CONNACK, whatever its reason code. */
    public static Reasoned connect(RawMqttClient client, Connect5Packet connect) throws IOException {
        client.send(connect.toBytes());
        return connack(client.readPacket());
    }

    /** A socket with an accepted v5 CONNECT. */
    public static RawMqttClient connected(int port, Connect5Packet connect) throws IOException {
        RawMqttClient client = RawMqttClient.connect(port);
        Reasoned connack = connect(client, connect);
        if (connack.reasonCode() != 0) {
            client.close();
            throw new AssertionError("CONNECT refused: " + connack);
        }
        return client;
    }

    private static void expect(ReceivedPacket packet, PacketType type) {
        if (packet.type() != type) {
            throw new AssertionError("expected " + type + " but received " + packet);
        }
    }
}
