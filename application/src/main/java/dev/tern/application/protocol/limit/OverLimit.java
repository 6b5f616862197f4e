package dev.tern.application.protocol.limit;

/** What happens to a client over its rate limit. */
public enum OverLimit {
    /** Stop reading its socket until its bucket refills: TCP back-pressure, nothing lost. */
    PAUSE,
    /**
     * Refuse what is over: MQTT 5 QoS 1/2 get PUBACK/PUBREC 0x97 (Quota exceeded), QoS 0 is
     * dropped and counted; an MQTT 3.1.1 client's QoS 1/2 over the limit closes its connection,
     * as 3.1.1 has no way to refuse a PUBLISH and acknowledging it would claim a delivery.
     */
    REFUSE
}
