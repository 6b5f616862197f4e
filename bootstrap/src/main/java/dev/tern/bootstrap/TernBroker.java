package dev.tern.bootstrap;

import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.bootstrap.config.BrokerConfig;
import java.io.IOException;
import java.time.Clock;

/**
 * A running broker: what {@link Main} starts, and what tests and embedders start in-process.
 *
 * <p>Threading: thread-safe.
 */
public final class TernBroker implements AutoCloseable {

    private final BrokerLifecycle lifecycle;

    private TernBroker(BrokerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public static TernBroker start(BrokerConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    public static TernBroker start(BrokerConfig config, Clock clock) throws IOException {
        return start(config, clock, EnhancedAuthenticators.NONE);
    }

    /** Starts a broker that offers these MQTT 5 enhanced authentication methods (4.12). */
    public static TernBroker start(BrokerConfig config, Clock clock, EnhancedAuthenticators authenticators)
            throws IOException {
        BrokerLifecycle lifecycle;
        try {
            lifecycle = DaggerBrokerComponent.factory().create(config, clock, authenticators).lifecycle();
        } catch (StorageStartException e) {
            throw new IOException(e.getMessage(), e);
        }
        lifecycle.start();
        return new TernBroker(lifecycle);
    }

    public int tcpPort() {
        return lifecycle.port("tcp");
    }

    /** The bound port of the MQTT-over-TLS listener ({@code listeners.tls.enabled}). */
    public int tlsPort() {
        return lifecycle.port("tls");
    }

    /** The bound port of the {@code ws://} listener. */
    public int webSocketPort() {
        return lifecycle.port("websocket");
    }

    /** The bound port of the {@code wss://} listener. */
    public int secureWebSocketPort() {
        return lifecycle.port("wss");
    }

    @Override
    public void close() {
        lifecycle.stop();
    }
}
