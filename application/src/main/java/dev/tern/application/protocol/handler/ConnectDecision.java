package dev.tern.application.protocol.handler;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.service.SessionAttachService.AttachRequest;

/** What the broker answers to a CONNECT before any session is touched. */
public sealed interface ConnectDecision {

    /**
     * Go ahead.
     *
     * @param keepAliveSeconds  the keep alive in force (the Server Keep Alive when the broker lowered it)
     * @param connackProperties what CONNACK announces (empty for MQTT 3.1.1)
     */
    record Accept(AttachRequest request, int keepAliveSeconds, ClientLimits limits, Properties connackProperties)
            implements ConnectDecision {
    }

    /** Answer CONNACK with {@code reasonCode} and {@code properties}, then close [MQTT-3.2.2-5]. */
    record Reject(int reasonCode, String reason, Properties properties) implements ConnectDecision {
        public Reject(int reasonCode, String reason) {
            this(reasonCode, reason, Properties.EMPTY);
        }
    }
}
