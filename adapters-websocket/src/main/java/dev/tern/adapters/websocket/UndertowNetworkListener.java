package dev.tern.adapters.websocket;

import dev.tern.application.port.plugin.NetworkListener;
import java.io.IOException;
import java.util.Objects;

/**
 * One {@link UndertowWebSocketServer} as the broker runs a listener: named by its configured
 * instance and shown on the ready line as {@code host:port}.
 *
 * <p>Threading: as {@link NetworkListener}; the server guards its own state, so this class holds
 * none of its own beyond final fields.
 */
final class UndertowNetworkListener implements NetworkListener {

    private final String name;
    private final String host;
    private final UndertowWebSocketServer server;

    UndertowNetworkListener(String name, String host, UndertowWebSocketServer server) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
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
        return host + ":" + server.boundPort();
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
