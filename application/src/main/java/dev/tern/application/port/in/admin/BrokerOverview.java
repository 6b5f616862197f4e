package dev.tern.application.port.in.admin;

import java.time.Instant;
import java.util.List;

/** What the broker is and runs. */
public record BrokerOverview(String version, String nodeName, Instant startedAt, long uptimeSeconds,
        List<ListenerView> listeners, String storage) {

    public BrokerOverview {
        listeners = List.copyOf(listeners);
    }

    /** @param port the bound port; -1 when not started */
    public record ListenerView(String name, String address, int port) {
    }
}
