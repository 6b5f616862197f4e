package dev.tern.application.protocol.limit;

import dev.tern.application.port.out.ClientChannel;

/**
 * Whether a connection reads from its socket. Two reasons may hold it paused, independently: its
 * own rate limit and the broker's overload protection; it reads again only when neither does, and
 * the transport is told only of changes.
 *
 * <p>Threading: confined to the connection's thread ({@code channel.executor()}).
 */
public final class ReadGate {

    private final ClientChannel channel;
    private final Runnable onResume;
    private boolean overRate;
    private boolean overloaded;
    private boolean closed;

    /** @param onResume runs each time reading resumes (the keep alive timer starts counting again) */
    public ReadGate(ClientChannel channel, Runnable onResume) {
        this.channel = channel;
        this.onResume = onResume;
    }

    /** Pauses or resumes reading for the client's own rate limit. */
    public void overRate(boolean paused) {
        boolean before = paused();
        overRate = paused;
        changed(before);
    }

    /** Pauses or resumes reading for the broker's overload protection. */
    public void overloaded(boolean paused) {
        boolean before = paused();
        overloaded = paused;
        changed(before);
    }

    public boolean overloaded() {
        return overloaded;
    }

    /** The connection is closing: the transport is not asked to read again. */
    public void close() {
        closed = true;
    }

    /** Whether the connection is not being read from, for either reason. */
    public boolean paused() {
        return overRate || overloaded;
    }

    private void changed(boolean before) {
        boolean now = paused();
        if (now == before || closed) {
            return;
        }
        if (now) {
            channel.pauseReading();
        } else {
            channel.resumeReading();
            onResume.run();
        }
    }
}
