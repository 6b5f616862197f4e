package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edited ACL file applies to clients already connected, without a restart; a broken edit changes nothing. */
class AclReloadTest {

    @TempDir
    Path dir;

    @Test
    void appliesAnEditedAclToConnectedClientsAndIgnoresABrokenOne() throws Exception {
        Path passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "alice", "pw");
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite a/#\n");
        try (SecureBroker broker = SecureBroker.start("security.password-file=" + passwords,
                "security.acl-file=" + acl)) {
            Mqtt5BlockingClient alice = SecureClients.v5(broker.tcpPort(), "alice", "alice", "pw").buildBlocking();
            alice.connect();
            assertThat(SecureClients.publishQos1(alice, "b/x", "1")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Files.writeString(dir.resolve("acl.new"), "user alice\ntopic readwrite a/#\ntopic write b/#\n");
            Files.move(dir.resolve("acl.new"), acl, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    SecureClients.publishQos1(alice, "b/x", "2") != Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Files.writeString(acl, "user alice\ntopic nonsense a/#/b\n");
            Thread.sleep(2_500);
            assertThat(SecureClients.publishQos1(alice, "b/x", "3")).isNotEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            alice.disconnect();
        }
    }
}
