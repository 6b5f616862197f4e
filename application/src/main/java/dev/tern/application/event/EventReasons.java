package dev.tern.application.event;

/**
 * The words events give as their reason, so that listeners can tell cases apart by comparing
 * strings. A protocol error's reason goes on with what was wrong: {@code protocol error: ...}.
 */
public final class EventReasons {

    // Why a connected client's connection ended (ClientDisconnected).
    public static final String CLIENT_DISCONNECTED = "client disconnected";
    public static final String CLIENT_DISCONNECTED_WITH_WILL = "client disconnected with will";
    public static final String KEEP_ALIVE_TIMEOUT = "keep alive timeout";
    public static final String TAKEN_OVER = "taken over";
    public static final String PROTOCOL_ERROR = "protocol error: ";
    public static final String NETWORK_CLOSED = "network closed";
    public static final String SERVER_SHUTTING_DOWN = "server shutting down";
    /** Also why an inbound PUBLISH was refused or dropped (MessageDropped, naming the publisher). */
    public static final String RATE_LIMITED = "over its rate limit";

    // Why a message was not delivered to a client (MessageDropped).
    public static final String QUEUE_FULL = "queue full";
    public static final String TOO_LARGE = "too large for client";
    public static final String EXPIRED = "expired";
    public static final String NOT_AUTHORIZED = "not authorized";
    public static final String OFFLINE_QOS0 = "client offline, QoS 0 not queued";
    public static final String DELIVERY_RATE_LIMITED = "delivery rate limit";

    private EventReasons() {
    }
}
