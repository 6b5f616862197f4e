package dev.tern.application.protocol;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connected clients and CONNECTs accepted by listener and protocol version, CONNECTs refused,
 * failed authentications.
 *
 * <p>The {@code listener} label is {@link dev.tern.application.port.out.ClientChannel#listenerName()}:
 * the configured instance name of the listener the connection came through ({@code in-process} for
 * embedded clients). Those names are not known when the broker is wired, so each (listener,
 * protocol) pair is registered the first time a client connects through it, once, and kept in a
 * small map; the connection holds on to its pair's {@link ListenerMeters} and counts its
 * disconnect there, with no lookup. The set stays bounded: listener instances come from the
 * configuration, never from a client (a channel's name is not client input), and there are three
 * protocol versions, so the map holds at most listeners times three entries. Refusals are
 * registered at wiring, by reason only.
 *
 * <p>Threading: thread-safe; called on every event loop at once. Connecting costs a map lookup
 * (plus a registration the first time); counting is an adder increment.
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

    /** The meters of one listener and protocol version; a connection keeps them until it ends. */
    public static final class ListenerMeters {

        /** Counts nothing: what a registry that exposes nothing gets, without a lookup or an allocation. */
        static final ListenerMeters NOOP = new ListenerMeters(new LongAdder(), Counter.NOOP, false);

        private final LongAdder current;
        private final Counter total;
        private final boolean counting;

        private ListenerMeters(LongAdder current, Counter total, boolean counting) {
            this.current = current;
            this.total = total;
            this.counting = counting;
        }

        private void connected() {
            if (counting) {
                current.increment();
                total.increment();
            }
        }

        /** The connection that {@link ConnectionMeters#connected(String, ProtocolVersion)} counted has ended. */
        void disconnected() {
            if (counting) {
                current.decrement();
            }
        }
    }

    private record Key(String listener, ProtocolVersion version) {
    }

    private final MetricsRegistry registry;
    private final ConcurrentHashMap<Key, ListenerMeters> byListener = new ConcurrentHashMap<>();
    private final Counter[] refused = new Counter[REASONS.length];
    private final Counter authFailures;

    public ConnectionMeters(MetricsRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
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

    /**
     * A client connected (CONNACK sent) through {@code listener}: counts it, and returns the meters
     * its {@link ListenerMeters#disconnected()} goes to.
     *
     * @param listener the channel's {@link dev.tern.application.port.out.ClientChannel#listenerName()}
     */
    ListenerMeters connected(String listener, ProtocolVersion version) {
        if (!registry.enabled()) {
            return ListenerMeters.NOOP;
        }
        ListenerMeters meters = byListener.computeIfAbsent(new Key(listener, version), this::register);
        meters.connected();
        return meters;
    }

    private ListenerMeters register(Key key) {
        LongAdder current = new LongAdder();
        String protocol = label(key.version());
        registry.gauge("tern_connections_current",
                "clients connected now (CONNACK sent), by listener and protocol version", current::sum,
                "listener", key.listener(), "protocol", protocol);
        Counter total = registry.counter("tern_connections", "CONNECTs accepted, by listener and protocol version",
                "listener", key.listener(), "protocol", protocol);
        return new ListenerMeters(current, total, true);
    }

    /** Clients connected now, every listener and version; 0 when the registry exposes nothing. */
    public long connected() {
        long sum = 0;
        for (ListenerMeters meters : byListener.values()) {
            sum += meters.current.sum();
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
