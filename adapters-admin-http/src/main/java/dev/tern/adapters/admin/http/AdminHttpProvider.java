package dev.tern.adapters.admin.http;

import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The admin HTTP listener ({@code admin.http.*}): health, metrics and the admin API for operators,
 * on Undertow's own threads, never on the MQTT event loops. On by default because it binds loopback
 * by default; {@code /metrics} and the API need an API key.
 *
 * <p>Threading: as every provider, used on the starting thread.
 */
public final class AdminHttpProvider implements AdminListenerProvider<AdminHttpProvider.Settings> {

    static final int MAX_PORT = 65_535;

    /**
     * @param certFile with {@code keyFile}: serve HTTPS with this PEM chain, leaf first
     * @param keyFile  the leaf's unencrypted PKCS#8 key
     */
    public record Settings(
            @Setting(defaultValue = "127.0.0.1", description = "address the admin HTTP listener binds to")
            String host,
            @Setting(defaultValue = "8088", min = 0, max = MAX_PORT, description = "admin HTTP port; 0 picks a free port")
            int port,
            @Setting(defaultValue = "none", description = "PEM certificate chain: serve the admin endpoints over HTTPS")
            Optional<Path> certFile,
            @Setting(defaultValue = "none", description = "PEM private key (unencrypted PKCS#8) of cert-file")
            Optional<Path> keyFile) {

        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            if (certFile.isPresent() != keyFile.isPresent()) {
                throw new IllegalArgumentException("cert-file and key-file go together: give both for HTTPS, or neither");
            }
        }
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "admin endpoints over HTTP: /health/live, /health/ready, /metrics and the /api/v1 admin API";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public NetworkListener create(String name, Settings settings, AdminContext context) {
        return new AdminHttpServer(name, settings, new AdminHandler(context));
    }
}
