package dev.tern.application.protocol;

import dev.tern.application.port.out.TaskExecutor;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link KeepAliveWheel} per connection executor, made when the first connection with a keep
 * alive arrives on it and dropped when its wheel runs empty, so an executor that goes away (an
 * in-process client's thread) leaves nothing behind. Executors are told apart by {@code equals}:
 * every connection of one event loop shares the loop's wheel.
 *
 * <p>Threading: {@link #wheelFor} may be called on any executor, for that executor only; a wheel
 * removes itself on its own executor, so adding to and dropping one wheel never race.
 */
final class KeepAliveWheels {

    private final Clock clock;
    private final Map<TaskExecutor, KeepAliveWheel> wheels = new ConcurrentHashMap<>();

    KeepAliveWheels(Clock clock) {
        this.clock = clock;
    }

    /** The wheel of {@code executor}; call on that executor. */
    KeepAliveWheel wheelFor(TaskExecutor executor) {
        KeepAliveWheel wheel = wheels.get(executor);
        if (wheel == null) {
            KeepAliveWheel created = new KeepAliveWheel(executor, clock, empty -> wheels.remove(executor, empty));
            wheels.put(executor, created);
            wheel = created;
        }
        return wheel;
    }

    /** Executors that have a wheel now. */
    int wheelCount() {
        return wheels.size();
    }
}
