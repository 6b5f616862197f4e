package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pubcomp;
import static dev.tern.e2e.raw.ClientPackets.pubrec;
import static dev.tern.e2e.raw.ClientPackets.pubrel;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("4.3 Quality of Service levels and protocol flows")
class QosDeliveryTest {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /** [MQTT-4.3.1-1], [MQTT-4.3.2-1], [MQTT-4.3.3-1]: each QoS end to end with the HiveMQ client. */
    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void deliversEachQosBetweenHiveMqClients(int qos) throws Exception {
        MqttQos level = MqttQos.fromCode(qos);
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        Mqtt3AsyncClient subscriber = HiveClients.subscriber(BROKER.port(), "hive-sub-" + qos, "hive/" + qos, level, received);
        Mqtt3BlockingClient publisher = HiveClients.blocking(BROKER.port(), "hive-pub-" + qos);
        try {
            publisher.connect();
            publisher.publishWith().topic("hive/" + qos).qos(level).payload(bytes("at qos " + qos)).send();

            Mqtt3Publish message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(HiveClients.text(message)).isEqualTo("at qos " + qos);
            assertThat(message.getQos()).isEqualTo(level);
        } finally {
            publisher.disconnect();
            subscriber.disconnect().join();
        }
    }

    /** The same flows with Paho, whose 3.1.1 implementation differs from HiveMQ's. */
    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void deliversEachQosBetweenPahoClients(int qos) throws Exception {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = new MqttClient(BROKER.uri(), "paho-sub-" + qos, new MemoryPersistence());
        MqttClient publisher = new MqttClient(BROKER.uri(), "paho-pub-" + qos, new MemoryPersistence());
        try {
            subscriber.setCallback(collectingInto(received));
            subscriber.connect(pahoOptions());
            subscriber.subscribe("paho/" + qos, qos);
            publisher.connect(pahoOptions());
            publisher.publish("paho/" + qos, bytes("paho qos " + qos), qos, false);

            MqttMessage message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).isNotNull();
            assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("paho qos " + qos);
            assertThat(message.getQos()).isEqualTo(qos);
        } finally {
            publisher.disconnect();
            subscriber.disconnect();
            publisher.close();
            subscriber.close();
        }
    }

    /** [MQTT-3.3.5-1]: a message is delivered at the lower of publish QoS and granted QoS. */
    @Test
    void downgradesDeliveryToGrantedQos() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), "downgrade-sub");
                RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "downgrade-pub")) {
            subscriber.send(subscribe(1, "downgrade", 1));
            subscriber.readPacket().suback();

            publisher.send(publish("downgrade", "two", 2, 7));
            assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBREC);
            publisher.send(pubrel(7));
            assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBCOMP);

            assertThat(subscriber.readPacket().publish().qos()).isEqualTo(1);
        }
    }

    /**
     * [MQTT-4.3.3-2]: until PUBREL, a repeated QoS 2 PUBLISH with the same packet id is answered
     * with PUBREC again and is not delivered a second time; PUBREL gets PUBCOMP.
     */
    @Test
    void acknowledgesDuplicateQos2PublishWithoutDeliveringItTwice() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), "qos2-dup-sub");
                RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "qos2-dup-pub")) {
            subscriber.send(subscribe(1, "qos2/dup", 2));
            subscriber.readPacket().suback();

            publisher.send(publish("qos2/dup", "once", 2, 42));
            assertPacketId(publisher.readPacket(), PacketType.PUBREC, 42);
            publisher.send(publish("qos2/dup", "once", 2, 42, true, false));
            assertPacketId(publisher.readPacket(), PacketType.PUBREC, 42);
            publisher.send(pubrel(42));
            assertPacketId(publisher.readPacket(), PacketType.PUBCOMP, 42);

            ReceivedPublish delivered = subscriber.readPacket().publish();
            assertThat(delivered.payload()).isEqualTo("once");
            assertThat(delivered.qos()).isEqualTo(2);
            subscriber.send(pubrec(delivered.packetId()));
            assertPacketId(subscriber.readPacket(), PacketType.PUBREL, delivered.packetId());
            subscriber.send(pubcomp(delivered.packetId()));
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /** [MQTT-4.3.3-2]: after PUBCOMP the packet id is free, and a new PUBLISH with it is a new message. */
    @Test
    void treatsReusedPacketIdAfterPubcompAsNewMessage() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), "qos2-reuse-sub");
                RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "qos2-reuse-pub")) {
            subscriber.send(subscribe(1, "qos2/reuse", 0));
            subscriber.readPacket().suback();

            for (String payload : new String[] {"first", "second"}) {
                publisher.send(publish("qos2/reuse", payload, 2, 9));
                assertPacketId(publisher.readPacket(), PacketType.PUBREC, 9);
                publisher.send(pubrel(9));
                assertPacketId(publisher.readPacket(), PacketType.PUBCOMP, 9);
            }

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("first");
            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("second");
        }
    }

    private static void assertPacketId(ReceivedPacket packet, PacketType type, int packetId) {
        assertThat(packet.type()).isEqualTo(type);
        assertThat(packet.packetId()).isEqualTo(packetId);
    }

    private static MqttConnectOptions pahoOptions() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        return options;
    }

    private static MqttCallback collectingInto(BlockingQueue<MqttMessage> received) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(message);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
