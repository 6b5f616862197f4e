package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WebSocket client that vanishes: the JDK client sends a raw CONNECT with a will, then aborts the
 * socket without a close frame or DISCONNECT, as a browser tab that is killed would.
 */
@DisplayName("6 WebSocket transport: will on abrupt close")
// The HiveMQ blocking client waits without limit; a hung handshake must fail, not stall the build.
@Timeout(30)
class WebSocketWillTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /** [MQTT-3.1.2-8] the will is published when the WebSocket connection ends without DISCONNECT. */
    @Test
    void publishesTheWillWhenAWebSocketClientVanishes() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient watcher = HiveClients.subscriber(broker.port(), "will-watcher", "ws/will",
                MqttQos.AT_LEAST_ONCE, received);
        try {
            CompletableFuture<byte[]> connack = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("mqtt")
                    .buildAsync(URI.create("ws://127.0.0.1:" + broker.webSocketPort() + "/mqtt"), firstBinary(connack))
                    .get(5, TimeUnit.SECONDS);
            byte[] connect = ConnectPacket.v311("ws-vanisher").will("ws/will", "tab closed", 1, false).toBytes();
            socket.sendBinary(ByteBuffer.wrap(connect), true).get(5, TimeUnit.SECONDS);
            assertThat(connack.get(5, TimeUnit.SECONDS)).startsWith(0x20, 0x02, 0x00, 0x00);

            socket.abort();

            Mqtt3Publish will = received.poll(5, TimeUnit.SECONDS);
            assertThat(will).isNotNull();
            assertThat(HiveClients.text(will)).isEqualTo("tab closed");
        } finally {
            watcher.disconnect().join();
        }
    }

    private static WebSocket.Listener firstBinary(CompletableFuture<byte[]> first) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                first.complete(bytes);
                webSocket.request(1);
                return null;
            }
        };
    }
}
