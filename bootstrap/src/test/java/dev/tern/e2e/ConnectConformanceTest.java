package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedConnack;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1 CONNECT")
class ConnectConformanceTest {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.connect-timeout=1");

    /** MQTT 3.1.1: protocol name {@code MQTT}, level 4. */
    @Test
    void acceptsMqtt311Connect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("v311").toBytes());

            assertThat(client.readPacket().connack()).isEqualTo(new ReceivedConnack(false, 0));
            client.send(pingreq());
            assertThat(client.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }

    /** MQTT 3.1: protocol name {@code MQIsdp}, level 3, still in wide use. */
    @Test
    void acceptsMqtt31Connect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v31("v31").toBytes());

            assertThat(client.readPacket().connack()).isEqualTo(new ReceivedConnack(false, 0));
        }
    }

    /** A real MQTT 3.1 client (Paho in 3.1 mode) connects, subscribes and receives. */
    @Test
    void servesPahoClientSpeakingMqtt31() throws Exception {
        MqttClient client = new MqttClient(BROKER.uri(), "paho31", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        options.setConnectionTimeout(5);
        try {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            client.connect(options);
            client.subscribe("v31/t", 1, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            client.publish("v31/t", "hello 3.1".getBytes(StandardCharsets.UTF_8), 1, false);

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello 3.1");
        } finally {
            client.disconnect();
            client.close();
        }
    }

    /** [MQTT-3.1.2-2]: an unsupported protocol level gets CONNACK 0x01, then the connection closes. */
    @Test
    void refusesUnsupportedProtocolLevelWithReturnCode1() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("level6").protocol("MQTT", 6).toBytes());

            assertThat(client.readPacket().connack().returnCode()).isEqualTo(0x01);
            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /**
     * [MQTT-3.1.2-1]: a protocol name other than {@code MQTT} lets the server disconnect; it may
     * answer CONNACK 0x01 first [MQTT-3.1.2-2]. Either way the connection ends.
     */
    @Test
    void closesConnectionWithUnknownProtocolName() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("xyz").protocol("XYZ", 4).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.2-3]: the reserved connect flag must be zero, otherwise disconnect. */
    @Test
    void closesConnectionWhenReservedConnectFlagIsSet() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("reserved").rawFlags(0x01).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.3-6]: a zero-byte client id with clean session 1 gets an id assigned and is accepted. */
    @Test
    void acceptsEmptyClientIdWithCleanSession() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("").cleanSession(true).toBytes());

            assertThat(client.readPacket().connack().returnCode()).isZero();
        }
    }

    /** [MQTT-3.1.3-8]: a zero-byte client id with clean session 0 gets CONNACK 0x02, then close. */
    @Test
    void refusesEmptyClientIdWithoutCleanSession() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("").cleanSession(false).toBytes());

            assertThat(client.readPacket().connack().returnCode()).isEqualTo(0x02);
            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.0-1]: the first packet must be CONNECT. */
    @Test
    void closesConnectionWhoseFirstPacketIsNotConnect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(publish("a/b", "early", 0, 0));

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.0-2]: a second CONNECT is a protocol violation. */
    @Test
    void closesConnectionOnSecondConnect() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "twice")) {
            client.send(ConnectPacket.v311("twice").toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** A socket that never sends CONNECT is closed after the connect timeout (1 s here). */
    @Test
    void closesSilentSocketAfterConnectTimeout() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** A socket that sends half a CONNECT is still closed after the connect timeout. */
    @Test
    void closesSocketWithPartialConnectAfterConnectTimeout() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.sendHex("10 0c 00 04 4d 51");

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.2-11], [MQTT-3.1.2-13]: with will flag 0 the will QoS must be 0; will QoS 1 alone closes. */
    @Test
    void closesConnectionWithWillQosButNoWillFlag() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("willqos").rawFlags(0x08).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.2-11], [MQTT-3.1.2-15]: with will flag 0 the will retain flag must be 0. */
    @Test
    void closesConnectionWithWillRetainButNoWillFlag() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("willretain").rawFlags(0x20).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.1.2-14]: will QoS 3 is invalid. */
    @Test
    void closesConnectionWithWillQos3() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(ConnectPacket.v311("willqos3").will("w", "x", 3, false).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }
}
