package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACL enforcement end to end: a denied PUBLISH is acknowledged but dropped in 3.1.1 (which has no
 * way to say no) and answered 0x87 in MQTT 5; a denied subscription gets 0x80 in 3.1.1 and 0x87 in
 * MQTT 5 [MQTT-3.9.3-1]. Identities that try to smuggle wildcards into pattern rules get nothing.
 */
class AclEnforcementTest {

    @TempDir
    static Path dir;

    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Path passwords = dir.resolve("passwords");
        for (String user : List.of("alice", "watcher", "a/#", "+")) {
            SecureBroker.passwd(passwords, user, "pw");
        }
        Path acl = Files.writeString(dir.resolve("acl"), String.join("\n",
                "user alice",
                "topic readwrite alice/#",
                "topic deny alice/secret",
                "topic write shared/in",
                "user watcher",
                "topic read #",
                "pattern readwrite home/%u/#",
                "pattern readwrite devices/%c/status",
                ""));
        broker = SecureBroker.start("security.file.password-file=" + passwords, "security.acl.file=" + acl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void deniedPublishIsAcknowledgedButDroppedIn311() throws Exception {
        Mqtt5BlockingClient watcher = connectV5("watcher-1", "watcher");
        try (var received = watcher.publishes(MqttGlobalPublishFilter.ALL)) {
            watcher.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt3BlockingClient alice = SecureClients.v3(broker.tcpPort(), "alice-3", "alice", "pw").buildBlocking();
            alice.connect();

            alice.publishWith().topic("alice/secret").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("hidden")).send();
            alice.publishWith().topic("alice/open").qos(MqttQos.AT_LEAST_ONCE).payload(bytes("visible")).send();

            var first = received.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(first.getTopic().toString()).isEqualTo("alice/open");
            alice.disconnect();
        } finally {
            watcher.disconnect();
        }
    }

    @Test
    void deniedPublishIsRefusedWith0x87In5() {
        Mqtt5BlockingClient alice = connectV5("alice-5", "alice");
        try {
            assertThat(SecureClients.publishQos1(alice, "alice/secret", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(SecureClients.publishQos1(alice, "bob/x", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(SecureClients.publishQos1(alice, "shared/in", "x")).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void deniedSubscriptionGets0x80In311() {
        Mqtt3BlockingClient alice = SecureClients.v3(broker.tcpPort(), "alice-sub-3", "alice", "pw").buildBlocking();
        alice.connect();
        try {
            Mqtt3SubAckException refused = catchThrowableOfType(Mqtt3SubAckException.class,
                    () -> alice.subscribeWith().topicFilter("shared/in").send());
            assertThat(refused.getMqttMessage().getReturnCodes()).containsExactly(Mqtt3SubAckReturnCode.FAILURE);
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void deniedSubscriptionGets0x87In5() {
        Mqtt5BlockingClient alice = connectV5("alice-sub-5", "alice");
        try {
            Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
                    () -> alice.subscribeWith().topicFilter("alice/secret").send());
            assertThat(refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(alice.subscribeWith().topicFilter("alice/notes/+").qos(MqttQos.AT_MOST_ONCE).send().getReasonCodes())
                    .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_0);
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void patternsSubstituteUserNameAndClientId() {
        Mqtt5BlockingClient alice = connectV5("thermostat", "alice");
        try {
            assertThat(SecureClients.publishQos1(alice, "home/alice/kitchen", "x")).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            assertThat(SecureClients.publishQos1(alice, "devices/thermostat/status", "x")).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            assertThat(SecureClients.publishQos1(alice, "home/watcher/kitchen", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(SecureClients.publishQos1(alice, "devices/other/status", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void aUserNameWithWildcardsCannotWidenAPattern() {
        Mqtt5BlockingClient injector = connectV5("inj-1", "a/#");
        try {
            assertThat(SecureClients.publishQos1(injector, "home/a/kitchen", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(SecureClients.publishQos1(injector, "home/anyone/kitchen", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
                    () -> injector.subscribeWith().topicFilter("home/a/#").send());
            assertThat(refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            injector.disconnect();
        }
    }

    @Test
    void aClientIdThatIsAWildcardCannotWidenAPattern() {
        Mqtt5BlockingClient injector = connectV5("+", "+");
        try {
            assertThat(SecureClients.publishQos1(injector, "devices/thermostat/status", "x")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
                    () -> injector.subscribeWith().topicFilter("devices/+/status").send());
            assertThat(refused.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            injector.disconnect();
        }
    }

    private static Mqtt5BlockingClient connectV5(String clientId, String user) {
        Mqtt5BlockingClient client = SecureClients.v5(broker.tcpPort(), clientId, user, "pw").buildBlocking();
        client.connect();
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
