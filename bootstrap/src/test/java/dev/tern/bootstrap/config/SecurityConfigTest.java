package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreAnOpenLoopbackBrokerWithoutTls() {
        BrokerConfig config = load();

        TlsListenerConfig tls = config.listeners().tls();
        assertThat(tls.enabled()).isFalse();
        assertThat(tls.host()).isEqualTo("127.0.0.1");
        assertThat(tls.port()).isEqualTo(8883);
        assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(tls.ciphers()).isEmpty();
        assertThat(tls.clientAuth()).isEqualTo(TlsClientAuth.NONE);
        assertThat(tls.useIdentityAsUsername()).isFalse();
        SecurityConfig security = config.security();
        assertThat(security.anonymousAllowed()).isTrue();
        assertThat(security.scramEnabled()).isFalse();
        assertThat(security.bruteForceMaxFailures()).isEqualTo(5);
        assertThat(security.banDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(security.authenticator()).isEqualTo("file");
        assertThat(security.authorizer()).isEqualTo("acl");
    }

    @Test
    void aPasswordFileRefusesAnonymousClientsAndOffersScramUnlessToldOtherwise() {
        assertThat(load("security.password-file=/etc/tern/passwords").security().anonymousAllowed()).isFalse();
        assertThat(load("security.password-file=/etc/tern/passwords").security().scramEnabled()).isTrue();
        assertThat(load("security.password-file=/etc/tern/passwords", "security.allow-anonymous=true")
                .security().anonymousAllowed()).isTrue();
        assertThat(load("security.password-file=/etc/tern/passwords", "security.scram.enabled=false")
                .security().scramEnabled()).isFalse();
        assertThat(load("security.allow-anonymous=false").security().anonymousAllowed()).isFalse();
    }

    @Test
    void readsTheTlsListenerFromYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("tern.yaml"), """
                listeners:
                  tls:
                    enabled: true
                    port: 18883
                    cert-file: /etc/tern/server.pem
                    key-file: /etc/tern/server.key
                    protocols: TLSv1.3
                    client-auth: required
                    ca-file: /etc/tern/ca.pem
                    crl-file: /etc/tern/ca.crl
                    use-identity-as-username: true
                """);

        TlsListenerConfig tls = ConfigLoader.load(new CommandLine(Optional.of(file), List.of()), Map.of())
                .listeners().tls();

        assertThat(tls.enabled()).isTrue();
        assertThat(tls.port()).isEqualTo(18883);
        assertThat(tls.certFile()).contains(Path.of("/etc/tern/server.pem"));
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.clientAuth()).isEqualTo(TlsClientAuth.REQUIRED);
        assertThat(tls.crlFile()).contains(Path.of("/etc/tern/ca.crl"));
        assertThat(tls.useIdentityAsUsername()).isTrue();
    }

    @Test
    void anEnabledTlsListenerNeedsKeyMaterialAndACaForClientCertificates() {
        assertThatThrownBy(() -> load("listeners.tls.enabled=true"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cert-file and key-file, or pkcs12-file");
        assertThatThrownBy(() -> load("listeners.tls.enabled=true", "listeners.tls.cert-file=a.pem",
                "listeners.tls.key-file=a.key", "listeners.tls.client-auth=required"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs listeners.tls.ca-file");
        assertThatThrownBy(() -> load("listeners.tls.client-auth=sometimes"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("none, optional, required");
    }

    @Test
    void neverPrintsThePkcs12Password() {
        BrokerConfig config = load("listeners.tls.pkcs12-password=hunter2");

        assertThat(config.listeners().tls().toString()).doesNotContain("hunter2");
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
