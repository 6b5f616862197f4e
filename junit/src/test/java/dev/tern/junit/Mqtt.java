package dev.tern.junit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A network client's view of the broker under test, as a user's test would have it. */
final class Mqtt {

    private Mqtt() {
    }

    static Mqtt5BlockingClient connected(int port, String clientId) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connect();
        return client;
    }

    static void publish(Mqtt5BlockingClient client, String topic, String text, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(text.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Subscribes and returns the payloads of what arrives, in order. */
    static BlockingQueue<String> subscribe(Mqtt5BlockingClient client, String filter) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.toAsync().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback((Mqtt5Publish publish) -> received.add(
                        new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)))
                .send().join();
        return received;
    }

    static String next(BlockingQueue<String> received) throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }
}
