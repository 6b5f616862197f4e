package dev.tern.e2e.cluster;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Retained messages set on any node are seen on every node, deletes included. */
abstract class CrossNodeRetained extends ThreeNodeCluster {

    private static final AtomicInteger LOOKS = new AtomicInteger();

    /** [MQTT-3.3.1-6]: a new subscription on any node gets the retained message set on another. */
    @Test
    void aRetainedMessageSetOnOneNodeIsSentToNewSubscribersOnEveryNode() throws Exception {
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "r-set-pub");
        try {
            retain(publisher, "r/set", "kept");

            for (int node : new int[] {A, B, C}) {
                Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))
                        .until(() -> "kept".equals(retainedOn(node, "r/set")));
            }
        } finally {
            Hive.disconnect(publisher);
        }
    }

    /** [MQTT-3.3.1-10]: an empty retained message sent to another node deletes it everywhere. */
    @Test
    void aRetainedDeleteOnAnotherNodeRemovesItOnEveryNode() throws Exception {
        Mqtt5AsyncClient setter = Hive.connected(port(A), "r-del-set");
        Mqtt5AsyncClient deleter = Hive.connected(port(C), "r-del-del");
        try {
            retain(setter, "r/del", "doomed");
            Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))
                    .until(() -> "doomed".equals(retainedOn(B, "r/del")));

            deleter.publishWith().topic("r/del").retain(true).qos(MqttQos.AT_LEAST_ONCE).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();

            for (int node : new int[] {A, B, C}) {
                Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))
                        .until(() -> retainedOn(node, "r/del") == null);
            }
        } finally {
            Hive.disconnect(setter);
            Hive.disconnect(deleter);
        }
    }

    /** A replacement on one node replaces the message on the others: the newest value wins everywhere. */
    @Test
    void aRetainedReplacementOnAnotherNodeWinsEverywhere() throws Exception {
        Mqtt5AsyncClient first = Hive.connected(port(A), "r-rep-first");
        Mqtt5AsyncClient second = Hive.connected(port(B), "r-rep-second");
        try {
            retain(first, "r/rep", "old");
            Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))
                    .until(() -> "old".equals(retainedOn(B, "r/rep")));

            retain(second, "r/rep", "new");

            for (int node : new int[] {A, B, C}) {
                Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))
                        .until(() -> "new".equals(retainedOn(node, "r/rep")));
            }
            retain(second, "r/rep", "");
        } finally {
            Hive.disconnect(first);
            Hive.disconnect(second);
        }
    }

    private static void retain(Mqtt5AsyncClient client, String topic, String payload) {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).retain(true)
                .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** The retained payload a fresh subscriber on {@code node} gets for {@code topic}; null for none. */
    private String retainedOn(int node, String topic) throws InterruptedException {
        Mqtt5AsyncClient probe = Hive.connected(port(node), "r-look-" + LOOKS.incrementAndGet());
        try {
            Inbox inbox = new Inbox().subscribe(probe, topic, MqttQos.AT_LEAST_ONCE);
            List<String> texts = inbox.textsUntilQuiet(Duration.ofMillis(500));
            return texts.isEmpty() ? null : texts.get(0);
        } finally {
            Hive.disconnect(probe);
        }
    }
}
