package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sentinel failover under two clustered nodes: the Redis primary is killed ({@code kill -9})
 * while a publisher on node A sends QoS 1 messages to a persistent subscriber on node B, with
 * {@code storage.redis.wait-replicas 1}, so that whatever a publisher was told is safe was on a
 * replica too. The sentinel promotes a replica; the nodes follow it by themselves: every message
 * whose PUBACK the publisher got reaches the subscriber, publishing is accepted again, and messages
 * cross between the nodes both ways, so neither lost its place in the cluster. While the failover
 * runs a publish may be refused or left unacknowledged; nothing is claimed for those.
 */
@DisplayName("Cluster: a Sentinel failover under the nodes")
class SentinelFailoverIT {

    private static final int A = 0;
    private static final int B = 1;
    private static final int BEFORE_KILL = 100;
    private static final int AFTER_FAILOVER = 100;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageArrivesAndTheNodesCarryOnAfterThePrimaryIsKilled() throws Exception {
        SentinelDeployment redis = SentinelDeployment.start(dir.resolve("redis"));
        // The lease outlasts the failover (a second to notice, a few to promote): nobody is adopted.
        TernNodes nodes = TernNodes.clustered(redis, 2, "storage.redis.wait-replicas=1",
                "storage.redis.wait-timeout=2", "cluster.lease=10", "cluster.handover-timeout=1");
        try {
            Inbox inbox = new Inbox();
            Mqtt5AsyncClient subscriber = reconnecting(nodes.port(B), "sf-sub").buildAsync();
            subscriber.publishes(MqttGlobalPublishFilter.ALL, inbox);
            // Clean start off from the first connect, so that every automatic reconnect resumes the session.
            subscriber.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            subscriber.subscribeWith().topicFilter("sf/q1").qos(MqttQos.AT_LEAST_ONCE).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            Mqtt5AsyncClient publisher = reconnecting(nodes.port(A), "sf-pub").buildAsync();
            publisher.connect().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            inbox.awaitRoute(publisher, "sf/q1");

            Load load = new Load(publisher, "sf/q1");
            CompletableFuture<Void> running = CompletableFuture.runAsync(load);
            awaitAcknowledged(load::count, BEFORE_KILL, "before the kill");
            int former = redis.killPrimary();
            redis.awaitFailoverFrom(former, BOUND);
            int atFailover = load.count();
            awaitAcknowledged(load::count, atFailover + AFTER_FAILOVER, "after the failover (publishing resumes)");
            load.stop();
            running.get(BOUND.toSeconds(), TimeUnit.SECONDS);

            Set<String> received = receivedUntilAll(inbox, load.acknowledged);
            assertThat(redis.primaryPort()).as("a replica was promoted").isNotEqualTo(former);
            assertThat(received).as("every acknowledged message reached the subscriber (%d of %d publishes acknowledged)",
                    load.count(), load.attempted()).containsAll(load.acknowledged);
            assertCarriesFromBToA(nodes);
            assertThat(nodes.node(A).isAlive() && nodes.node(B).isAlive()).as("both nodes still run").isTrue();
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        } finally {
            nodes.close();
            nodes.keepOutputs(Path.of("target", "cluster-node-logs", getClass().getSimpleName()));
            redis.close();
        }
    }

    /** A client that reconnects by itself when its node drops it during the failover. */
    private static Mqtt5ClientBuilder reconnecting(int port, String clientId) {
        return Hive.builder(port, clientId).automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS)
                .maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect();
    }

    private static void awaitAcknowledged(IntSupplier count, int atLeast, String when) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (count.getAsInt() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).as("messages acknowledged " + when).isGreaterThanOrEqualTo(atLeast);
    }

    /** What the subscriber received, until it holds all of {@code expected} or nothing more came for a while. */
    private static Set<String> receivedUntilAll(Inbox inbox, Set<String> expected) throws InterruptedException {
        Set<String> received = new HashSet<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!received.containsAll(expected) && System.nanoTime() < deadline) {
            var message = inbox.nextWithin(Duration.ofSeconds(Hive.TIMEOUT_SECONDS));
            if (message == null) {
                break;
            }
            received.add(Hive.text(message));
        }
        return received;
    }

    /** The other way round after the failover: B's publisher reaches A's subscriber (routes rebuilt, leases held). */
    private static void assertCarriesFromBToA(TernNodes nodes) throws InterruptedException {
        Mqtt5AsyncClient subscriber = Hive.connected(nodes.port(A), "sf-back-sub");
        Mqtt5AsyncClient publisher = Hive.connected(nodes.port(B), "sf-back-pub");
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, "sf/back", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(publisher, "sf/back");
            Hive.publish(publisher, "sf/back", "back", MqttQos.AT_LEAST_ONCE);
            var message = inbox.next();
            assertThat(message).as("a QoS 1 message from B to A after the failover").isNotNull();
            assertThat(Hive.text(message)).isEqualTo("back");
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }

    /** QoS 1 publishes one after the other until stopped, remembering those acknowledged. */
    private static final class Load implements Runnable {
        private final Mqtt5AsyncClient publisher;
        private final String topic;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger acknowledgedCount = new AtomicInteger();
        private final AtomicInteger attemptedCount = new AtomicInteger();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        Load(Mqtt5AsyncClient publisher, String topic) {
            this.publisher = publisher;
            this.topic = topic;
        }

        @Override
        public void run() {
            for (int i = 0; !stopped.get(); i++) {
                String text = topic + "-" + i;
                attemptedCount.incrementAndGet();
                try {
                    publisher.publishWith().topic(topic).payload(text.getBytes(StandardCharsets.UTF_8))
                            .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
                    acknowledged.add(text);
                    acknowledgedCount.incrementAndGet();
                } catch (RuntimeException refused) {
                    // Refused (0x80) or unanswered during the failover: not acknowledged, nothing claimed.
                }
            }
        }

        int count() {
            return acknowledgedCount.get();
        }

        int attempted() {
            return attemptedCount.get();
        }

        void stop() {
            stopped.set(true);
        }
    }
}
