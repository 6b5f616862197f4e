package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.testkit.transport.RecordingAcceptor;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private final RecordingAcceptor acceptor = new RecordingAcceptor();
    private UndertowWebSocketServer server = TestServers.start(TestServers.config(), acceptor);

    @AfterEach
    void stopServer() {
        server.stop();
    }

    /** [MQTT-6.0.0-3] [MQTT-6.0.0-4] the server selects the mqtt subprotocol and says so. */
    @Test
    void echoesTheMqttSubprotocol() throws Exception {
        WebSocket socket = TestServers.connect(server, new ClientListener(true));

        assertThat(socket.getSubprotocol()).isEqualTo("mqtt");
        assertThat(acceptor.next().channel().remoteAddress()).startsWith("127.0.0.1:");
        socket.abort();
    }

    @Test
    void echoesTheMqttv31SubprotocolOfOlderClients() throws Exception {
        WebSocket socket = TestServers.open(TestServers.uri(server, "/mqtt"), new ClientListener(true),
                "mqttv3.1").get(5, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEqualTo("mqttv3.1");
        socket.abort();
    }

    @Test
    void refusesAHandshakeWithoutTheMqttSubprotocol() {
        assertThatThrownBy(() -> TestServers.open(TestServers.uri(server, "/mqtt"), new ClientListener(true),
                "chat").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThatThrownBy(() -> TestServers.open(TestServers.uri(server, "/mqtt"), new ClientListener(true))
                .get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(status(e)).isEqualTo(400));
        assertThat(acceptor.nothingAccepted()).isTrue();
    }

    @Test
    void refusesAHandshakeOnAnotherPath() {
        assertThatThrownBy(() -> TestServers.open(TestServers.uri(server, "/other"), new ClientListener(true),
                "mqtt").get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(status(e)).isEqualTo(404));
        assertThat(acceptor.nothingAccepted()).isTrue();
    }

    @Test
    void refusesAnOriginOutsideTheAllowedList() throws Exception {
        server.stop();
        WebSocketListenerConfig base = TestServers.config();
        server = TestServers.start(new WebSocketListenerConfig(base.host(), 0, base.path(), 1,
                base.writeBufferLowWaterMark(), base.writeBufferHighWaterMark(),
                List.of("https://good.example"), false, Optional.empty()), acceptor);

        assertThatThrownBy(() -> withOrigin("https://evil.example").get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(status(e)).isEqualTo(403));
        WebSocket allowed = withOrigin("https://good.example").get(5, TimeUnit.SECONDS);
        assertThat(allowed.getSubprotocol()).isEqualTo("mqtt");
        allowed.abort();
    }

    private java.util.concurrent.CompletableFuture<WebSocket> withOrigin(String origin) {
        return java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", origin)
                .subprotocols("mqtt")
                .buildAsync(TestServers.uri(server, "/mqtt"), new ClientListener(true));
    }

    private static int status(Throwable thrown) {
        Throwable cause = thrown.getCause();
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }
}
