package dev.tern.application.testing;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Broker events as the engine emits them, kept in order for assertions, with no dispatch thread.
 *
 * <p>Threading: thread-safe (synchronized); tests read it from their own thread.
 */
public final class RecordingEvents implements BrokerEvents {

    private final List<BrokerEvent> events = new ArrayList<>();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public synchronized void emit(BrokerEvent event) {
        events.add(event);
    }

    /** Every event so far, in order. */
    public synchronized List<BrokerEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one kind so far, in order. */
    public synchronized <T extends BrokerEvent> List<T> of(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
