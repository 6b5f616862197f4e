package dev.tern.application.port.out;

import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.will.Will;

/**
 * What a store keeps of a session itself; its subscriptions, queue and flows are kept by their
 * own ports.
 *
 * @param will                 the will of the last connection, or null
 * @param disconnectedAtMillis when its last connection ended, or {@link #CONNECTED} while one is open
 */
public record StoredSession(String clientId, SessionExpiry expiry, Will will, long disconnectedAtMillis) {

    public static final long CONNECTED = -1;

    public StoredSession {
        if (clientId == null || expiry == null) {
            throw new IllegalArgumentException("client id and expiry must not be null");
        }
    }
}
