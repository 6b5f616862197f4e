package dev.tern.e2e.v5;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** HiveMQ MQTT 5 clients pointed at a test broker. */
final class Hive5 {

    private Hive5() {
    }

    static Mqtt5ClientBuilder builder(int port, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port);
    }

    static Mqtt5AsyncClient connected(int port, String clientId) {
        Mqtt5AsyncClient client = builder(port, clientId).buildAsync();
        client.connect().orTimeout(5, TimeUnit.SECONDS).join();
        return client;
    }

    /** A connected clean client subscribed to {@code filter}; every message lands in {@code received}. */
    static Mqtt5AsyncClient subscriber(int port, String clientId, String filter, MqttQos qos,
            BlockingQueue<Mqtt5Publish> received) {
        Mqtt5AsyncClient client = connected(port, clientId);
        client.subscribeWith().topicFilter(filter).qos(qos).callback(received::add).send()
                .orTimeout(5, TimeUnit.SECONDS).join();
        return client;
    }

    static BlockingQueue<Mqtt5Publish> queue() {
        return new LinkedBlockingQueue<>();
    }

    static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    static void publish(Mqtt5AsyncClient client, String topic, String payload, MqttQos qos) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).send()
                .orTimeout(5, TimeUnit.SECONDS).join();
    }

    static void disconnect(Mqtt5AsyncClient client) {
        if (client.getState().isConnected()) {
            client.disconnect().orTimeout(5, TimeUnit.SECONDS).join();
        }
    }
}
