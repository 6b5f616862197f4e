package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.Received5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the node a persistent subscriber is connected to, under QoS 1 and QoS 2 load
 * from publishers on the other nodes: the subscriber resumes on a surviving node and gets every
 * message a publisher had acknowledged, QoS 2 ones once; the will of a client of the dead node is
 * published once, by a survivor, after the dead node's lease passed.
 *
 * <p>The subscriber resumes as a device whose broker died does: the same client, with the state
 * of its session (the QoS 2 packet ids it answered PUBREC to), reconnects by itself to another
 * node's address without Clean Start. Exactly once is a property of both ends' session state
 * [MQTT-4.3.3]: a new client object with no state would take a PUBLISH the new node resends with
 * DUP (its stored in-flight state predating the client's PUBREC) as a new message.
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

    /** The nodes' output, kept for reading after a failure (in memory only otherwise). */
    @AfterEach
    void keepNodeOutput() throws IOException {
        Path logs = Path.of("target", "node-logs");
        Files.createDirectories(logs);
        for (int node = 0; node < nodes.size(); node++) {
            Files.write(logs.resolve("NodeCrashIT-" + TernNodes.nodeId(node) + ".log"), nodes.node(node).output());
        }
    }

    @Test
    void nothingAcknowledgedIsLostNoQos2MessageIsDuplicatedAndTheWillIsPublishedOnce() throws Exception {
        Mqtt5AsyncClient fromA = Hive.connected(port(A), "k-pub-a");
        Mqtt5AsyncClient fromC = Hive.connected(port(C), "k-pub-c");
        CompletableFuture<Void> resumedOnC = new CompletableFuture<>();
        Mqtt5AsyncClient subscriber = Hive.builder(port(B), "k-sub")
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        // Its broker is gone: the device tries the next address, keeping its session.
                        ((Mqtt5ClientReconnector) context.getReconnector()).reconnect(true)
                                .delay(100, TimeUnit.MILLISECONDS)
                                .transportConfig(MqttClientTransportConfig.builder().serverHost("127.0.0.1")
                                        .serverPort(port(C)).build())
                                .connectWith().cleanStart(false).sessionExpiryInterval(3600).applyConnect();
                    }
                })
                .addConnectedListener(context -> {
                    if (context.getClientConfig().getServerPort() == port(C)) {
                        resumedOnC.complete(null);
                    }
                })
                .buildAsync();
        Inbox inbox = new Inbox();
        subscriber.publishes(MqttGlobalPublishFilter.ALL, inbox);
        subscriber.connectWith().sessionExpiryInterval(3600).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        subscriber.subscribeWith().topicFilter("k/q1").qos(MqttQos.AT_LEAST_ONCE).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        subscriber.subscribeWith().topicFilter("k/q2").qos(MqttQos.EXACTLY_ONCE).send()
                .orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        inbox.awaitRoute(fromA, "k/q1");
        inbox.awaitRoute(fromC, "k/q2");
        Inbox wills = new Inbox().subscribe(fromC, "k/will", MqttQos.AT_LEAST_ONCE);
        Received5.connected(port(B), Connect5Packet.v5("k-doomed").sessionExpiry(60)
                .will("k/will", "k-doomed is gone", 1, PropertiesWriter.properties()));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> loadA =
                CompletableFuture.runAsync(() -> load(fromA, "k/q1", MqttQos.AT_LEAST_ONCE, acknowledged));
        CompletableFuture<Void> loadC =
                CompletableFuture.runAsync(() -> load(fromC, "k/q2", MqttQos.EXACTLY_ONCE, acknowledged));
        while (acknowledged.size() < PER_PUBLISHER / 2 && !loadA.isDone()) {
            Thread.sleep(10);
        }
        nodes.kill9(B);
        CompletableFuture.allOf(loadA, loadC).get(2, TimeUnit.MINUTES);
        resumedOnC.get(Hive.TIMEOUT_SECONDS * 3, TimeUnit.SECONDS);

        List<String> received = inbox.textsUntilQuiet(Duration.ofSeconds(5));

        assertThat(received).as("every acknowledged message reached the subscriber").containsAll(acknowledged);
        List<String> qos2 = received.stream().filter(text -> text.startsWith("k/q2")).toList();
        assertThat(qos2).as("QoS 2: no duplicates").doesNotHaveDuplicates();
        assertThat(wills.next()).as("the will, once the lease passed").isNotNull();
        assertThat(wills.textsUntilQuiet(Duration.ofSeconds(3))).as("published once").isEmpty();
        Hive.disconnect(subscriber);
        Hive.disconnect(fromA);
        Hive.disconnect(fromC);
    }

    private static void load(Mqtt5AsyncClient publisher, String topic, MqttQos qos, Set<String> acknowledged) {
        for (int i = 0; i < PER_PUBLISHER; i++) {
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
}
