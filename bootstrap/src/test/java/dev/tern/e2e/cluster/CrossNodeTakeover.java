package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A client id is owned by one connection in the whole cluster [MQTT-3.1.4-3]. */
abstract class CrossNodeTakeover extends ThreeNodeCluster {

    @Test
    void connectingOnAnotherNodeClosesTheFirstConnectionWithSessionTakenOver() throws Exception {
        CompletableFuture<Throwable> cause = new CompletableFuture<>();
        Mqtt5AsyncClient first = Hive.builder(port(A), "t-8e")
                .addDisconnectedListener(context -> cause.complete(context.getCause())).buildAsync();
        first.connect().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();

        Mqtt5AsyncClient second = Hive.connected(port(B), "t-8e");
        try {
            Throwable why = cause.get(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(why).isInstanceOf(Mqtt5DisconnectException.class);
            assertThat(((Mqtt5DisconnectException) why).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5DisconnectReasonCode.SESSION_TAKEN_OVER);
        } finally {
            Hive.disconnect(second);
        }
    }

    /** The session moves with its subscriptions and its queue [MQTT-3.2.2-2]. */
    @Test
    void theSessionResumesOnTheOtherNodeWithItsSubscriptionsAndQueuedMessages() throws Exception {
        Mqtt5AsyncClient publisher = Hive.connected(port(C), "t-resume-pub");
        Mqtt5AsyncClient first = Hive.builder(port(A), "t-resume").buildAsync();
        first.connectWith().sessionExpiryInterval(3600).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        try {
            Inbox before = new Inbox().subscribe(first, "t/resume", MqttQos.AT_LEAST_ONCE);
            before.awaitRoute(publisher, "t/resume");
            first.disconnect().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            Hive.publish(publisher, "t/resume", "queued-1", MqttQos.AT_LEAST_ONCE);
            Hive.publish(publisher, "t/resume", "queued-2", MqttQos.AT_LEAST_ONCE);

            Inbox after = new Inbox();
            Mqtt5AsyncClient moved = Hive.builder(port(B), "t-resume").buildAsync();
            moved.publishes(MqttGlobalPublishFilter.ALL, after);
            assertThat(moved.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join().isSessionPresent()).isTrue();
            try {
                assertThat(after.texts(2)).containsExactly("queued-1", "queued-2");
                after.awaitRoute(publisher, "t/resume");
                Hive.publish(publisher, "t/resume", "live", MqttQos.AT_LEAST_ONCE);
                assertThat(after.texts(1)).as("the subscription lives on node B now").containsExactly("live");
            } finally {
                moved.disconnectWith().sessionExpiryInterval(0).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            Hive.disconnect(publisher);
        }
    }

    /** [MQTT-4.4.0-1]: a QoS 1 message unacknowledged on node A is sent again, with DUP, on node B. */
    @Test
    void anUnacknowledgedMessageIsResentWithDupByTheNewNode() throws Exception {
        Mqtt5AsyncClient publisher = Hive.connected(port(C), "t-dup-pub");
        Connect5Packet connect = Connect5Packet.v5("t-dup").cleanStart(false).sessionExpiry(3600);
        try (RawMqttClient first = Received5.connected(port(A), connect)) {
            first.send(Client5Packets.subscribe(1, "t/dup", 1));
            assertThat(first.readPacket().type()).isEqualTo(PacketType.SUBACK);
            Received5.Publish5 unacked = null;
            for (int n = 0; n < 50 && unacked == null; n++) {
                Hive.publish(publisher, "t/dup", "inflight-" + n, MqttQos.AT_LEAST_ONCE);
                if (!first.receivesNothingWithin(Duration.ofMillis(200))) {
                    unacked = Received5.publish(first.readPacket());
                }
            }
            assertThat(unacked).as("a message reached node A's client").isNotNull();

            try (RawMqttClient second = RawMqttClient.connect(port(B))) {
                second.send(connect.toBytes());
                assertThat(Received5.connack(second.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))).sessionPresent())
                        .isTrue();
                Received5.Publish5 again = Received5.publish(second.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS)));
                assertThat(again.text()).isEqualTo(unacked.text());
                assertThat(again.dup()).as("DUP on the resend [MQTT-3.3.1-1]").isTrue();
                assertThat(Received5.awaitDisconnect(first).reasonCode()).isEqualTo(0x8E);
                second.send(Client5Packets.disconnect(0x00));
            }
        } finally {
            Hive.disconnect(publisher);
        }
    }

    /**
     * docs/cluster.md 3.4: while a persistent session moves from node A to node B, a publisher on node C
     * keeps publishing at QoS 1; every message whose PUBACK it got reaches the session, on A before the
     * move or on B after it (the old node holds its route and relays what still reaches it).
     */
    @Test
    void everyMessageAcknowledgedWhileTheSessionMovesBetweenNodesReachesIt() throws Exception {
        Mqtt5AsyncClient publisher = Hive.connected(port(C), "t-move-pub");
        Mqtt5AsyncClient first = Hive.builder(port(A), "t-move").buildAsync();
        first.connectWith().sessionExpiryInterval(3600).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        Inbox onA = new Inbox().subscribe(first, "t/move", MqttQos.AT_LEAST_ONCE);
        onA.awaitRoute(publisher, "t/move");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean publishing = new AtomicBoolean(true);
        CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
            for (int n = 0; publishing.get(); n++) {
                String text = "m-" + n;
                Mqtt5PublishResult result = publisher.publishWith().topic("t/move")
                        .payload(text.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send()
                        .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
                if (result.getError().isEmpty()) {
                    acknowledged.add(text);
                }
            }
        });
        Inbox onB = new Inbox();
        Mqtt5AsyncClient moved = Hive.builder(port(B), "t-move").buildAsync();
        moved.publishes(MqttGlobalPublishFilter.ALL, onB);
        try {
            Thread.sleep(500);
            int beforeTheMove = acknowledged.size();
            assertThat(moved.connectWith().cleanStart(false).sessionExpiryInterval(3600).send()
                    .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join().isSessionPresent()).isTrue();
            Thread.sleep(1_500);
            publishing.set(false);
            pump.get(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(acknowledged.size()).as("published across the move").isGreaterThan(beforeTheMove + 10);

            Set<String> received = new HashSet<>(onA.textsUntilQuiet(Duration.ofMillis(200)));
            received.addAll(onB.textsUntilQuiet(Duration.ofSeconds(3)));
            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(received);
            assertThat(lost).as("acknowledged to the publisher but never delivered, of %d", acknowledged.size())
                    .isEmpty();
        } finally {
            publishing.set(false);
            moved.disconnectWith().sessionExpiryInterval(0).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Hive.disconnect(publisher);
        }
    }

    @Test
    void concurrentConnectsOfOneClientIdOnThreeNodesEndWithExactlyOneConnected() throws Exception {
        List<Mqtt5AsyncClient> contenders = new ArrayList<>();
        List<CompletableFuture<?>> connects = new ArrayList<>();
        for (int node : new int[] {A, B, C}) {
            Mqtt5AsyncClient client = Hive.builder(port(node), "t-race").buildAsync();
            contenders.add(client);
        }
        try {
            for (Mqtt5AsyncClient client : contenders) {
                connects.add(client.connectWith().cleanStart(false).sessionExpiryInterval(60).send()
                        .exceptionally(refused -> null));
            }
            CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new))
                    .get(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS);

            Awaitility.await().atMost(Duration.ofSeconds(Hive.TIMEOUT_SECONDS)).pollDelay(Duration.ofSeconds(1))
                    .until(() -> contenders.stream().filter(c -> c.getState().isConnected()).count() == 1);
            Thread.sleep(1_000);
            assertThat(contenders.stream().filter(c -> c.getState().isConnected()).count())
                    .as("one owner, and it stays the only one").isEqualTo(1);
        } finally {
            contenders.forEach(Hive::disconnect);
        }
    }
}
