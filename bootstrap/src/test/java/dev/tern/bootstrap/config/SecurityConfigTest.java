package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.tcp.TlsListenerProvider;
import dev.tern.bootstrap.security.AclAuthorizerProvider;
import dev.tern.bootstrap.security.FileAuthenticatorSettings;
import dev.tern.bootstrap.security.WildcardSubscriptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreAnOpenBrokerWithoutTls() {
        BrokerConfig config = Load.withSets();

        assertThat(config.listeners()).extracting(Chosen::name).doesNotContain("tls");
        assertThat(config.authenticator().name()).isEqualTo("file");
        FileAuthenticatorSettings file = file(config);
        assertThat(file.passwordFile()).isEmpty();
        assertThat(file.anonymousAllowed()).isTrue();
        assertThat(file.scramEnabled()).isFalse();
        assertThat(file.useIdentityAsUsername()).isFalse();
        assertThat(file.bruteForceMaxFailures()).isEqualTo(5);
        assertThat(file.banDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.authorizer().name()).isEqualTo("acl");
        assertThat(config.authorizer().settings()).isEqualTo(new AclAuthorizerProvider.Settings(Optional.empty(),
                WildcardSubscriptions.LENIENT));
    }

    @Test
    void wildcardSubscriptionsCanBeMadeStrict() {
        assertThat(acl(Load.withSets("security.acl.wildcard-subscriptions=strict")).wildcardSubscriptions())
                .isEqualTo(WildcardSubscriptions.STRICT);
        assertThatThrownBy(() -> Load.withSets("security.acl.wildcard-subscriptions=loose"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not one of lenient, strict");
    }

    @Test
    void anEnabledTlsListenerDefaultsToLoopbackAndModernProtocols() {
        TlsListenerProvider.Settings tls = tls(Load.withSets("listeners.tls.enabled=true",
                "listeners.tls.cert-file=a.pem", "listeners.tls.key-file=a.key"));

        assertThat(tls.host()).isEqualTo("127.0.0.1");
        assertThat(tls.port()).isEqualTo(8883);
        assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(tls.ciphers()).isEmpty();
        assertThat(tls.clientAuth()).isEqualTo(TlsListenerProvider.ClientAuth.NONE);
    }

    @Test
    void aPasswordFileRefusesAnonymousClientsAndOffersScramUnlessToldOtherwise() {
        String passwords = "security.file.password-file=/etc/tern/passwords";

        assertThat(file(Load.withSets(passwords)).anonymousAllowed()).isFalse();
        assertThat(file(Load.withSets(passwords)).scramEnabled()).isTrue();
        assertThat(file(Load.withSets(passwords, "security.file.allow-anonymous=true")).anonymousAllowed()).isTrue();
        assertThat(file(Load.withSets(passwords, "security.file.scram=false")).scramEnabled()).isFalse();
        assertThat(file(Load.withSets("security.file.allow-anonymous=false")).anonymousAllowed()).isFalse();
    }

    @Test
    void scramCannotBeForcedOnWithoutAPasswordFile() {
        assertThatThrownBy(() -> Load.withSets("security.file.scram=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("security.file.*: scram=true needs password-file");
    }

    @Test
    void readsTheFileAuthenticatorsKeysFromTheEnvironment() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of()), Map.of(
                "TERN_SECURITY_FILE_PASSWORD_FILE", "/etc/tern/passwords",
                "TERN_SECURITY_FILE_USE_IDENTITY_AS_USERNAME", "true",
                "TERN_SECURITY_FILE_BRUTE_FORCE_MAX_FAILURES", "0",
                "TERN_SECURITY_FILE_BRUTE_FORCE_BAN_SECONDS", "600",
                "TERN_SECURITY_ACL_FILE", "/etc/tern/acl"));

        assertThat(file(config)).isEqualTo(new FileAuthenticatorSettings(Optional.of(Path.of("/etc/tern/passwords")),
                AutoSwitch.AUTO, true, AutoSwitch.AUTO, 0, Duration.ofSeconds(600)));
        assertThat(config.authorizer().settings())
                .isEqualTo(new AclAuthorizerProvider.Settings(Optional.of(Path.of("/etc/tern/acl")),
                        WildcardSubscriptions.LENIENT));
    }

    @Test
    void autoSwitchesOnlyAcceptAutoTrueOrFalse() {
        assertThatThrownBy(() -> Load.withSets("security.file.allow-anonymous=maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("security.file.allow-anonymous: \"maybe\" is not one of auto, true, false (from --set)");
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
                security:
                  file:
                    use-identity-as-username: true
                """);

        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.of(file), List.of()), Map.of());
        TlsListenerProvider.Settings tls = tls(config);

        assertThat(tls.port()).isEqualTo(18883);
        assertThat(tls.certFile()).contains(Path.of("/etc/tern/server.pem"));
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.clientAuth()).isEqualTo(TlsListenerProvider.ClientAuth.REQUIRED);
        assertThat(tls.crlFile()).contains(Path.of("/etc/tern/ca.crl"));
        assertThat(file(config).useIdentityAsUsername()).isTrue();
    }

    @Test
    void theOldPlaceOfUseIdentityAsUsernameIsUnknown() {
        assertThatThrownBy(() -> Load.withSets("listeners.tls.use-identity-as-username=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key \"listeners.tls.use-identity-as-username\" (from --set)");
    }

    @Test
    void anEnabledTlsListenerNeedsKeyMaterialAndACaForClientCertificates() {
        assertThatThrownBy(() -> Load.withSets("listeners.tls.enabled=true"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tls.*: TLS needs cert-file and key-file, or pkcs12-file instead");
        assertThatThrownBy(() -> Load.withSets("listeners.tls.enabled=true", "listeners.tls.cert-file=a.pem",
                "listeners.tls.key-file=a.key", "listeners.tls.pkcs12-file=a.p12"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("or pkcs12-file instead");
        assertThatThrownBy(() -> Load.withSets("listeners.tls.enabled=true", "listeners.tls.cert-file=a.pem",
                "listeners.tls.key-file=a.key", "listeners.tls.client-auth=required"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("listeners.tls.*: client-auth required needs ca-file");
        assertThatThrownBy(() -> Load.withSets("listeners.tls.enabled=true", "listeners.tls.pkcs12-file=a.p12",
                "listeners.tls.crl-file=a.crl"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("crl-file needs ca-file");
        assertThatThrownBy(() -> Load.withSets("listeners.tls.client-auth=sometimes"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("none, optional, required");
    }

    @Test
    void aDisabledTlsListenerNeedsNoKeyMaterial() {
        assertThat(Load.withSets("listeners.tls.client-auth=required").listeners())
                .extracting(Chosen::name).doesNotContain("tls");
    }

    @Test
    void neverPrintsThePkcs12Password() {
        BrokerConfig config = Load.withSets("listeners.tls.enabled=true", "listeners.tls.pkcs12-file=a.p12",
                "listeners.tls.pkcs12-password=hunter2");

        assertThat(tls(config).pkcs12Password()).contains("hunter2");
        assertThat(tls(config).toString()).doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    private static AclAuthorizerProvider.Settings acl(BrokerConfig config) {
        return (AclAuthorizerProvider.Settings) config.authorizer().settings();
    }

    private static FileAuthenticatorSettings file(BrokerConfig config) {
        return (FileAuthenticatorSettings) config.authenticator().settings();
    }

    private static TlsListenerProvider.Settings tls(BrokerConfig config) {
        return config.listenerSettings("tls", TlsListenerProvider.Settings.class).orElseThrow();
    }
}
