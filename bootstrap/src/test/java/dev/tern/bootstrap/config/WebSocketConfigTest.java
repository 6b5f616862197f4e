package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSocketConfigTest {

    @Test
    void defaultsServeWsOnLoopbackPort8083AndLeaveWssOff() {
        ListenersConfig listeners = BrokerConfig.defaults().listeners();

        assertThat(listeners.websocket())
                .isEqualTo(new WebSocketListenerConfig("127.0.0.1", 8083, "/mqtt", true, List.of(), false));
        assertThat(listeners.wss())
                .isEqualTo(new WssListenerConfig("127.0.0.1", 8084, false, Optional.empty(), Optional.empty()));
        assertThat(listeners.tcp()).isEqualTo(new TcpListenerConfig("127.0.0.1", 1883, true));
    }

    @Test
    void readsEveryWebSocketKey() {
        BrokerConfig config = load(
                "listeners.websocket.host=0.0.0.0", "listeners.websocket.port=9001",
                "listeners.websocket.path=/ws", "listeners.websocket.enabled=false",
                "listeners.websocket.allowed-origins= https://a.example , https://b.example",
                "listeners.websocket.trust-forwarded-for=true",
                "listeners.wss.enabled=true", "listeners.wss.port=9002",
                "listeners.wss.cert-file=/etc/tern/cert.pem", "listeners.wss.key-file=/etc/tern/key.pem");

        assertThat(config.listeners().websocket()).isEqualTo(new WebSocketListenerConfig("0.0.0.0", 9001, "/ws",
                false, List.of("https://a.example", "https://b.example"), true));
        assertThat(config.listeners().wss()).isEqualTo(new WssListenerConfig("127.0.0.1", 9002, true,
                Optional.of(Path.of("/etc/tern/cert.pem")), Optional.of(Path.of("/etc/tern/key.pem"))));
    }

    @Test
    void refusesAPathWithoutLeadingSlash() {
        assertThatThrownBy(() -> load("listeners.websocket.path=mqtt"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.websocket.path: \"mqtt\" is not an HTTP path starting with /");
    }

    @Test
    void refusesWssWithoutItsPemFiles() {
        assertThatThrownBy(() -> load("listeners.wss.enabled=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.wss.cert-file and listeners.wss.key-file are required");
    }

    private static BrokerConfig load(String... settings) {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        return ConfigLoader.load(new CommandLine(Optional.empty(), parsed), Map.of());
    }
}
