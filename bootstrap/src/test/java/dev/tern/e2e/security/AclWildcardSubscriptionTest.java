package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Everything except": {@code topic read #} with {@code topic deny secret/#}. Leniently (the
 * default, as Mosquitto and EMQX) a client may subscribe to {@code #} and the read check on each
 * delivery withholds {@code secret/...}, retained messages included; strictly, every filter that
 * could reach a denied topic is refused [MQTT-3.9.3-1: 0x87 Not authorized].
 */
class AclWildcardSubscriptionTest {

    private static final String ACL = String.join("\n",
            "user reader",
            "topic read #",
            "topic deny secret/#",
            "user writer",
            "topic write #",
            "");

    @TempDir
    static Path dir;

    @Nested
    class Lenient {

        private static SecureBroker broker;

        @BeforeAll
        static void startBroker() throws Exception {
            broker = SecureBroker.start("security.acl.file=" + Files.writeString(dir.resolve("acl-lenient"), ACL));
        }

        @AfterAll
        static void stopBroker() {
            broker.close();
        }

        @Test
        void grantsHashDespiteADenyRuleThatCoversPartOfIt() {
            Mqtt5BlockingClient reader = connect(broker, "l-grant-5", "reader");
            Mqtt3BlockingClient reader3 = SecureClients.v3(broker.tcpPort(), "l-grant-3")
                    .simpleAuth().username("reader").applySimpleAuth().buildBlocking();
            reader3.connect();
            try {
                assertThat(reader.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes())
                        .containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
                assertThat(reader.subscribeWith().topicFilter("+/+").qos(MqttQos.AT_LEAST_ONCE).send()
                        .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
                assertThat(reader3.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send().getReturnCodes())
                        .containsExactly(Mqtt3SubAckReturnCode.SUCCESS_MAXIMUM_QOS_1);
            } finally {
                reader.disconnect();
                reader3.disconnect();
            }
        }

        @Test
        void refusesAFilterTheDenyRuleCoversWhole() {
            Mqtt5BlockingClient reader = connect(broker, "l-refuse", "reader");
            try {
                assertThat(refusal(reader, "secret/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
                assertThat(refusal(reader, "secret/+")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            } finally {
                reader.disconnect();
            }
        }

        @Test
        void withholdsMessagesOnDeniedTopicsAndDeliversTheRestThroughHash() throws Exception {
            Mqtt5BlockingClient reader = connect(broker, "l-live", "reader");
            Mqtt5BlockingClient writer = connect(broker, "l-live-pub", "writer");
            try (var received = reader.publishes(MqttGlobalPublishFilter.ALL)) {
                // Retained messages of other tests are not what this one is about.
                reader.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
                        .retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).send();

                publish(writer, "secret/live/1", "hidden", false);
                publish(writer, "plant/live/1", "first", false);
                publish(writer, "secret", "hidden", false);
                publish(writer, "plant/live/2", "second", false);

                List<Mqtt5Publish> messages = receiveUntilQuiet(received);
                assertThat(messages).extracting(message -> message.getTopic().toString())
                        .containsExactly("plant/live/1", "plant/live/2");
            } finally {
                reader.disconnect();
                writer.disconnect();
            }
        }

        @Test
        void withholdsRetainedMessagesUnderADeniedTopicReachedThroughHash() throws Exception {
            Mqtt5BlockingClient writer = connect(broker, "l-retained-pub", "writer");
            publish(writer, "secret/retained/config", "hidden", true);
            publish(writer, "plant/retained/config", "visible", true);
            writer.disconnect();

            Mqtt5BlockingClient reader = connect(broker, "l-retained", "reader");
            try (var received = reader.publishes(MqttGlobalPublishFilter.ALL)) {
                reader.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();

                List<Mqtt5Publish> messages = receiveUntilQuiet(received);
                assertThat(messages).extracting(message -> message.getTopic().toString())
                        .contains("plant/retained/config")
                        .noneMatch(topic -> topic.startsWith("secret"));
                assertThat(messages).allMatch(Mqtt5Publish::isRetain);
            } finally {
                reader.disconnect();
            }
        }
    }

    @Nested
    class Strict {

        private static SecureBroker broker;

        @BeforeAll
        static void startBroker() throws Exception {
            broker = SecureBroker.start("security.acl.file=" + Files.writeString(dir.resolve("acl-strict"), ACL),
                    "security.acl.wildcard-subscriptions=strict");
        }

        @AfterAll
        static void stopBroker() {
            broker.close();
        }

        @Test
        void refusesEveryFilterThatCouldReachADeniedTopic() {
            Mqtt5BlockingClient reader = connect(broker, "s-refuse", "reader");
            try {
                assertThat(refusal(reader, "#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
                assertThat(refusal(reader, "+/+")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
                assertThat(refusal(reader, "secret/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
                assertThat(reader.subscribeWith().topicFilter("plant/#").qos(MqttQos.AT_LEAST_ONCE).send()
                        .getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            } finally {
                reader.disconnect();
            }
        }
    }

    private static Mqtt5BlockingClient connect(SecureBroker broker, String clientId, String user) {
        // No password file: user names are taken as given, which is all the ACL needs here.
        Mqtt5BlockingClient client = SecureClients.v5(broker.tcpPort(), clientId)
                .simpleAuth().username(user).applySimpleAuth().buildBlocking();
        client.connect();
        return client;
    }

    private static Mqtt5SubAckReasonCode refusal(Mqtt5BlockingClient client, String filter) {
        Mqtt5SubAckException refused = catchThrowableOfType(Mqtt5SubAckException.class,
                () -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send());
        assertThat(refused).as("SUBACK refusal for " + filter).isNotNull();
        return refused.getMqttMessage().getReasonCodes().get(0);
    }

    private static void publish(Mqtt5BlockingClient writer, String topic, String payload, boolean retain) {
        writer.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Every message arriving until half a second passes without one. */
    private static List<Mqtt5Publish> receiveUntilQuiet(Mqtt5BlockingClient.Mqtt5Publishes received)
            throws InterruptedException {
        List<Mqtt5Publish> messages = new ArrayList<>();
        Optional<Mqtt5Publish> next;
        while ((next = received.receive(500, TimeUnit.MILLISECONDS)).isPresent()) {
            messages.add(next.get());
        }
        return messages;
    }
}
