package dev.tern.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a transport's graceful {@link ClientChannel#close()} may take. The engine's last packet
 * (a DISCONNECT with a reason, a CONNACK refusal) gets {@code flushTimeout} to reach the socket;
 * then the output is half-closed and whatever the peer still sends is read and thrown away, for at
 * most {@code drainTime} and {@code drainBytes}, before the socket closes. Closing at once would
 * leave the peer's bytes unread, and a kernel that closes a socket with unread input answers with
 * a reset, which can destroy the last packet before the peer reads it.
 *
 * @param flushTimeout how long the last written bytes may take to leave; a peer that stops reading
 *     is cut off after it
 * @param drainTime how long input is discarded after the output is closed
 * @param drainBytes how many bytes of input are discarded before the socket closes anyway
 */
public record CloseLimits(Duration flushTimeout, Duration drainTime, int drainBytes) {

    /**
     * Five seconds for a final packet to reach a slow but live peer; two seconds and 64 KiB of
     * input are far more than a client pipelining packets can have on the way when it is told to
     * go (a window of PUBLISHes, a few PUBRELs, within a round trip), and little for a broker to
     * spend on a client that keeps sending.
     */
    public static final CloseLimits DEFAULT = new CloseLimits(Duration.ofSeconds(5), Duration.ofSeconds(2), 64 * 1024);

    public CloseLimits {
        Objects.requireNonNull(flushTimeout, "flushTimeout");
        Objects.requireNonNull(drainTime, "drainTime");
        if (flushTimeout.isNegative() || drainTime.isNegative() || drainBytes < 0) {
            throw new IllegalArgumentException("close limits must not be negative");
        }
    }
}
