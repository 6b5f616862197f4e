package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import com.hivemq.client.mqtt.mqtt5.auth.Mqtt5EnhancedAuthMechanism;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5Auth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5AuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tern.bootstrap.security.ScramTestClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 enhanced authentication (4.12) with SCRAM-SHA-256 through the HiveMQ client's
 * {@link Mqtt5EnhancedAuthMechanism}: CONNECT carries client-first, AUTH 0x18 the server-first
 * challenge and client-final, CONNACK the server-final signature the client checks.
 */
class ScramAuthenticationTest {

    @TempDir
    static Path dir;

    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "alice", "wonderland");
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite alice/#\n");
        broker = SecureBroker.start("security.file.password-file=" + passwords, "security.acl.file=" + acl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void connectsWithTheRightPasswordAndVerifiesTheServer() {
        Scram mechanism = new Scram("alice", "wonderland");
        Mqtt5BlockingClient client = client("scram-ok", "alice", mechanism);

        assertThat(client.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        try {
            assertThat(mechanism.serverVerified).isTrue();
            // The identity the ACL sees is the SCRAM user.
            assertThat(SecureClients.publishQos1(client, "alice/x", "hi")).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            assertThat(SecureClients.publishQos1(client, "bob/x", "hi")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void refusesAWrongPasswordWith0x86() {
        Mqtt5BlockingClient client = client("scram-bad", "alice", new Scram("alice", "looking-glass"));

        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, client::connect);

        assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void refusesAnUnknownMethodWith0x8C() {
        Scram other = new Scram("alice", "wonderland") {
            @Override
            public MqttUtf8String getMethod() {
                return MqttUtf8String.of("SCRAM-SHA-1");
            }
        };
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class,
                client("scram-1", "alice", other)::connect);

        assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD);
    }

    private static Mqtt5BlockingClient client(String clientId, String user, Scram mechanism) {
        return SecureClients.v5(broker.tcpPort(), clientId).simpleAuth().username(user).applySimpleAuth()
                .enhancedAuth(mechanism).buildBlocking();
    }

    /** The client half of SCRAM-SHA-256 plugged into the HiveMQ client. */
    private static class Scram implements Mqtt5EnhancedAuthMechanism {
        private final ScramTestClient scram;
        volatile boolean serverVerified;

        Scram(String user, String password) {
            this.scram = new ScramTestClient(user, password);
        }

        @Override
        public MqttUtf8String getMethod() {
            return MqttUtf8String.of("SCRAM-SHA-256");
        }

        @Override
        public int getTimeout() {
            return 10;
        }

        @Override
        public CompletableFuture<Void> onAuth(Mqtt5ClientConfig config, Mqtt5Connect connect,
                Mqtt5EnhancedAuthBuilder auth) {
            auth.data(scram.first());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Boolean> onContinue(Mqtt5ClientConfig config, Mqtt5Auth auth, Mqtt5AuthBuilder next) {
            String serverFirst = StandardCharsets.UTF_8.decode(auth.getData().orElseThrow()).toString();
            next.data(scram.last(serverFirst));
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<Boolean> onAuthSuccess(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
            ByteBuffer data = connAck.getEnhancedAuth().orElseThrow().getData().orElseThrow();
            byte[] serverFinal = new byte[data.remaining()];
            data.get(serverFinal);
            serverVerified = scram.verifiesServer(serverFinal);
            return CompletableFuture.completedFuture(serverVerified);
        }

        @Override
        public CompletableFuture<Void> onReAuth(Mqtt5ClientConfig config, Mqtt5AuthBuilder auth) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not tested"));
        }

        @Override
        public CompletableFuture<Boolean> onReAuthSuccess(Mqtt5ClientConfig config, Mqtt5Auth auth) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public void onAuthRejected(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        }

        @Override
        public void onReAuthRejected(Mqtt5ClientConfig config, Mqtt5Disconnect disconnect) {
        }

        @Override
        public void onAuthError(Mqtt5ClientConfig config, Throwable cause) {
        }

        @Override
        public void onReAuthError(Mqtt5ClientConfig config, Throwable cause) {
        }
    }
}
