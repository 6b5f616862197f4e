package dev.tern.adapters.tcp;

import dev.tern.application.port.in.ConnectionAdmission;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.in.ListenerLimits;
import java.util.Objects;

/**
 * How a TCP listener meets the broker's connection limits: its gate, and whether it has an accept
 * rate (then it accepts one connection per wake-up, so that a pause starts at the connection that
 * called for it rather than after a batch).
 *
 * @param paced whether the listener has a {@code max-connections-per-second}
 */
record Admittance(ListenerGate gate, boolean paced) {

    /** No limits: everything admitted, nothing counted. */
    static final Admittance NONE = new Admittance(ListenerGate.UNLIMITED, false);

    Admittance {
        Objects.requireNonNull(gate, "gate");
    }

    static Admittance of(String listenerName, ListenerLimits limits, ConnectionAdmission admission) {
        return new Admittance(admission.gate(listenerName, limits), limits.maxConnectionsPerSecond() > 0);
    }
}
