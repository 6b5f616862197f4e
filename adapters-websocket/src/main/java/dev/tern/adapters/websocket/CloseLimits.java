package dev.tern.adapters.websocket;

import java.time.Duration;
import java.util.Objects;

/**
 * How long ending a WebSocket may take. The engine's last packet and the close frame behind it get
 * {@code flushTimeout} to reach the socket (Undertow half-closes the output after the close frame);
 * then whatever the peer still sends is read and thrown away until its close frame or end of
 * stream, for at most {@code drainTime} and {@code drainBytes}, before the socket closes. Closing
 * at once would leave the peer's bytes unread, and a kernel that closes a socket with unread input
 * answers with a reset, which can destroy the last packet before the peer reads it.
 *
 * @param flushTimeout how long the last written bytes and the close frame may take to leave
 * @param drainTime how long input is discarded after the close frame went out
 * @param drainBytes how many bytes of message data are discarded before the socket closes anyway
 */
record CloseLimits(Duration flushTimeout, Duration drainTime, int drainBytes) {

    /** As for TCP: five seconds to flush; two seconds and 64 KiB of input to drain. */
    static final CloseLimits DEFAULT = new CloseLimits(Duration.ofSeconds(5), Duration.ofSeconds(2), 64 * 1024);

    CloseLimits {
        Objects.requireNonNull(flushTimeout, "flushTimeout");
        Objects.requireNonNull(drainTime, "drainTime");
        if (flushTimeout.isNegative() || drainTime.isNegative() || drainBytes < 0) {
            throw new IllegalArgumentException("close limits must not be negative");
        }
    }
}
