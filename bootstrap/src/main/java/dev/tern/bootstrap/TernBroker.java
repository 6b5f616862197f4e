package dev.tern.bootstrap;

import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.StorageBackend;
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
        if (config.storage().backend() != StorageBackend.MEMORY) {
            throw new IOException("storage.backend " + config.storage().backend().configName()
                    + " is not available yet; use storage.backend=memory");
        }
        BrokerLifecycle lifecycle = DaggerBrokerComponent.factory().create(config, clock).lifecycle();
        lifecycle.start();
        return new TernBroker(lifecycle);
    }

    public int tcpPort() {
        return lifecycle.port("tcp");
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
