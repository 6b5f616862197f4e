package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.websocket.SecureWebSocketListenerProvider;
import dev.tern.adapters.websocket.WebSocketListenerProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSocketConfigTest {

    @Test
    void defaultsServeWsOnLoopbackPort8083AndLeaveWssOff() {
        BrokerConfig config = BrokerConfig.defaults();

        assertThat(config.listenerSettings("websocket", WebSocketListenerProvider.Settings.class))
                .contains(new WebSocketListenerProvider.Settings("127.0.0.1", 8083, "/mqtt", List.of(), false));
        assertThat(config.listenerSettings("wss", SecureWebSocketListenerProvider.Settings.class)).isEmpty();
    }

    @Test
    void readsEveryWebSocketKey() {
        BrokerConfig config = Load.withSets(
                "listeners.websocket.host=0.0.0.0", "listeners.websocket.port=9001",
                "listeners.websocket.path=/ws",
                "listeners.websocket.allowed-origins= https://a.example , https://b.example",
                "listeners.websocket.trust-forwarded-for=true",
                "listeners.wss.enabled=true", "listeners.wss.port=9002", "listeners.wss.path=/secure",
                "listeners.wss.allowed-origins=https://c.example", "listeners.wss.trust-forwarded-for=true",
                "listeners.wss.cert-file=/etc/tern/cert.pem", "listeners.wss.key-file=/etc/tern/key.pem");

        assertThat(config.listenerSettings("websocket", WebSocketListenerProvider.Settings.class))
                .contains(new WebSocketListenerProvider.Settings("0.0.0.0", 9001, "/ws",
                        List.of("https://a.example", "https://b.example"), true));
        assertThat(config.listenerSettings("wss", SecureWebSocketListenerProvider.Settings.class))
                .contains(new SecureWebSocketListenerProvider.Settings("127.0.0.1", 9002, "/secure",
                        List.of("https://c.example"), true, Optional.of(Path.of("/etc/tern/cert.pem")),
                        Optional.of(Path.of("/etc/tern/key.pem"))));
    }

    @Test
    void aDisabledWsListenerIsNotListed() {
        assertThat(Load.withSets("listeners.websocket.enabled=false").listeners())
                .extracting(Chosen::name).containsExactly("tcp");
    }

    @Test
    void refusesAPathWithoutLeadingSlash() {
        assertThatThrownBy(() -> Load.withSets("listeners.websocket.path=mqtt"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.websocket.*: path is not an HTTP path starting with /: mqtt");
    }

    @Test
    void refusesWssWithoutItsPemFiles() {
        assertThatThrownBy(() -> Load.withSets("listeners.wss.enabled=true",
                "listeners.wss.cert-file=/etc/tern/cert.pem"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.wss.*: wss needs both cert-file and key-file");
    }
}
