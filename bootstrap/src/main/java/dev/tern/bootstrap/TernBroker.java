package dev.tern.bootstrap;

import dev.tern.application.embedded.InProcessClient;
import dev.tern.application.embedded.InProcessClientOptions;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.bootstrap.config.BrokerConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

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
        return start(config, clock, EmbeddedAdapters.NONE);
    }

    /** Starts a broker that also offers these MQTT 5 enhanced authentication methods (4.12). */
    public static TernBroker start(BrokerConfig config, Clock clock, List<EnhancedAuthenticator> enhancedMethods)
            throws IOException {
        return start(config, clock, new EmbeddedAdapters(null, null, null, enhancedMethods, List.of()));
    }

    static TernBroker start(BrokerConfig config, Clock clock, EmbeddedAdapters embedded) throws IOException {
        BrokerLifecycle lifecycle;
        try {
            lifecycle = BrokerAssembly.assemble(config, clock, embedded);
        } catch (StorageOpenException e) {
            throw new IOException(e.getMessage(), e);
        }
        lifecycle.start();
        return new TernBroker(lifecycle);
    }

    /**
     * The bound port of the listener instance of that name ({@code tcp}, {@code websocket}, ...), or
     * of an admin listener ({@code admin-http}).
     */
    public int port(String listenerName) {
        return lifecycle.port(listenerName);
    }

    /** The names of the running listener instances. */
    public List<String> listenerNames() {
        return lifecycle.listenerNames();
    }

    /**
     * Connects an in-process client under this client id, anonymously; see {@link
     * #client(InProcessClientOptions)}.
     */
    public InProcessClient client(String clientId) {
        return client(InProcessClientOptions.of(clientId));
    }

    /**
     * Connects an in-process client: publishing and subscribing from this process through the same
     * path as a network client (authentication, authorization, routing, flow control). Blocks until
     * CONNACK; close the client to end its session. The broker's close ends it too.
     *
     * @throws dev.tern.application.embedded.RefusedByBrokerException when the broker refuses the CONNECT
     */
    public InProcessClient client(InProcessClientOptions options) {
        return InProcessClients.open(lifecycle.acceptor(), options);
    }

    @Override
    public void close() {
        lifecycle.stop();
    }
}
