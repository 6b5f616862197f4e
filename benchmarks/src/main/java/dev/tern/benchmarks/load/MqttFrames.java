package dev.tern.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 client packets, encoded once into byte arrays so that the load generator spends its
 * time on the broker, not on encoding. Only what the scenarios send is here.
 *
 * <p>Threading: stateless.
 */
final class MqttFrames {

    static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    private MqttFrames() {
    }

    /** CONNECT, protocol level 4, no will, no credentials. */
    static byte[] connect(String clientId, boolean cleanSession, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4);
        body.write(cleanSession ? 0x02 : 0x00);
        body.write(keepAliveSeconds >>> 8);
        body.write(keepAliveSeconds & 0xFF);
        writeString(body, clientId);
        return frame(0x10, body.toByteArray());
    }

    /** SUBSCRIBE with one filter; the fixed header flags 0b0010 are mandatory [MQTT-3.8.1-1]. */
    static byte[] subscribe(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >>> 8);
        body.write(packetId & 0xFF);
        writeString(body, filter);
        body.write(qos);
        return frame(0x82, body.toByteArray());
    }

    static byte[] puback(int packetId) {
        return new byte[] {0x40, 2, (byte) (packetId >>> 8), (byte) packetId};
    }

    /** A PUBLISH whose packet id and payload fields are patched per message. */
    static PublishTemplate publish(String topic, int qos, int payloadSize) {
        if (payloadSize < PublishTemplate.MIN_PAYLOAD) {
            throw new IllegalArgumentException("payload must hold at least " + PublishTemplate.MIN_PAYLOAD + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        int packetIdOffsetInBody = -1;
        if (qos > 0) {
            packetIdOffsetInBody = body.size();
            body.write(0);
            body.write(1);
        }
        int payloadOffsetInBody = body.size();
        body.write(new byte[payloadSize], 0, payloadSize);
        byte[] bodyBytes = body.toByteArray();
        byte[] packet = frame(0x30 | qos << 1, bodyBytes);
        int headerSize = packet.length - bodyBytes.length;
        return new PublishTemplate(packet,
                packetIdOffsetInBody < 0 ? -1 : headerSize + packetIdOffsetInBody,
                headerSize + payloadOffsetInBody);
    }

    private static byte[] frame(int firstByte, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(firstByte);
        int remaining = body.length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(utf8.length >>> 8);
        out.write(utf8.length & 0xFF);
        out.write(utf8, 0, utf8.length);
    }
}
