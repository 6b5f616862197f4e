package dev.tern.e2e.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import dev.tern.e2e.support.HiveClients;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Tern as a library: the builder's defaults, settings and adapters passed in as instances. */
class TernBuilderTest {

    @Test
    void startsOnFreeLoopbackPortsWithMemoryStorageByDefault() throws Exception {
        try (TernBroker broker = Tern.builder().start()) {
            assertThat(broker.listenerNames()).containsExactlyInAnyOrder("tcp", "websocket");
            assertThat(broker.port("tcp")).isPositive().isNotEqualTo(1883);
            assertThat(broker.port("websocket")).isPositive().isNotEqualTo(8083);

            Mqtt3BlockingClient client = HiveClients.blocking(broker.port("tcp"), "embedded");
            client.connect();
            client.disconnect();
        }
    }

    @Test
    void closingStopsTheListeners() throws Exception {
        int port;
        try (TernBroker broker = Tern.builder().start()) {
            port = broker.port("tcp");
        }

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void appliesSettingsByKeyAndRefusesUnknownOnes() throws Exception {
        try (TernBroker broker = Tern.builder().set("listeners.websocket.enabled", "false").start()) {
            assertThat(broker.listenerNames()).containsExactly("tcp");
        }
        assertThatThrownBy(() -> Tern.builder().set("mqtt.max-infligt", "4").start())
                .hasMessageContaining("did you mean \"mqtt.max-inflight\"?");
    }

    @Test
    void handsBrokerEventsToAnEventListenerPassedIn() throws Exception {
        List<BrokerEvent> events = new CopyOnWriteArrayList<>();
        try (TernBroker broker = Tern.builder().eventListener(events::add).start()) {
            Mqtt3BlockingClient client = HiveClients.blocking(broker.port("tcp"), "watched");
            client.connect();
            client.subscribeWith().topicFilter("a/#").qos(MqttQos.AT_LEAST_ONCE).send();
            client.publishWith().topic("a/b").payload("x".getBytes(StandardCharsets.UTF_8)).send();
            client.disconnect();

            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                    .anyMatch(event -> event instanceof BrokerEvent.ClientDisconnected));
        }
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsSubsequence(
                "ClientConnected", "Subscribed", "MessagePublished", "ClientDisconnected");
        assertThat(events).allMatch(event -> event.clientId().equals("watched"));
    }

    @Test
    void asksAnAuthorizerPassedIn() throws Exception {
        Authorizer readOnly = new Authorizer() {
            @Override
            public boolean canPublish(ClientIdentity client, TopicName topic) {
                return false;
            }

            @Override
            public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
                return true;
            }
        };
        List<BrokerEvent> events = new CopyOnWriteArrayList<>();
        try (TernBroker broker = Tern.builder().authorizer(readOnly).eventListener(events::add).start()) {
            Mqtt3BlockingClient client = HiveClients.blocking(broker.port("tcp"), "reader");
            client.connect();
            client.publishWith().topic("a/b").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("x".getBytes(StandardCharsets.UTF_8)).send();
            client.disconnect();

            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                    .anyMatch(event -> event instanceof BrokerEvent.ClientDisconnected));
        }
        assertThat(events).noneMatch(event -> event instanceof BrokerEvent.MessagePublished);
    }
}
