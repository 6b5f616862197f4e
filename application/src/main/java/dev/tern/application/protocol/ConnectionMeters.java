package dev.tern.application.protocol;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connected clients by protocol version, CONNECTs accepted and refused, failed authentications.
 * The listener a connection came through is not known to the engine, so connections are counted
 * by protocol version only. Registered once at wiring; counting is a counter increment.
 *
 * <p>Threading: thread-safe; called on every event loop at once.
 */
public final class ConnectionMeters {

    /** The refusal reasons, as labels; a bounded set whatever the reason code. */
    static final String[] REASONS = {"unsupported_protocol_version", "client_id_not_valid", "bad_credentials",
            "not_authorized", "banned", "bad_authentication_method", "server_unavailable", "server_busy",
            "redirected", "other"};
    private static final int BAD_CREDENTIALS = 2;
    private static final int NOT_AUTHORIZED = 3;
    private static final int BANNED = 4;
    private static final int BAD_METHOD = 5;

    /** Counts nothing (declared after the constants it is built from). */
    public static final ConnectionMeters NONE = new ConnectionMeters(MetricsRegistry.NONE);

    private final ProtocolVersion[] versions = ProtocolVersion.values();
    private final LongAdder[] current = new LongAdder[versions.length];
    private final Counter[] total = new Counter[versions.length];
    private final Counter[] refused = new Counter[REASONS.length];
    private final Counter authFailures;

    public ConnectionMeters(MetricsRegistry registry) {
        for (ProtocolVersion version : versions) {
            int i = version.ordinal();
            LongAdder adder = new LongAdder();
            current[i] = adder;
            registry.gauge("tern_connections_current", "clients connected now (CONNACK sent), by protocol version",
                    adder::sum, "protocol", label(version));
            total[i] = registry.counter("tern_connections", "CONNECTs accepted, by protocol version",
                    "protocol", label(version));
        }
        for (int i = 0; i < REASONS.length; i++) {
            refused[i] = registry.counter("tern_connects_refused", "CONNECTs refused, by reason", "reason", REASONS[i]);
        }
        authFailures = registry.counter("tern_authentication_failures",
                "CONNECTs refused by authentication: bad credentials, not authorized, banned, bad method");
    }

    static String label(ProtocolVersion version) {
        return switch (version) {
            case MQTT_3_1 -> "3.1";
            case MQTT_3_1_1 -> "3.1.1";
            case MQTT_5 -> "5";
        };
    }

    void connected(ProtocolVersion version) {
        current[version.ordinal()].increment();
        total[version.ordinal()].increment();
    }

    void disconnected(ProtocolVersion version) {
        current[version.ordinal()].decrement();
    }

    /** Clients connected now, every version. */
    public long connected() {
        long sum = 0;
        for (LongAdder adder : current) {
            sum += adder.sum();
        }
        return sum;
    }

    /** A CONNECT refused with this CONNACK code (MQTT 5 reason code or 3.1.1 return code). */
    void refused(int code) {
        int reason = reason(code);
        refused[reason].increment();
        if (reason == BAD_CREDENTIALS || reason == NOT_AUTHORIZED || reason == BANNED || reason == BAD_METHOD) {
            authFailures.increment();
        }
    }

    /** 3.1.1 return codes are 1 to 5, MQTT 5 refusals 0x80 and above: one code means one thing. */
    static int reason(int code) {
        return switch (code) {
            case ReasonCode.UNSUPPORTED_PROTOCOL_VERSION, ReasonCode.V3_UNACCEPTABLE_PROTOCOL_VERSION -> 0;
            case ReasonCode.CLIENT_IDENTIFIER_NOT_VALID, ReasonCode.V3_IDENTIFIER_REJECTED -> 1;
            case ReasonCode.BAD_USER_NAME_OR_PASSWORD, ReasonCode.V3_BAD_USER_NAME_OR_PASSWORD -> BAD_CREDENTIALS;
            case ReasonCode.NOT_AUTHORIZED, ReasonCode.V3_NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case ReasonCode.BANNED -> BANNED;
            case ReasonCode.BAD_AUTHENTICATION_METHOD -> BAD_METHOD;
            case ReasonCode.SERVER_UNAVAILABLE, ReasonCode.V3_SERVER_UNAVAILABLE -> 6;
            case ReasonCode.SERVER_BUSY -> 7;
            case ReasonCode.USE_ANOTHER_SERVER, ReasonCode.SERVER_MOVED -> 8;
            default -> 9;
        };
    }
}
