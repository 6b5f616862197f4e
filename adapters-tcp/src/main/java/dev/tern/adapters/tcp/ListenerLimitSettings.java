package dev.tern.adapters.tcp;

/** The help lines of the connection limit settings that the TCP and TLS listeners share. */
final class ListenerLimitSettings {

    static final String MAX_CONNECTIONS =
            "connections this listener holds at once; more are closed at accept, before TLS; 0 = no limit";
    static final String MAX_CONNECTIONS_PER_SECOND =
            "new connections accepted per second; beyond it accepting pauses (clients wait); 0 = no limit";

    private ListenerLimitSettings() {
    }
}
