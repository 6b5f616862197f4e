package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static dev.tern.e2e.raw.Received5.connect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1 CONNECT, 3.2 CONNACK, 3.14 DISCONNECT (MQTT 5)")
class ConnectV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    @Test
    void acceptsAnMqtt5ConnectWithReasonCodeSuccess() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("v5-ok"));
            assertThat(connack.reasonCode()).isZero();
            assertThat(connack.sessionPresent()).isFalse();
        }
    }

    /** [MQTT-3.2.2-16]: an empty client id gets an Assigned Client Identifier. */
    @Test
    void assignsAClientIdentifierToAnEmptyOne() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5(""));
            assertThat(connack.reasonCode()).isZero();
            assertThat(connack.properties().string(0x12)).isNotBlank();
        }
    }

    @Test
    void doesNotAssignAClientIdentifierWhenTheClientHasOne() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            assertThat(connect(client, Connect5Packet.v5("named")).properties().has(0x12)).isFalse();
        }
    }

    /** 3.2.2.3.3, 3.2.2.3.6, 3.2.2.3.8: the broker's limits are announced in CONNACK. */
    @Test
    void announcesReceiveMaximumMaximumPacketSizeAndTopicAliasMaximum() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.receive-maximum=7", "mqtt.max-packet-size=5000",
                "mqtt.topic-alias-maximum=5");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("limits"));
            assertThat(connack.properties().integer(0x21)).isEqualTo(7L);
            assertThat(connack.properties().integer(0x27)).isEqualTo(5000L);
            assertThat(connack.properties().integer(0x22)).isEqualTo(5L);
        }
    }

    /** [MQTT-3.2.2-21]: the Server Keep Alive replaces the client's, and the client must use it. */
    @Test
    void announcesServerKeepAliveWhenTheMaximumLowersTheClients() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-keep-alive=10");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("ka").keepAlive(60));
            assertThat(connack.properties().integer(0x13)).isEqualTo(10L);
        }
    }

    @Test
    void announcesNoServerKeepAliveWhenTheClientsIsWithinTheMaximum() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-keep-alive=100");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            assertThat(connect(client, Connect5Packet.v5("ka2").keepAlive(60)).properties().has(0x13)).isFalse();
        }
    }

    /** 3.2.2.3.15: Response Information only when the client asked for it. */
    @Test
    void sendsResponseInformationOnlyWhenRequested() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.response-information=responses/");
                RawMqttClient asking = RawMqttClient.connect(broker.port());
                RawMqttClient silent = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned withRequest = connect(asking, Connect5Packet.v5("asks")
                    .properties(PropertiesWriter.properties().byteProperty(0x19, 1)));
            Received5.Reasoned without = connect(silent, Connect5Packet.v5("silent"));

            assertThat(withRequest.properties().string(0x1A)).isEqualTo("responses/");
            assertThat(without.properties().has(0x1A)).isFalse();
        }
    }

    /** 4.11: redirection with Use another server (0x9C) and the Server Reference. */
    @Test
    void redirectsWithUseAnotherServerAndServerReference() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.server-reference=other.example:1883");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("redirected"));
            assertThat(connack.reasonCode()).isEqualTo(0x9C);
            assertThat(connack.properties().string(0x1C)).isEqualTo("other.example:1883");
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void redirectsWithServerMovedWhenConfigured() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.server-reference=new.example",
                "mqtt.server-moved=true");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("moved"));
            assertThat(connack.reasonCode()).isEqualTo(0x9D);
            assertThat(connack.properties().string(0x1C)).isEqualTo("new.example");
        }
    }

    /** 3.2.2.2: a will topic with a wildcard is refused with Topic Name invalid (0x90). */
    @Test
    void refusesAWillTopicWithAWildcardWithTopicNameInvalid() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("bad-will")
                    .will("wills/#", "x", 0, PropertiesWriter.properties()));
            assertThat(connack.reasonCode()).isEqualTo(0x90);
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** [MQTT-3.1.0-2]: a second CONNECT is a protocol error, told with a reason string. */
    @Test
    void disconnectsASecondConnectWithProtocolErrorAndReasonString() throws Exception {
        try (RawMqttClient client = Received5.connected(BROKER.port(), Connect5Packet.v5("twice"))) {
            client.send(Connect5Packet.v5("twice").toBytes());
            Received5.Reasoned disconnect = awaitDisconnect(client);
            assertThat(disconnect.reasonCode()).isEqualTo(0x82);
            assertThat(disconnect.properties().string(0x1F)).isNotBlank();
        }
    }

    /** 3.14.2.1: a client DISCONNECT with Normal disconnection ends the connection. */
    @Test
    void closesTheConnectionOnAClientDisconnect() throws Exception {
        try (RawMqttClient client = Received5.connected(BROKER.port(), Connect5Packet.v5("bye"))) {
            client.send(Client5Packets.disconnect(0x00));
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** [MQTT-3.2.2-21]: the announced Server Keep Alive is the one the broker enforces. */
    @Test
    void enforcesTheServerKeepAliveItAnnounced() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-keep-alive=1");
                RawMqttClient client = Received5.connected(broker.port(),
                        Connect5Packet.v5("ka-enforced").keepAlive(60))) {
            assertThat(awaitDisconnect(client, Duration.ofSeconds(4)).reasonCode()).isEqualTo(0x8D);
        }
    }

    /**
     * [MQTT-3.1.4-1]: a CONNECT that breaks the rules closes the connection; a CONNACK 0x81/0x82
     * first is allowed (MAY), so either ending passes.
     */
    private static void assertRefusedAsMalformedOrProtocolError(Connect5Packet connect) throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(connect.toBytes());
            boolean silent;
            try {
                silent = client.receivesNothingWithin(Duration.ofSeconds(3));
            } catch (IOException closedWithoutConnack) {
                return;
            }
            assertThat(silent).as("neither CONNACK nor close").isFalse();
            Received5.Reasoned connack = Received5.connack(client.readPacket());
            assertThat(connack.reasonCode()).isIn(0x81, 0x82);
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** 3.1.2.11.3: a Receive Maximum of 0 is a Protocol Error. */
    @Test
    void refusesAReceiveMaximumOfZero() throws Exception {
        assertRefusedAsMalformedOrProtocolError(Connect5Packet.v5("rm-zero")
                .properties(PropertiesWriter.properties().twoByte(0x21, 0)));
    }

    /** 3.1.2.11.4: a Maximum Packet Size of 0 is a Protocol Error. */
    @Test
    void refusesAMaximumPacketSizeOfZero() throws Exception {
        assertRefusedAsMalformedOrProtocolError(Connect5Packet.v5("mps-zero")
                .properties(PropertiesWriter.properties().fourByte(0x27, 0)));
    }

    /** 3.2.2.3.14: a client keep alive of 0 (none) is also replaced by the broker's maximum. */
    @Test
    void announcesServerKeepAliveWhenTheClientAskedForNone() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.max-keep-alive=30");
                RawMqttClient client = RawMqttClient.connect(broker.port())) {
            assertThat(connect(client, Connect5Packet.v5("ka-none").keepAlive(0)).properties().integer(0x13))
                    .isEqualTo(30L);
        }
    }

    @Test
    void sendsNoResponseInformationWhenNoneIsConfigured() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            Received5.Reasoned connack = connect(client, Connect5Packet.v5("asks-nothing-there")
                    .properties(PropertiesWriter.properties().byteProperty(0x19, 1)));
            assertThat(connack.reasonCode()).isZero();
            assertThat(connack.properties().has(0x1A)).isFalse();
        }
    }

    /** 3.1.2.11.10: Authentication Data without an Authentication Method is a Protocol Error. */
    @Test
    void refusesAuthenticationDataWithoutAMethod() throws Exception {
        assertRefusedAsMalformedOrProtocolError(Connect5Packet.v5("data-no-method")
                .properties(PropertiesWriter.properties().binary(0x16, new byte[] {1, 2, 3})));
    }

    /** 3.14.2.2: a client DISCONNECT may carry a Reason String and User Properties. */
    @Test
    void acceptsADisconnectWithReasonStringAndUserProperties() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient watcher = RawSteps.connected(broker.port(), "dc-watch")) {
            RawSteps.subscribe(watcher, 1, "dc/will", 1);
            RawMqttClient client = Received5.connected(broker.port(), Connect5Packet.v5("dc-props")
                    .will("dc/will", "should not appear", 1, PropertiesWriter.properties()));
            client.send(Client5Packets.disconnect(0x00, PropertiesWriter.properties()
                    .utf8(0x1F, "done for today").userProperty("why", "test")));
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
            client.close();
            // Accepted as a normal disconnection: the will is discarded, not published.
            assertThat(watcher.receivesNothingWithin(Duration.ofMillis(500))).isTrue();
        }
    }
}
