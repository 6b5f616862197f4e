package dev.tern.application.admin;

import dev.tern.application.port.in.admin.BrokerOverview;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the assembly knows about the broker that the engine does not.
 *
 * @param listeners read at each call, since ports are bound at start
 */
public record BrokerDescription(String version, String nodeName, String storage, Instant startedAt,
        Supplier<List<BrokerOverview.ListenerView>> listeners) {

    public BrokerDescription {
        if (version == null || nodeName == null || storage == null || startedAt == null || listeners == null) {
            throw new IllegalArgumentException("broker description fields must not be null");
        }
    }
}
