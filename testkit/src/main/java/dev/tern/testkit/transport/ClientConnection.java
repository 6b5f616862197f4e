package dev.tern.testkit.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The client end of one connection to a listener under test, as raw bytes: what a transport's
 * framing (WebSocket, TLS) carries, not the framing itself.
 *
 * <p>Each {@link OutputStream#write(byte[], int, int)} call on {@link #output()} is sent as one
 * unit (one TCP write, one WebSocket message). {@link #input()} yields the bytes the broker side
 * wrote, in order, and end of stream (-1) once the broker side closed; a read blocks at most a few
 * seconds, then throws an {@link IOException}. The client reads only when the test reads: while
 * the test does not, the broker side must back up.
 *
 * <p>Threading: used from the test's thread only.
 */
public interface ClientConnection extends AutoCloseable {

    OutputStream output();

    InputStream input();

    /** Closes the connection from the client side. */
    @Override
    void close() throws IOException;
}
