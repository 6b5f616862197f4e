package dev.tern.examples.unix;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * MQTT over a Unix domain socket ({@code listeners.unix.*}), off by default: local clients reach
 * the broker through a file whose permissions say who may connect, with no port open at all.
 * Linux only (Netty's epoll transport).
 */
public final class UnixSocketListenerProvider implements ListenerProvider<UnixSocketListenerProvider.Settings> {

    static final int MAX_IO_THREADS = 1024;

    /**
     * @param path     the socket file
     * @param fileMode its permissions in octal, applied after bind: {@code 660} lets the owner and
     *                 the group connect
     */
    public record Settings(
            @Setting(defaultValue = "tern.sock", description = "socket file of the MQTT/Unix listener")
            Path path,
            @Setting(defaultValue = "660", description = "permissions of the socket file, in octal")
            String fileMode,
            @Setting(defaultValue = "1", min = 1, max = MAX_IO_THREADS,
                    description = "event loops of the MQTT/Unix listener")
            int ioThreads) {

        public Settings {
            if (path == null || path.toString().isBlank()) {
                throw new IllegalArgumentException("path must name the socket file");
            }
            FileMode.parse(fileMode);
            if (ioThreads < 1 || ioThreads > MAX_IO_THREADS) {
                throw new IllegalArgumentException("io-threads must be 1.." + MAX_IO_THREADS + ": " + ioThreads);
            }
        }

        Set<PosixFilePermission> permissions() {
            return FileMode.parse(fileMode);
        }
    }

    @Override
    public String name() {
        return "unix";
    }

    @Override
    public String description() {
        return "MQTT over a Unix domain socket (example plug-in, Linux)";
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
        return new UnixSocketListener(instanceName, settings.path(), settings.permissions(), settings.ioThreads(),
                acceptor);
    }
}
