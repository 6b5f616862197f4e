package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawWebSocketClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 4.13 over WebSocket: a client that pipelines more QoS 2 PUBLISHes than the broker's Receive
 * Maximum, one per binary message as MQTT.js sends them, and answers each PUBREC with PUBREL, reads
 * DISCONNECT 0x93 and then the broker's close frame, {@value #TRIES} times out of {@value #TRIES},
 * never a failed connection.
 */
@DisplayName("4.13 over WebSocket: DISCONNECT 0x93 reaches a client that is still sending")
class GracefulDisconnectWebSocketTest {

    private static final int TRIES = 100;
    private static final int RECEIVE_MAXIMUM = 10;
    private static final int NORMAL_CLOSURE = 1000;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.receive-maximum=" + RECEIVE_MAXIMUM);

    @Test
    void receiveMaximumExceeded0x93ReachesAClientThatPipelinesAndAnswersPubrec() throws Exception {
        for (int i = 0; i < TRIES; i++) {
            try (RawWebSocketClient client = RawWebSocketClient.connect(BROKER.webSocketPort())) {
                client.send(Connect5Packet.v5("gdw-93-" + i).toBytes());
                assertThat(Received5.connack(client.readPacket(WAIT)).reasonCode()).isZero();
                for (int id = 1; id <= RECEIVE_MAXIMUM + 1; id++) {
                    client.send(Client5Packets.publish("gdw/qos2", "m" + id, 2, id));
                }

                assertThat(disconnectAnsweringPubrecs(i, client)).as("try %d: DISCONNECT reason", i).isEqualTo(0x93);
                try {
                    assertThat(client.awaitCloseFrame(WAIT)).as("try %d: close frame", i).isEqualTo(NORMAL_CLOSURE);
                } catch (IOException e) {
                    throw new AssertionError("try " + i + ": the connection failed after the DISCONNECT", e);
                }
            }
        }
    }

    private static int disconnectAnsweringPubrecs(int attempt, RawWebSocketClient client) {
        try {
            while (true) {
                ReceivedPacket packet = client.readPacket(WAIT);
                if (packet.type() != PacketType.PUBREC) {
                    return Received5.reasoned(packet).reasonCode();
                }
                try {
                    client.send(Client5Packets.ack(6, Received5.ack(packet, PacketType.PUBREC).packetId()));
                } catch (IOException outputClosed) {
                    // The JDK client answers the broker's close frame at once and closes its output;
                    // from then on it cannot send, as a library stops sending. A reset shows on reading.
                }
            }
        } catch (IOException e) {
            throw new AssertionError("try " + attempt + ": no DISCONNECT, the connection failed first: " + e, e);
        }
    }
}
