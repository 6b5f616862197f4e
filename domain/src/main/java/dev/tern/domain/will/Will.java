package dev.tern.domain.will;

import dev.tern.domain.message.ApplicationMessage;

/**
 * A will message, its Message Expiry Interval, and when it fires: published when the network connection closes without a
 * normal DISCONNECT, after {@code delaySeconds} (MQTT 5 Will Delay Interval; 0 in 3.1.1) or when
 * the session ends, whichever comes first.
 */
public record Will(ApplicationMessage message, long delaySeconds, long messageExpirySeconds) {

    /** {@code messageExpirySeconds} when the will message has no Message Expiry Interval. */
    public static final long NO_EXPIRY = -1;

    public Will {
        if (message == null || delaySeconds < 0 || delaySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("will needs a message and a delay of 0..4294967295 s");
        }
        if (messageExpirySeconds < NO_EXPIRY || messageExpirySeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("will message expiry must be 0..4294967295 s or NO_EXPIRY");
        }
    }

    public Will(ApplicationMessage message, long delaySeconds) {
        this(message, delaySeconds, NO_EXPIRY);
    }

    /** The message as published at {@code nowMillis}: its expiry counts from then (3.1.3.2.4). */
    public ApplicationMessage messageAt(long nowMillis) {
        if (messageExpirySeconds == NO_EXPIRY) {
            return message;
        }
        return new ApplicationMessage(message.topic(), message.payload(), message.qos(), message.retain(),
                message.properties(), message.publisherId(), nowMillis + messageExpirySeconds * 1000);
    }

    /** Seconds after the connection closed at which the will is published, given the session's expiry. */
    public long firesAfterSeconds(long sessionExpirySeconds) {
        return Math.min(delaySeconds, sessionExpirySeconds);
    }
}
