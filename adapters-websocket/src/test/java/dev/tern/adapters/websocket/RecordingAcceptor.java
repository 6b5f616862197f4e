package dev.tern.adapters.websocket;

import static org.assertj.core.api.Assertions.fail;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake engine that answers every accepted channel with a {@link RecordingConnection}.
 *
 * <p>Threading: {@link #accept} runs on I/O threads, {@link #next()} on the test thread.
 */
final class RecordingAcceptor implements ConnectionAcceptor {

    private final BlockingQueue<RecordingConnection> accepted = new LinkedBlockingQueue<>();

    @Override
    public InboundConnection accept(ClientChannel channel) {
        RecordingConnection connection = new RecordingConnection(channel);
        accepted.add(connection);
        return connection;
    }

    /** The next accepted connection, waiting up to five seconds for it. */
    RecordingConnection next() {
        try {
            RecordingConnection connection = accepted.poll(5, TimeUnit.SECONDS);
            if (connection == null) {
                fail("no connection accepted within 5 s");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean nothingAccepted() {
        return accepted.isEmpty();
    }
}
