package dev.tern.testkit.transport;

import static org.assertj.core.api.Assertions.fail;

import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake engine for transport tests: it answers every accepted channel with a {@link
 * RecordingConnection} and lets the test pick those up in order.
 *
 * <p>Threading: {@link #accept} runs on transport (I/O) threads, {@link #next()} and {@link
 * #nothingAccepted()} on the test thread.
 */
public final class RecordingAcceptor implements ConnectionAcceptor {

    private final boolean echo;
    private final BlockingQueue<RecordingConnection> accepted = new LinkedBlockingQueue<>();

    public RecordingAcceptor() {
        this(false);
    }

    /** @param echo whether each connection writes its input back, see {@link RecordingConnection} */
    public RecordingAcceptor(boolean echo) {
        this.echo = echo;
    }

    @Override
    public InboundConnection accept(ClientChannel channel) {
        RecordingConnection connection = new RecordingConnection(channel, echo);
        accepted.add(connection);
        return connection;
    }

    /** The next accepted connection, waiting up to five seconds for it. */
    public RecordingConnection next() {
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

    /** Whether no connection is waiting to be picked up by {@link #next()}. */
    public boolean nothingAccepted() {
        return accepted.isEmpty();
    }
}
