package dev.tern.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** Something that happened in the broker, as a {@link BrokerEventListener} sees it. */
public sealed interface BrokerEvent {

    /** When it happened, by the broker's clock. */
    Instant at();

    /** The client it concerns. */
    String clientId();

    /**
     * A client's CONNECT was accepted.
     *
     * @param username             null when none was given
     * @param remoteAddress        as the transport names the peer, usually {@code host:port}
     * @param protocolVersion      3 (3.1), 4 (3.1.1) or 5
     * @param sessionPresent       whether an earlier session was resumed
     * @param keepAliveSeconds     the keep alive in force (the Server Keep Alive when the broker lowered it); 0 = none
     * @param cleanStart           Clean Start (MQTT 3.1.1: Clean Session) as the client asked
     * @param sessionExpirySeconds the Session Expiry Interval granted; 0 ends the session with the
     *                             connection, 4294967295 never (MQTT 3.1.1 without Clean Session)
     */
    record ClientConnected(Instant at, String clientId, String username, String remoteAddress, int protocolVersion,
            boolean sessionPresent, int keepAliveSeconds, boolean cleanStart, long sessionExpirySeconds)
            implements BrokerEvent {

        public ClientConnected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /**
     * A connected client's connection ended.
     *
     * @param reason          why, in a few words: {@code client disconnected}, {@code keep alive timeout},
     *                        {@code taken over}, {@code protocol error: ...}
     * @param username        as in the connection's {@link ClientConnected}: null when none was given
     * @param remoteAddress   as in the connection's {@link ClientConnected}
     * @param protocolVersion as in the connection's {@link ClientConnected}
     */
    record ClientDisconnected(Instant at, String clientId, String reason, String username, String remoteAddress,
            int protocolVersion) implements BrokerEvent {

        public ClientDisconnected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A client subscribed to {@code filter} (as sent, {@code $share/...} included) with this maximum QoS. */
    record Subscribed(Instant at, String clientId, String filter, int qos) implements BrokerEvent {

        public Subscribed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** A client removed its subscription to {@code filter}. */
    record Unsubscribed(Instant at, String clientId, String filter) implements BrokerEvent {

        public Unsubscribed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * A message was accepted for routing, after authorization. The broker's own {@code $SYS}
     * messages are not reported.
     *
     * @param clientId the publisher (a will's owner for a will)
     */
    record MessagePublished(Instant at, String clientId, String topic, int qos, boolean retain, int payloadBytes)
            implements BrokerEvent {

        public MessagePublished {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /**
     * A message was not delivered to a client.
     *
     * @param clientId the client that did not get it
     * @param reason   why: {@code queue full}, {@code too large for client}, {@code expired}, {@code not authorized}
     */
    record MessageDropped(Instant at, String clientId, String topic, String reason) implements BrokerEvent {

        public MessageDropped {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A disconnected session reached its expiry and was removed with everything queued for it. */
    record SessionExpired(Instant at, String clientId) implements BrokerEvent {

        public SessionExpired {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(clientId, "clientId");
        }
    }
}
