package dev.tern.testkit.transport;

import dev.tern.application.port.plugin.NetworkListener;
import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * A server that is not (yet) a {@link NetworkListener}, adapted to one for {@link
 * TransportContract}: bound on {@code 127.0.0.1}, started, asked for its port and stopped
 * through the given functions.
 *
 * <p>Threading: as {@link NetworkListener}.
 */
public record LoopbackListener(String name, Start starter, IntSupplier boundPort, Runnable stopper)
        implements NetworkListener {

    public static final String HOST = "127.0.0.1";

    @Override
    public void start() throws IOException {
        starter.run();
    }

    @Override
    public String address() {
        return HOST + ":" + port();
    }

    @Override
    public int port() {
        return boundPort.getAsInt();
    }

    @Override
    public void stop() {
        stopper.run();
    }

    /** Binds and starts the server. */
    @FunctionalInterface
    public interface Start {

        void run() throws IOException;
    }
}
