package dev.tern.application.protocol.handler;

import dev.tern.application.service.ConnectService.ConnectRequest;

/** What the broker answers to a CONNECT before any session is touched. */
public sealed interface ConnectDecision {

    /** Go ahead; {@code assignedClientId} is non-null when the broker chose the id (3.1.3.1). */
    record Accept(ConnectRequest request, int keepAliveSeconds, String assignedClientId) implements ConnectDecision {
    }

    /** Answer CONNACK with {@code reasonCode} and close the connection [MQTT-3.2.2-5]. */
    record Reject(int reasonCode, String reason) implements ConnectDecision {
    }
}
