package dev.tern.domain.will;

import dev.tern.domain.message.ApplicationMessage;

/**
 * A will message and when it fires: published when the network connection closes without a
 * normal DISCONNECT, after {@code delaySeconds} (MQTT 5 Will Delay Interval; 0 in 3.1.1) or when
 * the session ends, whichever comes first.
 */
public record Will(ApplicationMessage message, long delaySeconds) {
    public Will {
        if (message == null || delaySeconds < 0 || delaySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("will needs a message and a delay of 0..4294967295 s");
        }
    }

    /** Seconds after the connection closed at which the will is published, given the session's expiry. */
    public long firesAfterSeconds(long sessionExpirySeconds) {
        return Math.min(delaySeconds, sessionExpirySeconds);
    }
}
