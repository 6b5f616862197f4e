package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("4.12 Enhanced authentication, 3.15 AUTH (MQTT 5)")
class EnhancedAuthV5Test {

    private static final String METHOD = ReversedNonceAuthenticator.METHOD;
    private static V5Broker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = V5Broker.start(List.of(new ReversedNonceAuthenticator()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Connect5Packet connectWith(String clientId, String method) {
        return Connect5Packet.v5(clientId).properties(PropertiesWriter.properties().utf8(0x15, method));
    }

    /** Sends CONNECT with the method and returns the server's challenge (AUTH 0x18). */
    private static Received5.Reasoned challenge(RawMqttClient client, String clientId) throws Exception {
        client.send(connectWith(clientId, METHOD).toBytes());
        Received5.Reasoned auth = Received5.reasoned(client.readPacket());
        assertThat(auth.type()).isEqualTo(PacketType.AUTH);
        assertThat(auth.reasonCode()).isEqualTo(0x18);
        assertThat(auth.properties().string(0x15)).isEqualTo(METHOD);
        return auth;
    }

    /** 4.12: CONNECT, AUTH 0x18 challenge, AUTH 0x18 answer, CONNACK 0x00 with the method. */
    @Test
    void authenticatesAClientThatAnswersTheChallenge() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            byte[] nonce = challenge(client, "auth-ok").properties().binary(0x16);
            client.send(Client5Packets.auth(0x18, METHOD, ReversedNonceAuthenticator.answer(nonce)));

            Received5.Reasoned connack = Received5.connack(client.readPacket());
            assertThat(connack.reasonCode()).isZero();
            assertThat(connack.properties().string(0x15)).isEqualTo(METHOD);
            assertThat(new String(connack.properties().binary(0x16), StandardCharsets.UTF_8)).isEqualTo("welcome");
        }
    }

    @Test
    void refusesAWrongAnswerWithTheAuthenticatorsReasonCode() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            challenge(client, "auth-wrong");
            client.send(Client5Packets.auth(0x18, METHOD, "not it".getBytes(StandardCharsets.UTF_8)));

            assertThat(Received5.connack(client.readPacket()).reasonCode()).isEqualTo(0x87);
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** 4.12: an authentication method the broker does not offer is 0x8C Bad authentication method. */
    @Test
    void refusesAnUnknownMethodWithBadAuthenticationMethod() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            assertThat(Received5.connect(client, connectWith("auth-unknown", "NO-SUCH-METHOD")).reasonCode())
                    .isEqualTo(0x8C);
            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** 4.12.1: AUTH 0x19 starts re-authentication; it ends with AUTH 0x00 and the connection stays. */
    @Test
    void reauthenticatesAConnectedClient() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            byte[] nonce = challenge(client, "auth-again").properties().binary(0x16);
            client.send(Client5Packets.auth(0x18, METHOD, ReversedNonceAuthenticator.answer(nonce)));
            assertThat(Received5.connack(client.readPacket()).reasonCode()).isZero();

            client.send(Client5Packets.auth(0x19, METHOD, null));
            Received5.Reasoned again = Received5.reasoned(client.readPacket());
            assertThat(again.type()).isEqualTo(PacketType.AUTH);
            assertThat(again.reasonCode()).isEqualTo(0x18);
            client.send(Client5Packets.auth(0x18, METHOD,
                    ReversedNonceAuthenticator.answer(again.properties().binary(0x16))));
            Received5.Reasoned done = Received5.reasoned(client.readPacket());
            assertThat(done.type()).isEqualTo(PacketType.AUTH);
            assertThat(done.reasonCode()).isZero();

            client.send(0xC0, 0x00);
            assertThat(client.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }

    /** 4.12.1: a failed re-authentication ends the connection with the failure's reason code. */
    @Test
    void disconnectsOnAFailedReauthentication() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            byte[] nonce = challenge(client, "auth-fails-later").properties().binary(0x16);
            client.send(Client5Packets.auth(0x18, METHOD, ReversedNonceAuthenticator.answer(nonce)));
            assertThat(Received5.connack(client.readPacket()).reasonCode()).isZero();

            client.send(Client5Packets.auth(0x19, METHOD, null));
            Received5.reasoned(client.readPacket());
            client.send(Client5Packets.auth(0x18, METHOD, "wrong".getBytes(StandardCharsets.UTF_8)));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x87);
        }
    }

    /** 4.12: AUTH from a client that did not use enhanced authentication is a Protocol Error. */
    @Test
    void disconnectsAuthWithoutEnhancedAuthenticationInConnect() throws Exception {
        try (RawMqttClient client = RawSteps.connected(broker.port(), "auth-none")) {
            client.send(Client5Packets.auth(0x19, METHOD, null));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }

    @Test
    void hiveMqClientAuthenticatesAndReauthenticatesThroughItsEnhancedAuthApi() {
        ReversingAuthMechanism mechanism = new ReversingAuthMechanism();
        Mqtt5AsyncClient client = Hive5.builder(broker.port(), "auth-hive").enhancedAuth(mechanism).buildAsync();
        client.connect().orTimeout(5, TimeUnit.SECONDS).join();
        try {
            assertThat(mechanism.successes).hasValue(1);
            client.reauth().orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(mechanism.reauthSuccesses).hasValue(1);
        } finally {
            Hive5.disconnect(client);
        }
    }

    /**
     * 4.12: only AUTH may answer a challenge during CONNECT. The refusal may close the connection
     * with or without a CONNACK (0x82), but no DISCONNECT: nothing but AUTH may come before CONNACK
     * [MQTT-3.2.0-1].
     */
    @Test
    void refusesAnotherPacketDuringTheConnectExchangeWithoutADisconnectBeforeConnack() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            challenge(client, "auth-ping");
            client.send(0xC0, 0x00);
            ReceivedPacket answer;
            try {
                answer = client.readPacket(Duration.ofSeconds(3));
            } catch (IOException closedWithoutAnswer) {
                return;
            }
            assertThat(answer.type()).as("first packet after the challenge").isEqualTo(PacketType.CONNACK);
            assertThat(Received5.connack(answer).reasonCode()).isEqualTo(0x82);
        }
    }

    /** 4.12.1: re-authentication must use the method of the CONNECT. */
    @Test
    void disconnectsAReauthenticationWithAnotherMethod() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            byte[] nonce = challenge(client, "auth-other").properties().binary(0x16);
            client.send(Client5Packets.auth(0x18, METHOD, ReversedNonceAuthenticator.answer(nonce)));
            assertThat(Received5.connack(client.readPacket()).reasonCode()).isZero();

            client.send(Client5Packets.auth(0x19, "SOMETHING-ELSE", null));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }

    /** 4.12.1: AUTH 0x18 with no exchange under way is a Protocol Error. */
    @Test
    void disconnectsAContinueWithoutAReauthenticationUnderWay() throws Exception {
        try (RawMqttClient client = RawMqttClient.connect(broker.port())) {
            byte[] nonce = challenge(client, "auth-stray").properties().binary(0x16);
            client.send(Client5Packets.auth(0x18, METHOD, ReversedNonceAuthenticator.answer(nonce)));
            assertThat(Received5.connack(client.readPacket()).reasonCode()).isZero();

            client.send(Client5Packets.auth(0x18, METHOD, "stray".getBytes(StandardCharsets.UTF_8)));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x82);
        }
    }
}
