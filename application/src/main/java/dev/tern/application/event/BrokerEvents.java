package dev.tern.application.event;

import dev.tern.application.port.out.BrokerEvent;

/**
 * Where the engine reports what happens in the broker, for the {@link
 * dev.tern.application.port.out.BrokerEventListener}s. Callers ask {@link #enabled()} before they
 * build an event, so that a broker without listeners pays nothing for them: no clock read, no
 * allocation, no lock.
 *
 * <p>Threading: thread-safe; called on event loops, so {@link #emit} never blocks.
 */
public interface BrokerEvents {

    /** No listener: nothing is ever emitted. */
    BrokerEvents NONE = new BrokerEvents() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void emit(BrokerEvent event) {
        }

        @Override
        public String toString() {
            return "BrokerEvents.NONE";
        }
    };

    /** Whether anybody listens; when false, callers skip building the event altogether. */
    boolean enabled();

    /** Hands an event over for the listeners, without waiting for them. */
    void emit(BrokerEvent event);
}
