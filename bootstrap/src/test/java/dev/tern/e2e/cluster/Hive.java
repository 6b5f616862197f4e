package dev.tern.e2e.cluster;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** HiveMQ MQTT 5 clients pointed at one node of a test cluster. */
final class Hive {

    static final long TIMEOUT_SECONDS = 10;

    private Hive() {
    }

    static Mqtt5ClientBuilder builder(int port, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost("127.0.0.1").serverPort(port);
    }

    /** A connected clean-start client without session expiry. */
    static Mqtt5AsyncClient connected(int port, String clientId) {
        Mqtt5AsyncClient client = builder(port, clientId).buildAsync();
        client.connect().orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        return client;
    }

    /** A connected clean client subscribed to {@code filter}; every message lands in {@code received}. */
    static Mqtt5AsyncClient subscriber(int port, String clientId, String filter, MqttQos qos,
            BlockingQueue<Mqtt5Publish> received) {
        Mqtt5AsyncClient client = connected(port, clientId);
        subscribe(client, filter, qos, received);
        return client;
    }

    static void subscribe(Mqtt5AsyncClient client, String filter, MqttQos qos, BlockingQueue<Mqtt5Publish> received) {
        client.subscribeWith().topicFilter(filter).qos(qos).callback(received::add).send()
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    static BlockingQueue<Mqtt5Publish> queue() {
        return new LinkedBlockingQueue<>();
    }

    static String text(Mqtt5Publish publish) {
        return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    static void publish(Mqtt5AsyncClient client, String topic, String payload, MqttQos qos) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos).send()
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** The next message within the timeout, or null. */
    static Mqtt5Publish next(BlockingQueue<Mqtt5Publish> received) throws InterruptedException {
        return received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static void disconnect(Mqtt5AsyncClient client) {
        if (client.getState().isConnected()) {
            client.disconnect().orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        }
    }
}
