package dev.tern.application.sys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientEventsPublisherTest {

    private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_123L);
    private final List<ApplicationMessage> sent = new ArrayList<>();

    private static String body(ApplicationMessage message) {
        return new String(message.payload().toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void publishesConnectedWithItsJsonBody() {
        ClientEventsPublisher events = new ClientEventsPublisher("node1", true, false, sent::add, () -> true);

        events.emit(new BrokerEvent.ClientConnected(AT, "c1", "alice", "127.0.0.1:50123", 5, false, 60, true, 300));

        assertThat(sent).hasSize(1);
        ApplicationMessage message = sent.get(0);
        assertThat(message.topic().value()).isEqualTo("$SYS/brokers/node1/clients/c1/connected");
        assertThat(message.retain()).isFalse();
        assertThat(message.qos()).isEqualTo(Qos.AT_MOST_ONCE);
        assertThat(body(message)).isEqualTo("{\"clientid\":\"c1\",\"username\":\"alice\",\"ipaddress\":\"127.0.0.1\","
                + "\"port\":50123,\"proto_name\":\"MQTT\",\"proto_ver\":5,\"keepalive\":60,\"clean_start\":true,"
                + "\"expiry_interval\":300,\"session_present\":false,\"connected_at\":1700000000123,"
                + "\"ts\":1700000000123}");
    }

    @Test
    void publishesDisconnectedWithTheReason() {
        ClientEventsPublisher events = new ClientEventsPublisher("node1", true, false, sent::add, () -> true);

        events.emit(new BrokerEvent.ClientDisconnected(AT, "c1", "keep alive timeout", null, "[::1]:1234", 4));

        assertThat(sent.get(0).topic().value()).isEqualTo("$SYS/brokers/node1/clients/c1/disconnected");
        assertThat(body(sent.get(0))).isEqualTo("{\"clientid\":\"c1\",\"username\":null,\"ipaddress\":\"::1\","
                + "\"port\":1234,\"proto_name\":\"MQTT\",\"proto_ver\":4,\"reason\":\"keep alive timeout\","
                + "\"disconnected_at\":1700000000123,\"ts\":1700000000123}");
    }

    @Test
    void subscriptionEventsOnlyWhenAskedFor() {
        ClientEventsPublisher off = new ClientEventsPublisher("n", true, false, sent::add, () -> true);
        off.emit(new BrokerEvent.Subscribed(AT, "c1", "a/#", 1));
        off.emit(new BrokerEvent.Unsubscribed(AT, "c1", "a/#"));
        assertThat(sent).isEmpty();

        ClientEventsPublisher on = new ClientEventsPublisher("n", false, true, sent::add, () -> true);
        on.emit(new BrokerEvent.Subscribed(AT, "c1", "a/#", 1));
        on.emit(new BrokerEvent.Unsubscribed(AT, "c1", "a/#"));
        on.emit(new BrokerEvent.ClientConnected(AT, "c1", null, "x", 4, false, 0, true, 0));

        assertThat(sent).extracting(m -> m.topic().value())
                .containsExactly("$SYS/brokers/n/clients/c1/subscribed", "$SYS/brokers/n/clients/c1/unsubscribed");
        assertThat(body(sent.get(0))).isEqualTo("{\"clientid\":\"c1\",\"topic\":\"a/#\",\"qos\":1,\"ts\":1700000000123}");
    }

    @Test
    void clientIdsThatWouldBreakTheTopicArePercentEncodedButKeptInTheBody() {
        ClientEventsPublisher events = new ClientEventsPublisher("n", true, false, sent::add, () -> true);

        events.emit(new BrokerEvent.ClientConnected(AT, "a/+#%\"b\u0001", null, "x", 4, false, 0, true, 0));

        assertThat(sent.get(0).topic().value()).isEqualTo("$SYS/brokers/n/clients/a%2F%2B%23%25\"b%01/connected");
        assertThat(body(sent.get(0))).startsWith("{\"clientid\":\"a/+#%\\\"b\\u0001\",");
    }

    @Test
    void takesNoPerMessageEvents() {
        ClientEventsPublisher events = new ClientEventsPublisher("n", true, true, sent::add, () -> true);

        assertThat(events.enabled()).isTrue();
        assertThat(events.messageEventsEnabled()).isFalse();
        assertThat(new ClientEventsPublisher("n", false, false, sent::add, () -> true).enabled()).isFalse();
        assertThat(BrokerEvents.both(BrokerEvents.NONE, events).messageEventsEnabled()).isFalse();
    }

    @Test
    void isNotEnabledWhileNoSubscriptionCouldReceiveASysMessage() {
        boolean[] reader = {false};
        ClientEventsPublisher events = new ClientEventsPublisher("n", true, true, sent::add, () -> reader[0]);

        assertThat(events.enabled()).isFalse();
        assertThat(BrokerEvents.both(BrokerEvents.NONE, events).enabled()).isFalse();

        reader[0] = true;
        assertThat(events.enabled()).isTrue();
    }

    @Test
    void parsesTransportAddresses() {
        assertThat(ClientEventsPublisher.Address.parse("10.0.0.1:1883"))
                .isEqualTo(new ClientEventsPublisher.Address("10.0.0.1", 1883));
        assertThat(ClientEventsPublisher.Address.parse("[fe80::1]:80"))
                .isEqualTo(new ClientEventsPublisher.Address("fe80::1", 80));
        assertThat(ClientEventsPublisher.Address.parse("unix:/run/tern.sock"))
                .isEqualTo(new ClientEventsPublisher.Address("unix:/run/tern.sock", 0));
        assertThat(ClientEventsPublisher.Address.parse("fe80::1"))
                .isEqualTo(new ClientEventsPublisher.Address("fe80::1", 0));
    }
}
