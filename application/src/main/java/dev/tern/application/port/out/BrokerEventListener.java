package dev.tern.application.port.out;

/**
 * Follows what happens in the broker (an audit log, metrics, a bridge). Events are handed over on
 * one dispatch thread, in the order they happened for each client, through a bounded queue: when
 * a listener falls behind, new events are dropped and counted rather than slowing clients down,
 * and an exception thrown here is logged and counted, never seen by a client.
 *
 * <p>Threading: called on the broker's event dispatch thread only, one event at a time.
 */
@FunctionalInterface
public interface BrokerEventListener {

    void onEvent(BrokerEvent event);
}
