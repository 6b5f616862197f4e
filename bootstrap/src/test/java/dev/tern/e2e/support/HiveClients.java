package dev.tern.e2e.support;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** HiveMQ MQTT 3.1.1 clients pointed at a test broker, with the settings tests usually want. */
public final class HiveClients {

    private HiveClients() {
    }

    public static Mqtt3BlockingClient blocking(int port, String clientId) {
        return builder(port, clientId).buildBlocking();
    }

    public static Mqtt3AsyncClient async(int port, String clientId) {
        return builder(port, clientId).buildAsync();
    }

    /** A connected client subscribed to {@code filter}; every message lands in {@code received}. */
    public static Mqtt3AsyncClient subscriber(int port, String clientId, String filter, MqttQos qos,
            BlockingQueue<Mqtt3Publish> received) {
        Mqtt3AsyncClient client = async(port, clientId);
        client.connect().join();
        client.subscribeWith().topicFilter(filter).qos(qos).callback(received::add).send().join();
        return client;
    }

    public static BlockingQueue<Mqtt3Publish> queue() {
        return new LinkedBlockingQueue<>();
    }

    public static String text(Mqtt3Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    private static com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder builder(int port, String clientId) {
        return MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port);
    }
}
