package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.testkit.transport.RecordingAcceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndertowWebSocketServerTest {

    @Test
    void failsToStartOnATakenPortNamingHostAndPort() {
        UndertowWebSocketServer first = TestServers.start(TestServers.config(), new RecordingAcceptor());
        try {
            int taken = first.boundPort();
            UndertowWebSocketServer second = new UndertowWebSocketServer(TestServers.LISTENER,
                    WebSocketListenerConfig.withDefaults("127.0.0.1", taken), new RecordingAcceptor());
            assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + taken);
            second.stop();
        } finally {
            first.stop();
        }
    }

    @Test
    void failsToStartWithMissingTlsFilesNamingThem() {
        WebSocketListenerConfig base = TestServers.config();
        UndertowWebSocketServer server = new UndertowWebSocketServer(TestServers.LISTENER, new WebSocketListenerConfig(
                base.host(), 0, base.path(), 1, 1, 2, List.of(), false,
                Optional.of(new PemTls(Path.of("/nonexistent/cert.pem"), Path.of("/nonexistent/key.pem")))),
                new RecordingAcceptor());

        assertThatThrownBy(server::start).isInstanceOf(IOException.class)
                .hasMessageContaining("wss://127.0.0.1:0/mqtt").hasMessageContaining("/nonexistent/cert.pem");
    }

    @Test
    void stopIsIdempotentAndAStoppedServerCannotRestart() throws Exception {
        UndertowWebSocketServer server = TestServers.start(TestServers.config(), new RecordingAcceptor());
        assertThat(server.boundPort()).isPositive();

        server.stop();
        server.stop();

        assertThatIllegalStateException().isThrownBy(server::boundPort);
        assertThatIllegalStateException().isThrownBy(server::start);
    }

    @Test
    void configRefusesInvalidValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketListenerConfig(
                "h", 1, "mqtt", 0, 1, 2, List.of(), false, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketListenerConfig(
                "h", 70_000, "/mqtt", 0, 1, 2, List.of(), false, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebSocketListenerConfig(
                "h", 1, "/mqtt", 0, 3, 2, List.of(), false, Optional.empty()));
        assertThat(WebSocketListenerConfig.withDefaults("h", 8083).scheme()).isEqualTo("ws");
    }
}
