package dev.tern.bootstrap;

import dev.tern.application.embedded.InProcessClient;
import dev.tern.application.embedded.InProcessClientOptions;
import dev.tern.application.port.in.ConnectionAcceptor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens in-process clients: two daemon threads each, one owning the connection as a transport's
 * event loop would, one running the subscription callbacks, so that a slow callback stalls only
 * its own client. Both stop when the connection ends.
 *
 * <p>Threading: stateless; {@link #open} may be called from any thread and blocks until CONNACK.
 */
final class InProcessClients {

    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    private InProcessClients() {
    }

    /** @throws dev.tern.application.embedded.RefusedByBrokerException when the broker refuses the CONNECT */
    static InProcessClient open(ConnectionAcceptor acceptor, InProcessClientOptions options) {
        ScheduledTaskExecutor connection = new ScheduledTaskExecutor("tern-in-process-" + options.clientId());
        ScheduledTaskExecutor callbacks = new ScheduledTaskExecutor("tern-callbacks-" + options.clientId());
        Runnable stop = () -> {
            callbacks.stopWhenIdle();
            connection.stopWhenIdle();
        };
        try {
            return InProcessClient.connect(acceptor, options, connection, callbacks, stop).toCompletableFuture()
                    .get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            stop.run();
            throw new IllegalStateException("no CONNACK for in-process client " + options.clientId()
                    + " within " + CONNECT_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
            throw new IllegalStateException("interrupted while connecting " + options.clientId(), e);
        }
    }
}
