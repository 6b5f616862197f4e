package dev.tern.application.sys;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Publishes client life-cycle events as EMQX does, on {@code $SYS/brokers/<node>/clients/<clientid>/}
 * {@code connected}, {@code disconnected} and (when asked) {@code subscribed} and
 * {@code unsubscribed}, each with a JSON body; QoS 0, not retained. The client id level is
 * {@link TopicLevel percent-encoded} where it holds {@code /}, {@code +}, {@code #}, {@code %} or
 * control characters, so that no client can make an invalid topic or pose as another; the body
 * always carries the id as it is.
 *
 * <p>It receives the broker events directly where they are emitted (the client's executor), not
 * through the event listeners' queue, and takes none of the per-message events: with it alone,
 * publishing builds no event object. While no subscription could receive a {@code $SYS} message
 * it says it is not {@link #enabled()}, so that a CONNECT builds neither the event nor its JSON
 * (about 2 KB of garbage per connect, most of a connect storm's) for nobody; it asks again for
 * every event, so a subscriber gets the events from its SUBACK on, as before.
 *
 * <p>Threading: thread-safe; {@code publish} must be too (the broker's publish path is).
 */
public final class ClientEventsPublisher implements BrokerEvents {

    private final String nodeLevel;
    private final boolean clientEvents;
    private final boolean subscriptionEvents;
    private final Consumer<ApplicationMessage> publish;
    private final BooleanSupplier anyReader;

    /**
     * @param nodeName           the {@code <node>} level; percent-encoded like a client id
     * @param clientEvents       publish {@code connected} and {@code disconnected}
     * @param subscriptionEvents publish {@code subscribed} and {@code unsubscribed}
     * @param publish            the broker's publish path
     * @param anyReader          whether a message on a {@code $SYS/...} topic could reach anybody
     *                           now; thread-safe, cheap and lock-free (asked on every connect)
     */
    public ClientEventsPublisher(String nodeName, boolean clientEvents, boolean subscriptionEvents,
            Consumer<ApplicationMessage> publish, BooleanSupplier anyReader) {
        this.nodeLevel = TopicLevel.of(nodeName);
        this.clientEvents = clientEvents;
        this.subscriptionEvents = subscriptionEvents;
        this.publish = publish;
        this.anyReader = anyReader;
    }

    @Override
    public boolean enabled() {
        return (clientEvents || subscriptionEvents) && anyReader.getAsBoolean();
    }

    @Override
    public boolean messageEventsEnabled() {
        return false;
    }

    @Override
    public void emit(BrokerEvent event) {
        if (event instanceof BrokerEvent.ClientConnected connected && clientEvents) {
            publish(connected.clientId(), "connected", client(connected.clientId(), connected.username(),
                    connected.remoteAddress(), connected.protocolVersion())
                    .number("keepalive", connected.keepAliveSeconds())
                    .bool("clean_start", connected.cleanStart())
                    .number("expiry_interval", connected.sessionExpirySeconds())
                    .bool("session_present", connected.sessionPresent())
                    .number("connected_at", connected.at().toEpochMilli())
                    .number("ts", connected.at().toEpochMilli()));
        } else if (event instanceof BrokerEvent.ClientDisconnected disconnected && clientEvents) {
            publish(disconnected.clientId(), "disconnected", client(disconnected.clientId(), disconnected.username(),
                    disconnected.remoteAddress(), disconnected.protocolVersion())
                    .string("reason", disconnected.reason())
                    .number("disconnected_at", disconnected.at().toEpochMilli())
                    .number("ts", disconnected.at().toEpochMilli()));
        } else if (event instanceof BrokerEvent.Subscribed subscribed && subscriptionEvents) {
            publish(subscribed.clientId(), "subscribed", new Json()
                    .string("clientid", subscribed.clientId())
                    .string("topic", subscribed.filter())
                    .number("qos", subscribed.qos())
                    .number("ts", subscribed.at().toEpochMilli()));
        } else if (event instanceof BrokerEvent.Unsubscribed unsubscribed && subscriptionEvents) {
            publish(unsubscribed.clientId(), "unsubscribed", new Json()
                    .string("clientid", unsubscribed.clientId())
                    .string("topic", unsubscribed.filter())
                    .number("ts", unsubscribed.at().toEpochMilli()));
        }
    }

    /** The members that {@code connected} and {@code disconnected} share. */
    private static Json client(String clientId, String username, String remoteAddress, int protocolVersion) {
        Address address = Address.parse(remoteAddress);
        return new Json().string("clientid", clientId).string("username", username)
                .string("ipaddress", address.host()).number("port", address.port())
                .string("proto_name", "MQTT").number("proto_ver", protocolVersion);
    }

    /** The topic of an event of this client: {@code $SYS/brokers/<node>/clients/<clientid>/<what>}. */
    String topic(String clientId, String what) {
        return "$SYS/brokers/" + nodeLevel + "/clients/" + TopicLevel.of(clientId) + "/" + what;
    }

    private void publish(String clientId, String what, Json body) {
        publish.accept(ApplicationMessage.of(topic(clientId, what), body.toString().getBytes(StandardCharsets.UTF_8),
                Qos.AT_MOST_ONCE, false));
    }

    @Override
    public String toString() {
        return "ClientEventsPublisher[" + nodeLevel + "]";
    }

    /** A transport's {@code host:port} or {@code [v6]:port}; anything else is all host, port 0. */
    record Address(String host, int port) {

        static Address parse(String remote) {
            if (remote == null) {
                return new Address(null, 0);
            }
            int colon = remote.lastIndexOf(':');
            if (colon > 0 && colon < remote.length() - 1) {
                String port = remote.substring(colon + 1);
                String host = remote.substring(0, colon);
                if (port.chars().allMatch(ch -> ch >= '0' && ch <= '9') && port.length() <= 5
                        && (host.indexOf(':') < 0 || host.startsWith("["))) {
                    if (host.startsWith("[") && host.endsWith("]")) {
                        host = host.substring(1, host.length() - 1);
                    }
                    if (host.startsWith("/")) {
                        host = host.substring(1);
                    }
                    return new Address(host, Integer.parseInt(port));
                }
            }
            return new Address(remote, 0);
        }
    }
}
