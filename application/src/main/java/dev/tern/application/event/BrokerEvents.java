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

    /**
     * Whether anybody listens; when false, callers skip building the event altogether. The answer
     * may change from one call to the next (the {@code $SYS} client events have a listener only
     * while somebody subscribes to them), so callers ask each time rather than keep it.
     */
    boolean enabled();

    /**
     * Whether anybody listens to the per-message events ({@link BrokerEvent.MessagePublished},
     * {@link BrokerEvent.MessageDropped}), which are built on the publish path: a receiver of client
     * events only (the {@code $SYS} client events) says false, so that publishing pays nothing for it.
     */
    default boolean messageEventsEnabled() {
        return enabled();
    }

    /** Both receive what they are enabled for; {@code NONE} on either side gives the other back. */
    static BrokerEvents both(BrokerEvents first, BrokerEvents second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new BrokerEvents() {
            @Override
            public boolean enabled() {
                return first.enabled() || second.enabled();
            }

            @Override
            public boolean messageEventsEnabled() {
                return first.messageEventsEnabled() || second.messageEventsEnabled();
            }

            @Override
            public void emit(BrokerEvent event) {
                boolean perMessage = event instanceof BrokerEvent.MessagePublished
                        || event instanceof BrokerEvent.MessageDropped;
                if (perMessage ? first.messageEventsEnabled() : first.enabled()) {
                    first.emit(event);
                }
                if (perMessage ? second.messageEventsEnabled() : second.enabled()) {
                    second.emit(event);
                }
            }

            @Override
            public String toString() {
                return "BrokerEvents.both(" + first + ", " + second + ")";
            }
        };
    }

    /** Hands an event over for the listeners, without waiting for them. */
    void emit(BrokerEvent event);
}
