package dev.tern.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** HiveMQ MQTT 5 and Paho MQTT 3.1.1 clients for the limits tests, and the answers they got. */
final class LimitClients {

    private LimitClients() {
    }

    static Mqtt5ClientBuilder v5(int port, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost("127.0.0.1").serverPort(port);
    }

    static Mqtt5BlockingClient connectedV5(int port, String clientId) {
        Mqtt5BlockingClient client = v5(port, clientId).buildBlocking();
        client.connect();
        return client;
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code, error or not. */
    static Mqtt5PubAckReasonCode publishQos1(Mqtt5BlockingClient client, String topic, String payload, boolean retain) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    /** Subscribes to every filter at QoS 1 in one SUBSCRIBE and returns the SUBACK's reason codes. */
    static List<Mqtt5SubAckReasonCode> subscribe(Mqtt5BlockingClient client, String... filters) {
        List<Mqtt5Subscription> subscriptions = Arrays.stream(filters)
                .map(f -> Mqtt5Subscription.builder().topicFilter(f).qos(MqttQos.AT_LEAST_ONCE).build()).toList();
        try {
            return client.subscribeWith().addSubscriptions(subscriptions).send().getReasonCodes();
        } catch (Mqtt5SubAckException e) {
            return e.getMqttMessage().getReasonCodes();
        }
    }

    /** A Paho MQTT 3.1.1 client that notes when the broker closes its connection. */
    static final class Paho3 implements AutoCloseable {
        final org.eclipse.paho.client.mqttv3.MqttClient client;
        final CountDownLatch lost = new CountDownLatch(1);

        Paho3(String uri, String clientId) throws Exception {
            client = new org.eclipse.paho.client.mqttv3.MqttClient(uri, clientId, new MemoryPersistence());
            // Without a bound, a call whose token Paho never completes (see publishBeforeTheClose)
            // waits forever.
            client.setTimeToWait(Duration.ofSeconds(10).toMillis());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    lost.countDown();
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
        }

        Paho3 connect(boolean cleanSession) throws Exception {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(cleanSession);
            options.setAutomaticReconnect(false);
            client.connect(options);
            return this;
        }

        /**
         * Sends a QoS 0 PUBLISH that the broker answers by closing the connection. Paho completes a
         * QoS 0 token once the packet is written; when the broker's close overtakes that, the token
         * fails (or, without a time to wait, never completes). Either is the close this publish
         * provokes, which {@link #assertClosedByBroker} then checks.
         */
        void publishBeforeTheClose(String topic, byte[] payload, boolean retain) {
            try {
                client.publish(topic, payload, 0, retain);
            } catch (org.eclipse.paho.client.mqttv3.MqttException closedFirst) {
                // The close came first; the assertion that follows is what matters.
            }
        }

        void assertClosedByBroker() throws InterruptedException {
            assertThat(lost.await(5, TimeUnit.SECONDS)).as("connection closed by the broker").isTrue();
            assertThat(client.isConnected()).isFalse();
        }

        @Override
        public void close() throws Exception {
            if (client.isConnected()) {
                client.disconnectForcibly(Duration.ofSeconds(1).toMillis());
            }
            client.close(true);
        }
    }
}
