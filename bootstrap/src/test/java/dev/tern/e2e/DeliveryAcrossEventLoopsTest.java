package dev.tern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.tern.e2e.support.BrokerExtension;
import dev.tern.e2e.support.HiveClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery between connections served by different event loops. The default is one loop per two
 * processors, which on a small machine is a single loop; this broker has four, so that the
 * publishers and subscribers below (connections are spread over the loops in turn) hand messages
 * from one loop to another, through {@code LoopHandOff}.
 */
@DisplayName("4.6 Message ordering, across event loops")
class DeliveryAcrossEventLoopsTest {

    private static final int PUBLISHERS = 4;
    private static final int SUBSCRIBERS = 3;
    /** Per publisher: all four publishers' together stay within a session's 1,000 queued messages. */
    private static final int MESSAGES = 200;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("listeners.tcp.io-threads=4");

    /**
     * [MQTT-4.6.0-5], [MQTT-4.6.0-6]: every subscriber gets every message of every publisher once,
     * each publisher's in the order sent, whichever loops the two connections are on.
     */
    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void everySubscriberGetsEachPublishersMessagesOnceAndInOrder(MqttQos qos) throws Exception {
        String topic = "loops/" + qos.getCode() + "/";
        List<BlockingQueue<Mqtt3Publish>> inboxes = new ArrayList<>();
        List<Mqtt3AsyncClient> clients = new ArrayList<>();
        try {
            for (int s = 0; s < SUBSCRIBERS; s++) {
                BlockingQueue<Mqtt3Publish> inbox = HiveClients.queue();
                inboxes.add(inbox);
                clients.add(HiveClients.subscriber(BROKER.port(), "loops-sub-" + qos.getCode() + "-" + s,
                        topic + "+", qos, inbox));
            }
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                Mqtt3AsyncClient publisher = HiveClients.async(BROKER.port(), "loops-pub-" + qos.getCode() + "-" + p);
                clients.add(publisher);
                publisher.connect().join();
                for (int i = 0; i < MESSAGES; i++) {
                    sends.add(publisher.publishWith().topic(topic + p).qos(qos)
                            .payload((p + ":" + i).getBytes(StandardCharsets.UTF_8)).send());
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            for (BlockingQueue<Mqtt3Publish> inbox : inboxes) {
                Map<Integer, List<Integer>> byPublisher = new HashMap<>();
                for (int n = 0; n < PUBLISHERS * MESSAGES; n++) {
                    Mqtt3Publish message = inbox.poll(10, TimeUnit.SECONDS);
                    assertThat(message).as("message %d of %d", n, PUBLISHERS * MESSAGES).isNotNull();
                    String[] parts = HiveClients.text(message).split(":");
                    byPublisher.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>())
                            .add(Integer.parseInt(parts[1]));
                }
                assertThat(byPublisher).hasSize(PUBLISHERS);
                byPublisher.values().forEach(sequence ->
                        assertThat(sequence).isSorted().doesNotHaveDuplicates().hasSize(MESSAGES));
                assertThat(inbox.poll(200, TimeUnit.MILLISECONDS)).as("nothing beyond the messages sent").isNull();
            }
        } finally {
            clients.forEach(client -> client.disconnect());
        }
    }

    /** [MQTT-4.8.2-3]: a shared subscription whose members sit on different loops gets each message once. */
    @ParameterizedTest
    @EnumSource(value = MqttQos.class, names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void aSharedSubscriptionSpreadOverLoopsGetsEachMessageOnce(MqttQos qos) throws Exception {
        String topic = "loops-shared/" + qos.getCode();
        BlockingQueue<Mqtt3Publish> received = HiveClients.queue();
        List<Mqtt3AsyncClient> clients = new ArrayList<>();
        try {
            for (int m = 0; m < 4; m++) {
                clients.add(HiveClients.subscriber(BROKER.port(), "loops-member-" + qos.getCode() + "-" + m,
                        "$share/loops/" + topic, qos, received));
            }
            Mqtt3AsyncClient publisher = HiveClients.async(BROKER.port(), "loops-shared-pub-" + qos.getCode());
            clients.add(publisher);
            publisher.connect().join();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                sends.add(publisher.publishWith().topic(topic).qos(qos)
                        .payload(String.valueOf(i).getBytes(StandardCharsets.UTF_8)).send());
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            Set<Integer> seen = new HashSet<>();
            for (int n = 0; n < MESSAGES; n++) {
                Mqtt3Publish message = received.poll(10, TimeUnit.SECONDS);
                assertThat(message).as("message %d of %d", n, MESSAGES).isNotNull();
                assertThat(seen.add(Integer.parseInt(HiveClients.text(message)))).as("first copy").isTrue();
            }
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no second copy").isNull();
        } finally {
            clients.forEach(client -> client.disconnect());
        }
    }
}
