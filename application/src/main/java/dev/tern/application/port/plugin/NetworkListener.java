package dev.tern.application.port.plugin;

import java.io.IOException;

/**
 * One running transport endpoint: started after the stored sessions are restored, stopped first
 * at shutdown.
 *
 * <p>Threading: start and stop as in {@link Lifecycle}; address and port from any thread once
 * started.
 */
public interface NetworkListener {

    /** The instance name from the configuration, {@code tcp} or {@code tcp-internal}. */
    String name();

    /** Binds and starts accepting connections. */
    void start() throws IOException;

    /** Where it listens, for the ready line: {@code 127.0.0.1:1883 (epoll)}; valid after start. */
    String address();

    /** The bound port, or -1 for a transport without ports (a Unix socket); valid after start. */
    int port();

    /** Stops accepting and closes every connection it holds. */
    void stop();
}
