package dev.tern.e2e.websocket;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.util.concurrent.BlockingQueue;

/**
 * HiveMQ clients that speak MQTT over {@code ws://127.0.0.1:port/mqtt}, the transport browsers use.
 */
final class WebSocketClients {

    private WebSocketClients() {
    }

    static Mqtt3ClientBuilder v3(int webSocketPort, String clientId) {
        return MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(webSocketPort)
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig();
    }

    static Mqtt5ClientBuilder v5(int webSocketPort, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(webSocketPort)
                .webSocketConfig().serverPath("mqtt").applyWebSocketConfig();
    }

    /** A connected WebSocket client subscribed to {@code filter}; every message lands in {@code received}. */
    static Mqtt3AsyncClient subscriber(int webSocketPort, String clientId, String filter, MqttQos qos,
            BlockingQueue<Mqtt3Publish> received) {
        Mqtt3AsyncClient client = v3(webSocketPort, clientId).buildAsync();
        client.connect().join();
        client.subscribeWith().topicFilter(filter).qos(qos).callback(received::add).send().join();
        return client;
    }
}
