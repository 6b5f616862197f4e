package dev.tern.e2e.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MQTT over WebSocket end to end with the HiveMQ client's WebSocket transport. */
@DisplayName("6 Using WebSocket as a network transport")
// The HiveMQ blocking client waits without limit; a hung handshake must fail, not stall the build.
@Timeout(30)
class WebSocketPubSubTest {

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /** [MQTT-6.0.0-1] [MQTT-6.0.0-2] every QoS flow works with packets in binary WebSocket frames. */
    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void deliversEachQosBetweenWebSocketClients(int qos) throws Exception {
        MqttQos level = MqttQos.fromCode(qos);
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient subscriber = WebSocketClients.subscriber(broker.webSocketPort(), "ws-sub", "ws/" + qos,
                level, received);
        Mqtt3BlockingClient publisher = WebSocketClients.v3(broker.webSocketPort(), "ws-pub").buildBlocking();
        try {
            publisher.connect();
            publisher.publishWith().topic("ws/" + qos).qos(level).payload(bytes("over ws " + qos)).send();

            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("over ws " + qos);
            assertThat(message.getQos()).isEqualTo(level);
        } finally {
            publisher.disconnect();
            subscriber.disconnect().join();
        }
    }

    @Test
    void deliversARetainedMessageToALaterWebSocketSubscriber() throws Exception {
        Mqtt3BlockingClient publisher = WebSocketClients.v3(broker.webSocketPort(), "ws-retainer").buildBlocking();
        publisher.connect();
        publisher.publishWith().topic("ws/retained").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(bytes("kept")).send();
        publisher.disconnect();

        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient late = WebSocketClients.subscriber(broker.webSocketPort(), "ws-late", "ws/retained",
                MqttQos.AT_LEAST_ONCE, received);
        try {
            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("kept");
            assertThat(message.isRetain()).isTrue();
        } finally {
            late.disconnect().join();
        }
    }

    @Test
    void carriesMessagesFromTcpToWebSocket() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient webSocket = WebSocketClients.subscriber(broker.webSocketPort(), "ws-listener", "cross/in",
                MqttQos.EXACTLY_ONCE, received);
        Mqtt3BlockingClient tcp = HiveClients.blocking(broker.port(), "tcp-talker");
        try {
            tcp.connect();
            tcp.publishWith().topic("cross/in").qos(MqttQos.EXACTLY_ONCE).payload(bytes("from tcp")).send();

            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("from tcp");
        } finally {
            tcp.disconnect();
            webSocket.disconnect().join();
        }
    }

    @Test
    void carriesMessagesFromWebSocketToTcp() throws Exception {
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient tcp = HiveClients.subscriber(broker.port(), "tcp-listener", "cross/out",
                MqttQos.AT_LEAST_ONCE, received);
        Mqtt3BlockingClient webSocket = WebSocketClients.v3(broker.webSocketPort(), "ws-talker").buildBlocking();
        try {
            webSocket.connect();
            webSocket.publishWith().topic("cross/out").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("from ws")).send();

            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("from ws");
        } finally {
            webSocket.disconnect();
            tcp.disconnect().join();
        }
    }

    /** [MQTT-3.1.2-4] a persistent session reached over WebSocket keeps what arrived while offline. */
    @Test
    void keepsAPersistentWebSocketSessionAcrossReconnects() throws Exception {
        Mqtt3BlockingClient first = WebSocketClients.v3(broker.webSocketPort(), "ws-persistent").buildBlocking();
        first.connectWith().cleanSession(false).send();
        first.subscribeWith().topicFilter("ws/offline").qos(MqttQos.AT_LEAST_ONCE).send();
        first.disconnect();

        Mqtt3BlockingClient tcp = HiveClients.blocking(broker.port(), "tcp-while-offline");
        tcp.connect();
        tcp.publishWith().topic("ws/offline").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("queued")).send();
        tcp.disconnect();

        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient again = WebSocketClients.v3(broker.webSocketPort(), "ws-persistent").buildAsync();
        again.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, received::add);
        try {
            Mqtt3ConnAck connAck = again.connectWith().cleanSession(false).send().join();

            assertThat(connAck.isSessionPresent()).isTrue();
            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("queued");
        } finally {
            again.disconnect().join();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
