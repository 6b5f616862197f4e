package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.ClientPackets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PacketWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.support.BrokerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 4.13: a DISCONNECT with a reason code must reach the client [MQTT-4.13.2-1], also a client
 * whose packets are still arriving when the broker decides to close. A broker that closed its
 * socket with unread input would make the kernel answer with a reset, which destroys the
 * DISCONNECT before the client reads it; Tern half-closes and discards input for a bounded time
 * instead. Each reason the broker sends is triggered {@value #TRIES} times, each time by a client
 * still sending, and each time the client must read the DISCONNECT and then a clean end of stream.
 */
@DisplayName("4.13 A DISCONNECT with a reason reaches a client that is still sending")
class GracefulDisconnectTest {

    private static final int TRIES = 100;
    private static final int RECEIVE_MAXIMUM = 10;
    private static final int MAX_PACKET_SIZE = 1000;
    private static final int QUOTA_PER_SECOND = 10;
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] TRAFFIC = traffic();
    private static final byte[] TRAFFIC_311 = ClientPackets.publish("gd/quota", "more", 0, 0);

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.receive-maximum=" + RECEIVE_MAXIMUM,
            "mqtt.max-packet-size=" + MAX_PACKET_SIZE);

    /** A broker of its own: its rate limit would get in the way of the other triggers. */
    @RegisterExtension
    static final BrokerExtension QUOTA_BROKER = BrokerExtension.with(
            "rate-limit.messages-per-second=" + QUOTA_PER_SECOND, "rate-limit.over-limit=refuse");

    /** 3.3.4 / 4.9: Receive Maximum + 1 QoS 2 PUBLISHes pipelined, each PUBREC answered with PUBREL as libraries do. */
    @Test
    void receiveMaximumExceeded0x93() throws Exception {
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int id = 1; id <= RECEIVE_MAXIMUM + 1; id++) {
            burst.writeBytes(Client5Packets.publish("gd/qos2", "m" + id, 2, id));
        }
        assertEveryTry("gd-93-", burst.toByteArray(), 0x93);
    }

    /** 2.2.2.2 and [MQTT-3.3.1-2]: a QoS 0 PUBLISH with DUP set is malformed. */
    @Test
    void malformedPacket0x81() throws Exception {
        byte[] malformed = PacketWriter.packet(3, 0x08).utf8("gd/dup").u8(0).bytes("x".getBytes()).toBytes();
        assertEveryTry("gd-81-", malformed, 0x81);
    }

    /** [MQTT-3.1.0-2]: a second CONNECT. */
    @Test
    void protocolError0x82() throws Exception {
        assertEveryTry("gd-82-", Connect5Packet.v5("gd-82-again").toBytes(), 0x82);
    }

    /** [MQTT-3.2.2-15] mirrored: a PUBLISH above the broker's Maximum Packet Size; its body is still on its way. */
    @Test
    void packetTooLarge0x95() throws Exception {
        byte[] tooLarge = Client5Packets.publish("gd/large", "y".repeat(4 * MAX_PACKET_SIZE), 1, 1);
        assertEveryTry("gd-95-", tooLarge, 0x95);
    }

    /**
     * [MQTT-3.1.2-22]: one and a half keep alive periods of silence. The clients wait side by
     * side so that a hundred of them take one period, not a hundred.
     */
    @Test
    void keepAliveTimeout0x8D() throws Exception {
        List<RawMqttClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < TRIES; i++) {
                clients.add(Received5.connected(BROKER.port(), Connect5Packet.v5("gd-8d-" + i).keepAlive(1)));
            }
            for (int i = 0; i < TRIES; i++) {
                assertDisconnectThenEndOfStream(i, clients.get(i), 0x8D);
            }
        } finally {
            for (RawMqttClient client : clients) {
                client.close();
            }
        }
    }

    /** 4.13 / 3.1.4: the session is taken over while its old connection is still publishing. */
    @Test
    void sessionTakenOver0x8E() throws Exception {
        for (int i = 0; i < TRIES; i++) {
            String clientId = "gd-8e-" + i;
            try (RawMqttClient old = RawSteps.connected(BROKER.port(), clientId);
                    RawMqttClient taker = RawMqttClient.connect(BROKER.port())) {
                taker.send(Connect5Packet.v5(clientId).toBytes());
                old.send(TRAFFIC);
                assertDisconnectThenEndOfStream(i, old, 0x8E);
                assertThat(Received5.connack(taker.readPacket()).reasonCode()).as("try %d: taker's CONNACK", i).isZero();
            }
        }
    }

    /**
     * 0x97 Quota exceeded: today the broker sends it only for packets pipelined before CONNACK,
     * where no DISCONNECT may be sent [MQTT-3.2.0-1]; the close must still be graceful, an end of
     * stream rather than a reset.
     */
    @Test
    void quotaExceededBeforeConnackClosesWithoutAReset() throws Exception {
        byte[] connect = Connect5Packet.v5("gd-97").toBytes();
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        burst.writeBytes(connect);
        for (int i = 0; i < 3_000; i++) {
            burst.write(0xC0);
            burst.write(0x00);
        }
        for (int i = 0; i < TRIES; i++) {
            try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
                client.send(burst.toByteArray());
                try {
                    client.send(TRAFFIC);
                    assertThat(client.awaitEndOfStream(WAIT)).as("try %d: end of stream", i).isTrue();
                } catch (IOException e) {
                    throw new AssertionError("try " + i + ": reset instead of an end of stream", e);
                }
            }
        }
    }

    /**
     * 0x97 as far as it closes a connection today: over its rate limit with {@code refuse}, an
     * MQTT 3.1.1 client's QoS 1 PUBLISH cannot be refused with a reason, so the connection is closed
     * (3.1.1 has no server DISCONNECT). The client is pipelining, and the close must still be an end
     * of stream after the PUBACKs of what was taken, not a reset.
     */
    @Test
    void overQuotaMqtt311CloseIsAnEndOfStream() throws Exception {
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int id = 1; id <= 3 * QUOTA_PER_SECOND; id++) {
            burst.writeBytes(ClientPackets.publish("gd/quota", "q" + id, 1, id));
        }
        for (int i = 0; i < TRIES; i++) {
            try (RawMqttClient client = RawMqttClient.connected(QUOTA_BROKER.port(), "gd-97-" + i)) {
                client.send(burst.toByteArray());
                try {
                    client.send(TRAFFIC_311);
                    ReceivedPacket packet;
                    do {
                        packet = client.readPacket(WAIT);
                    } while (packet.type() == PacketType.PUBACK);
                    throw new AssertionError("try " + i + ": " + packet + " where the close was due");
                } catch (IOException e) {
                    assertThat(e).as("try %d: end of stream, not a reset", i).isNotInstanceOf(SocketException.class)
                            .hasMessageContaining("server closed the connection");
                }
            }
        }
    }

    /**
     * Connects a fresh client per try, sends {@code trigger} and then, in a write of its own, more
     * packets as a busy client would; expects DISCONNECT {@code reason}.
     */
    private static void assertEveryTry(String clientIdPrefix, byte[] trigger, int reason) throws IOException {
        for (int i = 0; i < TRIES; i++) {
            try (RawMqttClient client = RawSteps.connected(BROKER.port(), clientIdPrefix + i)) {
                client.send(trigger);
                try {
                    client.send(TRAFFIC);
                } catch (IOException e) {
                    throw new AssertionError("try " + i + ": the connection failed while the client was sending", e);
                }
                assertDisconnectThenEndOfStream(i, client, reason);
            }
        }
    }

    /**
     * Reads until the DISCONNECT, answering each PUBREC with PUBREL as a client library would, so
     * that the client keeps sending while the broker closes; then requires a clean end of stream.
     */
    private static void assertDisconnectThenEndOfStream(int attempt, RawMqttClient client, int reason)
            throws IOException {
        ReceivedPacket packet;
        try {
            while (true) {
                packet = client.readPacket(WAIT);
                if (packet.type() == PacketType.PUBREC) {
                    client.send(Client5Packets.ack(6, Received5.ack(packet, PacketType.PUBREC).packetId()));
                } else if (packet.type() != PacketType.PUBACK) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("try " + attempt + ": no DISCONNECT 0x" + Integer.toHexString(reason)
                    + ", the connection failed first: " + e, e);
        }
        assertThat(Received5.reasoned(packet).reasonCode()).as("try %d: DISCONNECT reason", attempt).isEqualTo(reason);
        try {
            assertThat(client.awaitEndOfStream(WAIT)).as("try %d: end of stream after DISCONNECT", attempt).isTrue();
        } catch (IOException e) {
            throw new AssertionError("try " + attempt + ": reset after the DISCONNECT instead of an end of stream", e);
        }
    }

    /** A burst of QoS 1 PUBLISHes, as a busy client sends them. */
    private static byte[] traffic() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id = 1; id <= 50; id++) {
            bytes.writeBytes(Client5Packets.publish("gd/traffic", "t" + id, 1, 100 + id));
        }
        return bytes.toByteArray();
    }
}
