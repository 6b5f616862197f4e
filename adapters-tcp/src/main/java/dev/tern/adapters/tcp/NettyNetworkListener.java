package dev.tern.adapters.tcp;

import dev.tern.application.port.plugin.NetworkListener;
import java.io.IOException;
import java.util.Objects;

/**
 * One {@link NettyTcpServer} as the broker runs a listener: named by its configured instance and
 * described on the ready line as {@code host:port (detail)}.
 *
 * <p>Threading: as {@link NetworkListener}; the server guards its own state, so this class holds
 * none of its own beyond final fields.
 */
final class NettyNetworkListener implements NetworkListener {

    private final String name;
    private final String host;
    private final String detail;
    private final NettyTcpServer server;

    /** @param detail what the ready line says in parentheses after the address */
    NettyNetworkListener(String name, String host, String detail, NettyTcpServer server) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        server.start();
    }

    @Override
    public String address() {
        return host + ":" + server.boundPort() + " (" + detail + ")";
    }

    @Override
    public int port() {
        return server.boundPort();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
