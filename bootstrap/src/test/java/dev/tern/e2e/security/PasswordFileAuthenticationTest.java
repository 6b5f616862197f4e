package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONNECT user names and passwords against a password file written by {@code tern passwd} [MQTT-3.1.3-8, 3.2.2.3]. */
class PasswordFileAuthenticationTest {

    @TempDir
    Path dir;

    private Path passwords;
    private SecureBroker broker;

    @BeforeEach
    void writePasswordFile() {
        passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "alice", "wonderland");
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Every test fails logins from 127.0.0.1, so only the ban test gets a low limit. */
    private void startBroker(int maxFailures) throws Exception {
        broker = SecureBroker.start("security.file.password-file=" + passwords,
                "security.file.brute-force.max-failures=" + maxFailures, "security.file.brute-force.ban-seconds=60");
    }

    @Test
    void acceptsTheRightPassword() throws Exception {
        startBroker(100);
        var v3 = SecureClients.v3(broker.tcpPort(), "alice-3", "alice", "wonderland").buildBlocking();
        var v5 = SecureClients.v5(broker.tcpPort(), "alice-5", "alice", "wonderland").buildBlocking();

        assertThat(v3.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
        assertThat(v5.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        v3.disconnect();
        v5.disconnect();
    }

    @Test
    void refusesAWrongPasswordWith0x04In311And0x86In5() throws Exception {
        startBroker(100);
        assertThat(v3Refusal("c1", "alice", "looking-glass")).isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v5Refusal("c2", "alice", "looking-glass")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v5Refusal("c3", "mallory", "wonderland")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void refusesAnonymousClientsOnceThereIsAPasswordFile() throws Exception {
        startBroker(100);
        var v3 = SecureClients.v3(broker.tcpPort(), "nobody-3").buildBlocking();
        var v5 = SecureClients.v5(broker.tcpPort(), "nobody-5").buildBlocking();

        assertThat(catchThrowableOfType(Mqtt3ConnAckException.class, v3::connect).getMqttMessage().getReturnCode())
                .isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
        assertThat(catchThrowableOfType(Mqtt5ConnAckException.class, v5::connect).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void picksUpPasswordChangesWithoutARestart() throws Exception {
        startBroker(100);
        SecureBroker.passwd(passwords, "alice", "new-password");
        SecureBroker.passwd(passwords, "bob", "builder");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(v5Refusal("bob-1", "bob", "builder")).isNull());
        assertThat(v5Refusal("alice-1", "alice", "wonderland")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(v5Refusal("alice-2", "alice", "new-password")).isNull();
    }

    @Test
    void bansAClientIdAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        startBroker(3);
        for (int i = 0; i < 3; i++) {
            assertThat(v5Refusal("guessed", "alice", "guess-" + i)).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        }

        assertThat(v5Refusal("guessed", "alice", "wonderland")).isEqualTo(Mqtt5ConnAckReasonCode.BANNED);
        assertThat(v3Refusal("guessed", "alice", "wonderland")).isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void theFileNeverHoldsThePlainPassword() throws Exception {
        startBroker(100);
        assertThat(Files.readString(passwords)).doesNotContain("wonderland").startsWith("alice:$pbkdf2-sha512$");
    }

    /** The CONNACK refusal, or null when the client got in. */
    private Mqtt5ConnAckReasonCode v5Refusal(String clientId, String user, String password) {
        var client = SecureClients.v5(broker.tcpPort(), clientId, user, password).buildBlocking();
        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, client::connect);
        if (refused == null) {
            client.disconnect();
            return null;
        }
        return refused.getMqttMessage().getReasonCode();
    }

    private Mqtt3ConnAckReturnCode v3Refusal(String clientId, String user, String password) {
        var client = SecureClients.v3(broker.tcpPort(), clientId, user, password).buildBlocking();
        Mqtt3ConnAckException refused = catchThrowableOfType(Mqtt3ConnAckException.class, client::connect);
        if (refused == null) {
            client.disconnect();
            return null;
        }
        return refused.getMqttMessage().getReturnCode();
    }
}
