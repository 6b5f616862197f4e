package dev.tern.application.port.in;

import java.util.Objects;

/** What a {@link ListenerGate} says about a connection just accepted. */
public sealed interface Admission {

    /** The connection may stay; {@link ConnectionSlot#release()} its slot when it closes. */
    record Admitted(ConnectionSlot slot) implements Admission {

        /** Admitted by a gate that counts nothing. */
        public static final Admitted UNCOUNTED = new Admitted(() -> { });

        public Admitted {
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** The connection is to be closed at once: {@code limit} is full. */
    record Refused(Limit limit) implements Admission {

        public Refused {
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** Which limit refused a connection. */
    enum Limit {
        /** The broker-wide maximum, {@code limits.connections.max}. */
        BROKER,
        /** The listener's own maximum, {@code listeners.<name>.max-connections}. */
        LISTENER,
        /** The maximum per source address, {@code limits.connections.max-per-address}. */
        ADDRESS
    }
}
