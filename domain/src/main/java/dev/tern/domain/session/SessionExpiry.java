package dev.tern.domain.session;

/**
 * How long a session outlives its network connection, in seconds: 0 ends it with the connection,
 * {@link #NEVER_SECONDS} keeps it forever. MQTT 3.1.1 maps Clean Session 1 to 0 and 0 to never.
 */
public record SessionExpiry(long seconds) {

    public static final long NEVER_SECONDS = 0xFFFF_FFFFL;
    public static final SessionExpiry AT_DISCONNECT = new SessionExpiry(0);
    public static final SessionExpiry NEVER = new SessionExpiry(NEVER_SECONDS);

    public SessionExpiry {
        if (seconds < 0 || seconds > NEVER_SECONDS) {
            throw new IllegalArgumentException("session expiry must be 0..4294967295 s: " + seconds);
        }
    }

    public boolean endsAtDisconnect() {
        return seconds == 0;
    }

    public boolean never() {
        return seconds == NEVER_SECONDS;
    }

    /** The epoch millis at which a session disconnected at {@code disconnectedAtMillis} expires. */
    public long expiresAtMillis(long disconnectedAtMillis) {
        return never() ? Long.MAX_VALUE : disconnectedAtMillis + seconds * 1000;
    }

    /** The lower of this and a broker maximum. */
    public SessionExpiry atMost(long maximumSeconds) {
        return seconds <= maximumSeconds ? this : new SessionExpiry(maximumSeconds);
    }
}
