package dev.tern.e2e.v5;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("MQTT 5 interoperability: Eclipse Paho mqttv5 and HiveMQ clients")
class PahoInteropV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    private static MqttClient paho(String uri, String clientId, PahoCallbacks callbacks, MqttConnectionOptions options)
            throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(callbacks);
        client.connect(options);
        return client;
    }

    private static void close(MqttClient client) throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }

    @Test
    void pahoClientsExchangeUserPropertiesAndContentType() throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = paho(BROKER.uri(), "paho-sub", new PahoCallbacks(null, received),
                new MqttConnectionOptions());
        MqttClient publisher = paho(BROKER.uri(), "paho-pub", new PahoCallbacks(null, null),
                new MqttConnectionOptions());
        try {
            subscriber.subscribe("paho/props", 1);
            MqttMessage message = new MqttMessage("hello".getBytes(StandardCharsets.UTF_8), 1, false, null);
            MqttProperties properties = new MqttProperties();
            properties.setContentType("text/plain");
            properties.setUserProperties(List.of(new UserProperty("k1", "v1"), new UserProperty("k2", "v2")));
            message.setProperties(properties);
            publisher.publish("paho/props", message);

            MqttMessage arrived = received.poll(5, TimeUnit.SECONDS);
            assertThat(arrived).isNotNull();
            assertThat(new String(arrived.getPayload(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(arrived.getProperties().getContentType()).isEqualTo("text/plain");
            assertThat(arrived.getProperties().getUserProperties()).extracting(UserProperty::getKey)
                    .containsExactly("k1", "k2");
        } finally {
            close(subscriber);
            close(publisher);
        }
    }

    @Test
    void pahoClientResumesAPersistentSessionAndReceivesWhatWasQueued() throws Exception {
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(30L);
        MqttClient first = paho(BROKER.uri(), "paho-persistent", new PahoCallbacks(null, null), persistent);
        first.subscribe("paho/queued", 1);
        close(first);
        MqttClient publisher = paho(BROKER.uri(), "paho-queued-pub", new PahoCallbacks(null, null),
                new MqttConnectionOptions());
        publisher.publish("paho/queued",
                new MqttMessage("while away".getBytes(StandardCharsets.UTF_8), 1, false, null));
        close(publisher);

        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient again = paho(BROKER.uri(), "paho-persistent", new PahoCallbacks(null, received), persistent);
        try {
            MqttMessage arrived = received.poll(5, TimeUnit.SECONDS);
            assertThat(arrived).isNotNull();
            assertThat(new String(arrived.getPayload(), StandardCharsets.UTF_8)).isEqualTo("while away");
        } finally {
            close(again);
        }
    }

    /** 4.13: both client libraries are told 0x8B Server shutting down when the broker stops. */
    @Test
    void clientsSeeServerShuttingDownWhenTheBrokerStops() throws Exception {
        V5Broker broker = V5Broker.start(List.of());
        CompletableFuture<Integer> pahoReason = new CompletableFuture<>();
        CompletableFuture<Throwable> hiveCause = new CompletableFuture<>();
        MqttClient paho = paho("tcp://127.0.0.1:" + broker.port(), "paho-shutdown",
                new PahoCallbacks(pahoReason, null), new MqttConnectionOptions());
        Mqtt5AsyncClient hive = Hive5.builder(broker.port(), "hive-shutdown")
                .addDisconnectedListener(context -> hiveCause.complete(context.getCause())).buildAsync();
        hive.connect().orTimeout(5, TimeUnit.SECONDS).join();
        try {
            broker.close();

            assertThat(pahoReason.get(5, TimeUnit.SECONDS)).isEqualTo(0x8B);
            Throwable cause = hiveCause.get(5, TimeUnit.SECONDS);
            assertThat(cause).isInstanceOf(Mqtt5DisconnectException.class);
            assertThat(((Mqtt5DisconnectException) cause).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5DisconnectReasonCode.SERVER_SHUTTING_DOWN);
        } finally {
            paho.close(true);
        }
    }
}
