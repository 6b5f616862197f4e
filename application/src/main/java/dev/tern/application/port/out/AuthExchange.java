package dev.tern.application.port.out;

/**
 * One authentication conversation with a client: each AUTH (or the CONNECT) the client sends is
 * one {@link #step}, answered by the next {@link AuthStep}.
 *
 * <p>Threading: confined to the connection's event loop; steps never overlap.
 */
public interface AuthExchange {

    /** The client's next Authentication Data, or null when it sent none. */
    AuthStep step(byte[] clientData);
}
