package dev.tern.application.port.out;

import java.util.Map;

/**
 * Whether the broker serves clients: sessions restored, listeners bound, storage reachable. For
 * health endpoints and orchestrators.
 *
 * <p>Threading: thread-safe; cheap enough to ask for every probe.
 */
public interface Readiness {

    /**
     * @param ready  whether every check passed
     * @param checks each check's name and state ({@code "listeners" -> "bound"}), for the operator
     */
    record Report(boolean ready, Map<String, String> checks) {

        public Report {
            checks = Map.copyOf(checks);
        }
    }

    Report report();
}
