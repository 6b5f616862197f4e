package dev.tern.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * MQTT 3.1.1 and 5 client packets, encoded once into byte arrays so that the load generator
 * spends its time on the broker, not on encoding. Only what the scenarios send is here, and in
 * MQTT 5 always with an empty property section unless a property changes the behaviour measured.
 *
 * <p>Threading: stateless.
 */
final class MqttFrames {

    /**
     * Valid in both versions: in MQTT 5 a DISCONNECT of remaining length 0 means reason 0x00,
     * normal disconnection, which discards the will like a 3.1.1 DISCONNECT does (3.14.2.1).
     */
    static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    /**
     * How long an MQTT 5 clean start=0 session outlives its connection, in seconds. Without it the
     * session would end at disconnect (the MQTT 5 default is 0), and persistent-sessions would have
     * nothing to drain; an hour outlasts any run, yet lets the broker reclaim the sessions later.
     */
    static final int SESSION_EXPIRY_SECONDS = 3_600;

    private static final int SESSION_EXPIRY_INTERVAL = 0x11;

    private MqttFrames() {
    }

    /**
     * CONNECT, no will, no credentials. MQTT 5 sends no Receive Maximum: the broker then applies
     * its own in-flight limit to the subscribers, exactly as it does for 3.1.1 clients, so that
     * both versions measure the same delivery window.
     */
    static byte[] connect(MqttVersion version, String clientId, boolean cleanSession, int keepAliveSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(version.level());
        body.write(cleanSession ? 0x02 : 0x00);
        body.write(keepAliveSeconds >>> 8);
        body.write(keepAliveSeconds & 0xFF);
        if (version.isV5()) {
            if (cleanSession) {
                body.write(0);
            } else {
                body.write(5);
                body.write(SESSION_EXPIRY_INTERVAL);
                writeInt(body, SESSION_EXPIRY_SECONDS);
            }
        }
        writeString(body, clientId);
        return frame(0x10, body.toByteArray());
    }

    /**
     * SUBSCRIBE with one filter; the fixed header flags 0b0010 are mandatory [MQTT-3.8.1-1]. In
     * MQTT 5 the byte after the filter holds subscription options, of which only the QoS is set.
     */
    static byte[] subscribe(MqttVersion version, int packetId, String filter, int qos) {
        return subscribe(version, packetId, List.of(filter), qos);
    }

    /** SUBSCRIBE with several filters at one QoS; the SUBACK then carries a return code for each. */
    static byte[] subscribe(MqttVersion version, int packetId, List<String> filters, int qos) {
        ByteArrayOutputStream body = packetIdAndProperties(version, packetId);
        for (String filter : filters) {
            writeString(body, filter);
            body.write(qos);
        }
        return frame(0x82, body.toByteArray());
    }

    /** UNSUBSCRIBE of one filter; flags 0b0010 as for SUBSCRIBE [MQTT-3.10.1-1]. */
    static byte[] unsubscribe(MqttVersion version, int packetId, String filter) {
        ByteArrayOutputStream body = packetIdAndProperties(version, packetId);
        writeString(body, filter);
        return frame(0xA2, body.toByteArray());
    }

    /** Valid in both versions: MQTT 5 may leave out reason 0x00 and the properties (3.4.2.1). */
    static byte[] puback(int packetId) {
        return acknowledgement(0x40, packetId);
    }

    /** The QoS 2 acknowledgements, short forms valid in both versions (3.5.2.1, 3.6.2.1, 3.7.2.1). */
    static byte[] pubrec(int packetId) {
        return acknowledgement(0x50, packetId);
    }

    /** PUBREL's fixed header flags 0b0010 are mandatory [MQTT-3.6.1-1]. */
    static byte[] pubrel(int packetId) {
        return acknowledgement(0x62, packetId);
    }

    static byte[] pubcomp(int packetId) {
        return acknowledgement(0x70, packetId);
    }

    private static byte[] acknowledgement(int firstByte, int packetId) {
        return new byte[] {(byte) firstByte, 2, (byte) (packetId >>> 8), (byte) packetId};
    }

    private static ByteArrayOutputStream packetIdAndProperties(MqttVersion version, int packetId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >>> 8);
        body.write(packetId & 0xFF);
        if (version.isV5()) {
            body.write(0);
        }
        return body;
    }

    /** A PUBLISH whose packet id and payload fields are patched per message. */
    static PublishTemplate publish(MqttVersion version, String topic, int qos, int payloadSize) {
        return publish(version, topic, qos, payloadSize, false);
    }

    /** As {@link #publish(MqttVersion, String, int, int)}, with the RETAIN flag when asked. */
    static PublishTemplate publish(MqttVersion version, String topic, int qos, int payloadSize, boolean retain) {
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
        if (version.isV5()) {
            body.write(0);
        }
        int payloadOffsetInBody = body.size();
        body.write(new byte[payloadSize], 0, payloadSize);
        byte[] bodyBytes = body.toByteArray();
        byte[] packet = frame(0x30 | qos << 1 | (retain ? 1 : 0), bodyBytes);
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

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
