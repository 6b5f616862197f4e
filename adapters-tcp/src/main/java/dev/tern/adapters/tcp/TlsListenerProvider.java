package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.plugin.ListenerContext;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * MQTT over TLS ({@code listeners.tls.*}), off by default because it needs key material. The ready
 * line shows the address and how client certificates are treated:
 * {@code 127.0.0.1:8883 (client certificates required)}.
 *
 * <p>Threading: as every provider, created by {@link java.util.ServiceLoader} and asked only on
 * the thread that starts the broker.
 */
public final class TlsListenerProvider implements ListenerProvider<TlsListenerProvider.Settings> {

    /** The word that asks for the library's defaults instead of a list of names. */
    private static final List<String> LIBRARY_DEFAULTS = List.of("default");

    /** Whether the listener asks clients for a certificate. */
    public enum ClientAuth {
        /** No client certificate is requested. */
        NONE,
        /** A certificate is requested and verified when sent; clients without one still connect. */
        OPTIONAL,
        /** Mutual TLS: a valid client certificate is required. */
        REQUIRED;

        /** As written in the configuration: {@code none}, {@code optional}, {@code required}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Settings of one TLS listener: key material as {@code cert-file} with {@code key-file} (PEM),
     * or as {@code pkcs12-file}, never both. Whether a verified certificate's name becomes the user
     * name is not a listener setting: the security configuration decides it.
     *
     * @param protocols enabled TLS versions; {@code default} (or empty) for TLSv1.3 and TLSv1.2
     * @param ciphers enabled cipher suites; {@code default} (or empty) for the JDK's
     * @param caFile required unless {@code clientAuth} is {@link ClientAuth#NONE}
     * @param crlFile needs {@code caFile}: it revokes client certificates
     * @param maxConnections connections this listener holds at once; more are closed at accept,
     *     before the TLS handshake
     * @param maxConnectionsPerSecond new connections accepted per second; beyond it accepting pauses
     */
    public record Settings(
            @Setting(defaultValue = "127.0.0.1", description = "address the MQTT/TLS listener binds to")
            String host,
            @Setting(defaultValue = "8883", min = 0, max = ListenAddress.MAX_PORT,
                    description = "MQTT/TLS port; 0 picks a free port")
            int port,
            @Setting(defaultValue = "none", description = "PEM certificate chain of the server, its own certificate first")
            Optional<Path> certFile,
            @Setting(defaultValue = "none", description = "PEM (PKCS#8) private key of cert-file")
            Optional<Path> keyFile,
            @Setting(defaultValue = "none",
                    description = "PKCS#12 keystore with key and chain, instead of cert-file and key-file")
            Optional<Path> pkcs12File,
            @Setting(defaultValue = "none", description = "password of pkcs12-file")
            Optional<String> pkcs12Password,
            @Setting(defaultValue = "TLSv1.3,TLSv1.2", description = "enabled TLS versions, comma-separated")
            List<String> protocols,
            @Setting(defaultValue = "default", description = "enabled cipher suites, comma-separated; default = the JDK's")
            List<String> ciphers,
            @Setting(defaultValue = "none", description = "client certificates: none, optional or required (mutual TLS)")
            ClientAuth clientAuth,
            @Setting(defaultValue = "none", description = "PEM bundle of the CAs that sign client certificates")
            Optional<Path> caFile,
            @Setting(defaultValue = "none",
                    description = "certificate revocation list (PEM or DER) checked for client certificates")
            Optional<Path> crlFile,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_HELP)
            int maxConnections,
            @Setting(defaultValue = "0", min = 0, max = Integer.MAX_VALUE,
                    description = ListenerLimits.MAX_CONNECTIONS_PER_SECOND_HELP)
            int maxConnectionsPerSecond) {

        public Settings {
            ListenAddress.check(host, port);
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(pkcs12File, "pkcs12File");
            Objects.requireNonNull(pkcs12Password, "pkcs12Password");
            Objects.requireNonNull(clientAuth, "clientAuth");
            Objects.requireNonNull(caFile, "caFile");
            Objects.requireNonNull(crlFile, "crlFile");
            protocols = orLibraryDefaults(protocols);
            ciphers = orLibraryDefaults(ciphers);
            boolean pem = certFile.isPresent() && keyFile.isPresent();
            if (pem == pkcs12File.isPresent() || certFile.isPresent() != keyFile.isPresent()) {
                throw new IllegalArgumentException("TLS needs cert-file and key-file, or pkcs12-file instead");
            }
            if (clientAuth != ClientAuth.NONE && caFile.isEmpty()) {
                throw new IllegalArgumentException("client-auth " + clientAuth.configName() + " needs ca-file");
            }
            if (crlFile.isPresent() && caFile.isEmpty()) {
                throw new IllegalArgumentException("crl-file needs ca-file: it revokes client certificates");
            }
            new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }

        ListenerLimits limits() {
            return new ListenerLimits(maxConnections, maxConnectionsPerSecond);
        }

        /** Leaves the password out, so that logging the settings cannot leak it. */
        @Override
        public String toString() {
            return "TlsListenerProvider.Settings[host=" + host + ", port=" + port + ", certFile=" + certFile
                    + ", keyFile=" + keyFile + ", pkcs12File=" + pkcs12File + ", protocols=" + protocols
                    + ", ciphers=" + ciphers + ", clientAuth=" + clientAuth.configName() + ", caFile=" + caFile
                    + ", crlFile=" + crlFile + ", maxConnections=" + maxConnections
                    + ", maxConnectionsPerSecond=" + maxConnectionsPerSecond + "]";
        }

        /** Empty for the library's defaults, which TlsConfig and the JDK fill in. */
        private static List<String> orLibraryDefaults(List<String> names) {
            return LIBRARY_DEFAULTS.equals(names) ? List.of() : List.copyOf(names);
        }
    }

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public String description() {
        return "MQTT over TLS, with optional client certificates";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ConnectionAcceptor acceptor) {
        return create(instanceName, settings, new ListenerContext(acceptor, ConnectionAdmission.UNLIMITED));
    }

    @Override
    public NetworkListener create(String instanceName, Settings settings, ListenerContext context) {
        NettyTcpServer server = new NettyTcpServer(instanceName,
                TcpListenerConfig.withDefaults(settings.host(), settings.port()), tlsConfig(settings),
                context.acceptor(), Admittance.of(instanceName, settings.limits(), context.admission()));
        return new NettyNetworkListener(instanceName, settings.host(),
                "client certificates " + settings.clientAuth().configName(), server);
    }

    private static TlsConfig tlsConfig(Settings settings) {
        TlsConfig.ClientAuth clientAuth = switch (settings.clientAuth()) {
            case NONE -> TlsConfig.ClientAuth.NONE;
            case OPTIONAL -> TlsConfig.ClientAuth.OPTIONAL;
            case REQUIRED -> TlsConfig.ClientAuth.REQUIRE;
        };
        return new TlsConfig(settings.certFile().orElse(null), settings.keyFile().orElse(null),
                settings.pkcs12File().orElse(null), settings.pkcs12Password().map(String::toCharArray).orElse(null),
                settings.protocols(), settings.ciphers(), clientAuth, settings.caFile().orElse(null),
                settings.crlFile().orElse(null));
    }
}
