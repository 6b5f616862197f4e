package dev.tern.application.sys;

import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.service.DeliveryCounters;
import dev.tern.application.session.SessionRegistry;

/**
 * The figures the {@code $SYS} topics report, read at each tick. Counts since start only grow;
 * the others are the state now.
 *
 * <p>Threading: thread-safe; every read may be a moment stale.
 */
public interface BrokerStatistics {

    /** Clients connected now. */
    long clientsConnected();

    /** Sessions the broker holds, connected or not. */
    long sessions();

    /** The most clients connected at once since start. */
    long clientsMaximum();

    /** CONNECTs accepted since start. */
    long connections();

    /** Packets of any type received since start. */
    long messagesReceived();

    /** Packets of any type sent since start. */
    long messagesSent();

    long publishReceived();

    long publishSent();

    long bytesReceived();

    long bytesSent();

    /** Messages not delivered to a client since start; those that matched no subscription are not counted. */
    long publishDropped();

    long retainedMessages();

    long subscriptions();

    /** The live broker's figures. */
    static BrokerStatistics of(BrokerCounters counters, DeliveryCounters drops, SessionRegistry sessions,
            RetainedMessages retained, SubscriptionIndex subscriptions) {
        return new BrokerStatistics() {
            @Override
            public long clientsConnected() {
                return counters.connected();
            }

            @Override
            public long sessions() {
                return sessions.size();
            }

            @Override
            public long clientsMaximum() {
                return counters.maximumConnected();
            }

            @Override
            public long connections() {
                return counters.connections();
            }

            @Override
            public long messagesReceived() {
                return counters.packetsReceived();
            }

            @Override
            public long messagesSent() {
                return counters.packetsSent();
            }

            @Override
            public long publishReceived() {
                return counters.publishesReceived();
            }

            @Override
            public long publishSent() {
                return counters.publishesSent();
            }

            @Override
            public long bytesReceived() {
                return counters.bytesReceived();
            }

            @Override
            public long bytesSent() {
                return counters.bytesSent();
            }

            @Override
            public long publishDropped() {
                return drops.totalDrops();
            }

            @Override
            public long retainedMessages() {
                return retained.size();
            }

            @Override
            public long subscriptions() {
                return subscriptions.size();
            }
        };
    }
}
