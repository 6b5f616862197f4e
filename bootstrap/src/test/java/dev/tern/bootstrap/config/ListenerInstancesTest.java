package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.tcp.TcpListenerProvider;
import dev.tern.adapters.websocket.SecureWebSocketListenerProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several listeners of one kind, and which listeners' settings are bound at all. */
class ListenerInstancesTest {

    @Test
    void aSecondInstanceOfAKindRunsBesideTheFirstWithItsOwnSettings() {
        BrokerConfig config = Load.withSets("listeners.tcp-internal.type=tcp", "listeners.tcp-internal.port=1884",
                "listeners.tcp-internal.host=10.0.0.1");

        assertThat(config.listeners()).extracting(Chosen::name).containsExactly("tcp", "websocket", "tcp-internal");
        assertThat(config.listeners()).filteredOn(listener -> listener.name().startsWith("tcp"))
                .allSatisfy(listener -> assertThat(listener.provider()).isInstanceOf(TcpListenerProvider.class));
        assertThat(config.listenerSettings("tcp", TcpListenerProvider.Settings.class))
                .contains(new TcpListenerProvider.Settings("127.0.0.1", 1883, 0));
        assertThat(config.listenerSettings("tcp-internal", TcpListenerProvider.Settings.class))
                .contains(new TcpListenerProvider.Settings("10.0.0.1", 1884, 0));
    }

    @Test
    void aDeclaredInstanceRunsEvenWhenItsKindIsOffByDefault() {
        BrokerConfig config = Load.withSets("listeners.wss-2.type=wss",
                "listeners.wss-2.cert-file=/etc/tern/cert.pem", "listeners.wss-2.key-file=/etc/tern/key.pem");

        assertThat(config.listeners()).extracting(Chosen::name).containsExactly("tcp", "websocket", "wss-2");
        assertThat(config.listenerSettings("wss", SecureWebSocketListenerProvider.Settings.class)).isEmpty();
    }

    @Test
    void aDeclaredInstanceCanBeSwitchedOff() {
        BrokerConfig config = Load.withSets("listeners.tcp-internal.type=tcp", "listeners.tcp-internal.enabled=false");

        assertThat(config.listeners()).extracting(Chosen::name).containsExactly("tcp", "websocket");
    }

    @Test
    void anUnknownKindIsRefusedListingTheKinds() {
        assertThatThrownBy(() -> Load.withSets("listeners.udp-1.type=udp"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("listeners.udp-1.type: \"udp\" is not one of ")
                .hasMessageEndingWith(" (from --set)")
                .hasMessageContainingAll("tcp", "tls", "websocket", "wss");
    }

    @Test
    void anInstanceOfAnUnknownKindIsReportedOnceNotKeyByKey() {
        assertThatThrownBy(() -> Load.withSets("listeners.udp-1.type=udp", "listeners.udp-1.port=1",
                "listeners.quic-1.type=quic"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .allSatisfy(problem -> assertThat(problem).contains(".type: ").contains("is not one of")));
    }

    @Test
    void theKeysOfAnUndeclaredInstanceAreUnknown() {
        assertThatThrownBy(() -> Load.withSets("listeners.tcp-internal.port=1884"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key \"listeners.tcp-internal.port\" (from --set)");
    }

    @Test
    void anInstanceDeclaredInTheEnvironmentTakesItsSettingsFromThere() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of()),
                Map.of("TERN_LISTENERS_TCP_2_TYPE", "tcp", "TERN_LISTENERS_TCP_2_PORT", "0"));

        assertThat(config.listeners()).extracting(Chosen::name).contains("tcp-2");
        assertThat(config.listenerSettings("tcp-2", TcpListenerProvider.Settings.class))
                .contains(new TcpListenerProvider.Settings("127.0.0.1", 0, 0));
    }

    @Test
    void aDisabledListenersSettingsAreNotBound() {
        BrokerConfig config = Load.withSets("listeners.wss.enabled=false", "listeners.wss.port=9002");

        assertThat(config.listeners()).extracting(Chosen::name).doesNotContain("wss");
    }

    @Test
    void aDisabledListenersValuesAreStillParsed() {
        assertThatThrownBy(() -> Load.withSets("listeners.wss.port=many"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.wss.port: \"many\" is not a number (from --set)");
    }

    @Test
    void anEnabledWssListenerWithoutItsPemFilesIsRefusedNamingThem() {
        assertThatThrownBy(() -> Load.withSets("listeners.wss.enabled=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("listeners.wss.*: ")
                .hasMessageContaining("cert-file")
                .hasMessageContaining("key-file");
    }

    @Test
    void anEnabledWssListenerWithItsPemFilesIsBound() {
        BrokerConfig config = Load.withSets("listeners.wss.enabled=true",
                "listeners.wss.cert-file=/etc/tern/cert.pem", "listeners.wss.key-file=/etc/tern/key.pem");

        assertThat(config.listenerSettings("wss", SecureWebSocketListenerProvider.Settings.class)).hasValueSatisfying(
                wss -> assertThat(wss.certFile()).contains(Path.of("/etc/tern/cert.pem")));
    }
}
