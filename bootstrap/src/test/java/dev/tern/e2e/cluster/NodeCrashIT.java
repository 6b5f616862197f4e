package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.Received5;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code kill -9} of the node a persistent subscriber is connected to, under QoS 1 and QoS 2 load
 * from publishers on the other nodes: the subscriber resumes on a surviving node and gets every
 * message a publisher had acknowledged; the will of a client of the dead node is published once, by
 * a survivor, after the dead node's lease passed. Each test kills B (started again first if an
 * earlier test killed it) and uses client ids and topics of its own.
 *
 * <p>In the first test the subscriber resumes as a new client object (a rebooted device), which
 * lost its own session state: a PUBLISH the new node resends with DUP is new to it, so QoS 2 is
 * owed at least once. In the second it is one client that keeps its session state and reconnects
 * to a surviving node by itself: there no QoS 2 message may arrive twice, also not one B had
 * committed for the session but not yet settled when it died (docs/cluster.md, "Forward receipts").
 */
@DisplayName("Cluster: a node killed under load")
class NodeCrashIT extends ThreeNodeCluster {

    private static final int PER_PUBLISHER = 300;

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SingleRedis.start(dir);
    }

    @Override
    String[] nodeSettings() {
        return new String[] {"cluster.lease=3", "cluster.handover-timeout=1"};
    }

    @BeforeEach
    void nodeBRuns() throws Exception {
        if (!nodes.node(B).isAlive()) {
            nodes.restart(B);
        }
    }

    /** The nodes' output, kept for reading after a failure (in memory only otherwise). */
    @AfterEach
    void keepNodeOutput(TestInfo test) throws IOException {
        Path logs = Path.of("target", "node-logs");
        Files.createDirectories(logs);
        for (int node = 0; node < nodes.size(); node++) {
            Files.write(logs.resolve("NodeCrashIT-" + test.getTestMethod().orElseThrow().getName() + "-"
                    + TernNodes.nodeId(node) + ".log"), nodes.node(node).output());
        }
    }

    @Test
    void nothingAcknowledgedIsLostAndTheWillIsPublishedOnce() throws Exception {
        Mqtt5AsyncClient subscriber = Hive.builder(port(B), "k-sub").buildAsync();
        Inbox before = new Inbox();
        subscriber.publishes(MqttGlobalPublishFilter.ALL, before);
        Crash crash = new Crash("k", subscriber, before);
        crash.underLoad();

        Inbox after = new Inbox();
        Mqtt5AsyncClient resumed = Hive.builder(port(C), "k-sub").buildAsync();
        resumed.publishes(MqttGlobalPublishFilter.ALL, after);
        resumed.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        List<String> received = new ArrayList<>(before.textsUntilQuiet(Duration.ofMillis(1)));
        received.addAll(after.textsUntilQuiet(Duration.ofSeconds(5)));

        assertThat(received).as("every acknowledged message reached the subscriber").containsAll(crash.acknowledged);
        assertThat(crash.wills.next()).as("the will, once the lease passed").isNotNull();
        assertThat(crash.wills.textsUntilQuiet(Duration.ofSeconds(3))).as("published once").isEmpty();
        Hive.disconnect(resumed);
        crash.close();
    }

    @Test
    void aSubscriberThatKeepsItsSessionStateGetsNoQos2MessageTwice() throws Exception {
        // One client object throughout: it keeps its QoS 2 state, and when B dies it reconnects to C
        // (clean start false, as it first connected), where its session resumes.
        Mqtt5AsyncClient subscriber = Hive.builder(port(B), "x-sub")
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        context.getReconnector().reconnect(true).delay(100, TimeUnit.MILLISECONDS)
                                .transportConfig().serverHost("127.0.0.1").serverPort(port(C)).applyTransportConfig();
                    }
                })
                .buildAsync();
        Inbox inbox = new Inbox();
        subscriber.publishes(MqttGlobalPublishFilter.ALL, inbox);
        Crash crash = new Crash("x", subscriber, inbox, MqttQos.EXACTLY_ONCE, MqttQos.AT_LEAST_ONCE);
        String caught = crash.underLoad(() -> killBHoldingACommittedUnsettledCopy("x-sub"), 3_000, 100);

        // The adopter (C, which took the session over) publishes the will, then drains B's inbox.
        assertThat(crash.wills.next()).as("B was adopted").isNotNull();
        List<String> received = untilQuiet(inbox, Duration.ofSeconds(3), Duration.ofSeconds(20));

        assertThat(received).as("every acknowledged message reached the subscriber").containsAll(crash.acknowledged);
        Map<String, Long> twice = received.stream().filter(text -> text.startsWith("x/q2-"))
                .collect(Collectors.groupingBy(text -> text, Collectors.counting()));
        twice.values().removeIf(count -> count == 1);
        assertThat(twice).as("QoS 2 messages that arrived more than once (B died holding %s)", caught).isEmpty();
        Hive.disconnect(subscriber);
        crash.close();
    }

    /**
     * Stops B ({@code SIGSTOP}) again and again under load until Redis shows it holding what the
     * test is about: a forwarded message whose copy it committed for {@code clientId} (its forward
     * receipt is stored) but that is still in its inbox, unsettled. Then kills it. No timing luck:
     * it is killed in that state or the test fails. Returns the forward id of such a message.
     */
    private String killBHoldingACommittedUnsettledCopy(String clientId) throws Exception {
        String receipts = nodes.keyPrefix() + "forwarded:{" + clientId + "}";
        String inboxOfB = nodes.keyPrefix() + "cluster:inbox:{" + TernNodes.nodeId(B) + "}";
        try (RespConnection redis = RespConnection.to(redisSettings())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                nodes.pause(B);
                // Whatever B wrote to its sockets before it stopped reaches Redis first.
                Thread.sleep(20);
                String held = committedAndUnsettled(redis, receipts, inboxOfB);
                if (held != null) {
                    nodes.kill9(B);
                    assertThat(committedAndUnsettled(redis, receipts, inboxOfB)).as("B died in that state")
                            .isNotNull();
                    return held;
                }
                nodes.resume(B);
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 30));
            }
        }
        throw new AssertionError("B was never caught holding a committed copy it had not settled");
    }

    /** A forward id both among the client's receipts and in the inbox, or null. */
    private static String committedAndUnsettled(RespConnection redis, String receipts, String inbox) throws IOException {
        Set<String> unsettled = new HashSet<>();
        for (Object entry : (List<?>) redis.call("XRANGE", inbox, "-", "+")) {
            List<?> fields = (List<?>) ((List<?>) entry).get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("m".equals(new String((byte[]) fields.get(i), StandardCharsets.UTF_8))) {
                    // version byte, then the forward id as a 4-byte length and UTF-8 bytes (KEYS.md)
                    ByteBuffer m = ByteBuffer.wrap((byte[]) fields.get(i + 1));
                    m.get();
                    byte[] id = new byte[m.getInt()];
                    m.get(id);
                    unsettled.add(new String(id, StandardCharsets.UTF_8));
                }
            }
        }
        for (Object receipt : (List<?>) redis.call("LRANGE", receipts, "0", "-1")) {
            String id = new String((byte[]) receipt, StandardCharsets.UTF_8);
            if (unsettled.contains(id)) {
                return id;
            }
        }
        return null;
    }

    /** Publishers on A and C, a persistent subscriber and a client with a will on B, B killed under load. */
    private final class Crash {
        private final String prefix;
        private final Mqtt5AsyncClient subscriber;
        private final Inbox inbox;
        private final Mqtt5AsyncClient fromA;
        private final Mqtt5AsyncClient fromC;
        private final MqttQos qosFromA;
        private final MqttQos qosFromC;
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private volatile boolean killed;
        Inbox wills;

        /** QoS 1 from A (topic {@code prefix/q1}), QoS 2 from C ({@code prefix/q2}). */
        Crash(String prefix, Mqtt5AsyncClient subscriber, Inbox inbox) {
            this(prefix, subscriber, inbox, MqttQos.AT_LEAST_ONCE, MqttQos.EXACTLY_ONCE);
        }

        /** Each publisher publishes to {@code prefix/q1} or {@code prefix/q2} after its QoS. */
        Crash(String prefix, Mqtt5AsyncClient subscriber, Inbox inbox, MqttQos qosFromA, MqttQos qosFromC) {
            this.qosFromA = qosFromA;
            this.qosFromC = qosFromC;
            this.prefix = prefix;
            this.subscriber = subscriber;
            this.inbox = inbox;
            this.fromA = Hive.connected(port(A), prefix + "-pub-a");
            this.fromC = Hive.connected(port(C), prefix + "-pub-c");
        }

        /** B killed once a quarter of the messages were acknowledged; returns once both publishers are done. */
        void underLoad() throws Exception {
            underLoad(() -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (acknowledged.size() < PER_PUBLISHER / 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                nodes.kill9(B);
                return null;
            }, PER_PUBLISHER, PER_PUBLISHER);
        }

        /**
         * Returns once {@code kill} killed B and both publishers are done: each publishes at most
         * {@code most} messages, and at most {@code afterKill} once B is dead.
         */
        <T> T underLoad(Callable<T> kill, int most, int afterKill) throws Exception {
            subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            subscriber.subscribeWith().topicFilter(prefix + "/q1").qos(MqttQos.AT_LEAST_ONCE).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            subscriber.subscribeWith().topicFilter(prefix + "/q2").qos(MqttQos.EXACTLY_ONCE).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            inbox.awaitRoute(fromA, topic(qosFromA));
            inbox.awaitRoute(fromC, topic(qosFromC));
            wills = new Inbox().subscribe(fromC, prefix + "/will", MqttQos.AT_LEAST_ONCE);
            Received5.connected(port(B), Connect5Packet.v5(prefix + "-doomed").sessionExpiry(60)
                    .will(prefix + "/will", prefix + "-doomed is gone", 1, PropertiesWriter.properties()));

            CompletableFuture<Void> loadA = CompletableFuture.runAsync(
                    () -> load(fromA, topic(qosFromA), qosFromA, most, afterKill));
            CompletableFuture<Void> loadC = CompletableFuture.runAsync(
                    () -> load(fromC, topic(qosFromC), qosFromC, most, afterKill));
            T result;
            try {
                result = kill.call();
            } finally {
                killed = true;
            }
            CompletableFuture.allOf(loadA, loadC).get(2, TimeUnit.MINUTES);
            return result;
        }

        private String topic(MqttQos qos) {
            return prefix + "/q" + qos.getCode();
        }

        private void load(Mqtt5AsyncClient publisher, String topic, MqttQos qos, int most, int afterKill) {
            int sinceKill = 0;
            for (int i = 0; i < most && sinceKill < afterKill; i++) {
                if (killed) {
                    sinceKill++;
                }
                String text = topic + "-" + i;
                try {
                    publisher.publishWith().topic(topic).payload(text.getBytes(StandardCharsets.UTF_8)).qos(qos).send()
                            .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
                    acknowledged.add(text);
                } catch (RuntimeException refused) {
                    // Not acknowledged: the publisher would send it again; the test claims nothing for it.
                }
            }
        }

        void close() {
            Hive.disconnect(fromA);
            Hive.disconnect(fromC);
        }
    }

    /** Like {@link Inbox#textsUntilQuiet}, at most {@code max} long: a client refusing a resend reconnects for ever. */
    private static List<String> untilQuiet(Inbox inbox, Duration quiet, Duration max) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        long deadline = System.nanoTime() + max.toNanos();
        Mqtt5Publish publish;
        while (System.nanoTime() < deadline && (publish = inbox.nextWithin(quiet)) != null) {
            texts.add(Hive.text(publish));
        }
        return texts;
    }
}
