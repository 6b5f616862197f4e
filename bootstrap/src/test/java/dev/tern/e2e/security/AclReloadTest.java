package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
        try (SecureBroker broker = SecureBroker.start("security.file.password-file=" + passwords,
                "security.acl.file=" + acl)) {
            Mqtt5BlockingClient alice = SecureClients.v5(broker.tcpPort(), "alice", "alice", "pw").buildBlocking();
            alice.connect();
            assertThat(SecureClients.publishQos1(alice, "b/x", "1")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Files.writeString(dir.resolve("acl.new"), "user alice\ntopic readwrite a/#\ntopic write b/#\n");
            Files.move(dir.resolve("acl.new"), acl, StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    SecureClients.publishQos1(alice, "b/x", "2") != Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Files.writeString(acl, "user alice\ntopic nonsense a/#/b\n");
            Thread.sleep(2_500);
            assertThat(SecureClients.publishQos1(alice, "b/x", "3")).isNotEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            alice.disconnect();
        }
    }

    @Test
    void anEditedAclStopsDeliveriesToASubscriptionItNoLongerAllows() throws Exception {
        Path passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "alice", "pw");
        SecureBroker.passwd(passwords, "bob", "pw");
        Path acl = Files.writeString(dir.resolve("acl"),
                "user alice\ntopic read news/#\nuser bob\ntopic write news/#\n");
        try (SecureBroker broker = SecureBroker.start("security.file.password-file=" + passwords,
                "security.acl.file=" + acl)) {
            Mqtt5BlockingClient alice = SecureClients.v5(broker.tcpPort(), "alice", "alice", "pw").buildBlocking();
            alice.connect();
            alice.subscribeWith().topicFilter("news/#").qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient bob = SecureClients.v5(broker.tcpPort(), "bob", "bob", "pw").buildBlocking();
            bob.connect();
            try (Mqtt5BlockingClient.Mqtt5Publishes received = alice.publishes(MqttGlobalPublishFilter.ALL)) {
                SecureClients.publishQos1(bob, "news/a", "before");
                assertThat(received.receive(5, TimeUnit.SECONDS)).map(p -> new String(p.getPayloadAsBytes(),
                        StandardCharsets.UTF_8)).contains("before");

                // alice keeps her subscription, but the edited ACL no longer lets her read news/#.
                Files.writeString(dir.resolve("acl.new"), "user alice\ntopic read other/#\nuser bob\ntopic write news/#\n");
                Files.move(dir.resolve("acl.new"), acl, StandardCopyOption.REPLACE_EXISTING);
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    SecureClients.publishQos1(bob, "news/a", "probe");
                    return received.receive(300, TimeUnit.MILLISECONDS).isEmpty();
                });

                SecureClients.publishQos1(bob, "news/a", "after");
                assertThat(received.receive(1, TimeUnit.SECONDS)).isEmpty();
            }
            alice.disconnect();
            bob.disconnect();
        }
    }
}
