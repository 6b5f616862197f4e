package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Offline persistent sessions receive what any node published while they were away [MQTT-3.1.2-5]. */
abstract class CrossNodeOfflineSessions extends ThreeNodeCluster {

    private static final int MESSAGES = 20;

    @Test
    void anMqtt5SessionAwayFromNodeBGetsWhatNodeAPublishedAtQos1WhenItReturns() throws Exception {
        Mqtt5AsyncClient subscriber = persistent(port(B), "o-v5");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "o-v5-pub");
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, "o/v5", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(publisher, "o/v5");
            subscriber.disconnect().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();

            List<String> sent = publish(publisher, "o/v5", MqttQos.AT_LEAST_ONCE);

            Inbox back = new Inbox();
            Mqtt5AsyncClient returned = persistentBuilder(port(B), "o-v5", back);
            try {
                assertThat(back.texts(MESSAGES)).containsExactlyElementsOf(sent);
            } finally {
                Hive.disconnect(returned);
            }
        } finally {
            Hive.disconnect(publisher);
        }
    }

    /** MQTT 3.1.1 with Paho, at QoS 2: the session comes back on a third node with every message once. */
    @Test
    void aPahoSessionAwayGetsWhatAnotherNodePublishedAtQos2OnAThirdNode() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = paho("tcp://127.0.0.1:" + port(B), "o-paho", received);
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "o-paho-pub");
        try {
            subscriber.subscribe("o/paho", 2);
            awaitPahoRoute(publisher, received);
            subscriber.disconnect();

            List<String> sent = publish(publisher, "o/paho", MqttQos.EXACTLY_ONCE);

            MqttClient returned = paho("tcp://127.0.0.1:" + port(C), "o-paho", received);
            try {
                List<String> got = new java.util.ArrayList<>();
                String text;
                while ((text = received.poll(3, TimeUnit.SECONDS)) != null) {
                    if (!text.startsWith("probe:")) {
                        got.add(text);
                    }
                }
                assertThat(got).as("each once, in order").containsExactlyElementsOf(sent);
            } finally {
                returned.disconnect();
                returned.close();
            }
        } finally {
            subscriber.close();
            Hive.disconnect(publisher);
        }
    }

    private static void awaitPahoRoute(Mqtt5AsyncClient publisher, BlockingQueue<String> received)
            throws InterruptedException {
        for (int n = 0; n < 50; n++) {
            Hive.publish(publisher, "o/paho", "probe:" + n, MqttQos.AT_MOST_ONCE);
            if (received.poll(200, TimeUnit.MILLISECONDS) != null) {
                Thread.sleep(300);
                received.clear();
                return;
            }
        }
        throw new AssertionError("no route to the Paho subscriber");
    }

    private static MqttClient paho(String uri, String clientId, BlockingQueue<String> received) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // The test sees a lost connection as missing messages.
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Only subscribes here.
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        client.connect(options);
        return client;
    }

    private static Mqtt5AsyncClient persistent(int port, String clientId) {
        Mqtt5AsyncClient client = Hive.builder(port, clientId).buildAsync();
        client.connectWith().cleanStart(true).sessionExpiryInterval(3600).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        return client;
    }

    /** Resumes the session: the queued messages go to {@code inbox} (registered before CONNECT). */
    private static Mqtt5AsyncClient persistentBuilder(int port, String clientId, Inbox inbox) {
        Mqtt5AsyncClient client = Hive.builder(port, clientId).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, inbox);
        Mqtt5ConnAck connAck = client.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        assertThat(connAck.isSessionPresent()).as("session present [MQTT-3.2.2-2]").isTrue();
        return client;
    }

    private static List<String> publish(Mqtt5AsyncClient publisher, String topic, MqttQos qos) {
        List<String> sent = IntStream.range(0, MESSAGES).mapToObj(i -> topic + "-" + i).toList();
        sent.forEach(text -> publisher.publishWith().topic(topic).payload(text.getBytes(StandardCharsets.UTF_8))
                .qos(qos).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join());
        return sent;
    }
}
