package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tern.bootstrap.security.ReloadingFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An edited ACL file applies to clients already connected, without a restart; a broken edit changes nothing. */
class AclReloadTest {

    /** The file watcher polls once a second; a reload is seen well within this. */
    private static final Duration RELOAD_SEEN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void appliesAnEditedAclToConnectedClientsAndIgnoresABrokenOne() throws Exception {
        Path passwords = dir.resolve("passwords");
        SecureBroker.passwd(passwords, "alice", "pw");
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite a/#\n");
        Logger reloads = (Logger) LoggerFactory.getLogger(ReloadingFile.class);
        RefusedReloads refused = new RefusedReloads();
        refused.start();
        reloads.addAppender(refused);
        try (SecureBroker broker = SecureBroker.start("security.file.password-file=" + passwords,
                "security.acl.file=" + acl)) {
            Mqtt5BlockingClient alice = SecureClients.v5(broker.tcpPort(), "alice", "alice", "pw").buildBlocking();
            alice.connect();
            assertThat(SecureClients.publishQos1(alice, "b/x", "1")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            replace(acl, "user alice\ntopic readwrite a/#\ntopic write b/#\n");
            await().atMost(RELOAD_SEEN).until(() ->
                    SecureClients.publishQos1(alice, "b/x", "2") != Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            // Broken: were it applied, alice would have no rule left for b/x.
            replace(acl, "user alice\ntopic nonsense a/#/b\n");
            await().atMost(RELOAD_SEEN).until(() -> refused.of(acl));
            assertThat(SecureClients.publishQos1(alice, "b/x", "3")).isNotEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            alice.disconnect();
        } finally {
            reloads.detachAppender(refused);
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
            Mqtt5BlockingClient bob = SecureClients.v5(broker.tcpPort(), "bob", "bob", "pw").buildBlocking();
            bob.connect();
            // Listening before subscribing: the client drops a message that comes before its flow exists.
            try (Mqtt5BlockingClient.Mqtt5Publishes received = alice.publishes(MqttGlobalPublishFilter.ALL)) {
                alice.subscribeWith().topicFilter("news/#").qos(MqttQos.AT_LEAST_ONCE).send();
                SecureClients.publishQos1(bob, "news/a", "before");
                assertThat(received.receive(5, TimeUnit.SECONDS)).map(p -> new String(p.getPayloadAsBytes(),
                        StandardCharsets.UTF_8)).contains("before");

                // alice keeps her subscription, but the edited ACL no longer lets her read news/#.
                replace(acl, "user alice\ntopic read other/#\nuser bob\ntopic write news/#\n");
                await().atMost(RELOAD_SEEN).until(() -> {
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

    /** As an operator's editor saves: a new file renamed over the old one. */
    private void replace(Path file, String content) throws Exception {
        Path next = Files.writeString(dir.resolve(file.getFileName() + ".new"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The warnings the broker logs when it reads a security file and refuses it. */
    private static final class RefusedReloads extends AppenderBase<ILoggingEvent> {

        private final Queue<String> warnings = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel() == Level.WARN) {
                warnings.add(event.getFormattedMessage());
            }
        }

        boolean of(Path file) {
            return warnings.stream().anyMatch(warning -> warning.startsWith("Keeping the previous ACL file")
                    && warning.contains(file.toString()));
        }
    }
}
