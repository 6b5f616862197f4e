package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.durability.BrokerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-process harness of the cluster tests works on its own, clustering off: three broker
 * processes on one {@code redis-server} and on a three-primary Redis Cluster start, serve, are
 * paused, continued, killed, restarted and stopped; and clustering on over a backend that cannot
 * carry a cluster stops the process with a message naming Redis.
 */
@DisplayName("Cluster test harness")
class ClusterHarnessIT {

    @TempDir
    Path dir;

    @Test
    void threeBrokersOnOneRedisServePauseResumeDieRestartAndStop() throws Exception {
        try (SingleRedis redis = SingleRedis.start(dir.resolve("redis"));
                TernNodes nodes = TernNodes.unclustered(redis, 3)) {
            for (int i = 0; i < nodes.size(); i++) {
                assertServes(nodes.port(i), "harness-" + i);
            }

            nodes.pause(1);
            Mqtt5AsyncClient frozen = Hive.builder(nodes.port(1), "harness-frozen").buildAsync();
            assertThatThrownBy(() -> frozen.connect().orTimeout(1, TimeUnit.SECONDS).join())
                    .as("a paused node answers nothing").hasRootCauseInstanceOf(TimeoutException.class);
            nodes.resume(1);
            assertServes(nodes.port(1), "harness-resumed");

            nodes.kill9(2);
            assertThat(nodes.node(2).isAlive()).isFalse();
            nodes.restart(2);
            assertServes(nodes.port(2), "harness-restarted");

            BrokerProcess first = nodes.node(0);
            assertThat(first.terminate(Duration.ofSeconds(20))).as("SIGTERM ends it in time").hasValue(143);
            assertThat(first.output()).as("a clean stop").anyMatch(line -> line.contains("Tern stopped"));
        }
    }

    @Test
    void threeBrokersOnARedisClusterServe() throws Exception {
        try (RedisClusterDeployment redis = RedisClusterDeployment.start(dir);
                TernNodes nodes = TernNodes.unclustered(redis, 3)) {
            for (int i = 0; i < nodes.size(); i++) {
                assertServes(nodes.port(i), "harness-rc-" + i);
            }
        }
    }

    @Test
    void clusteringOnOverH2StopsTheBrokerNamingTheBackendItNeeds() throws Exception {
        try (BrokerProcess broker = BrokerProcess.launch(LoopbackPorts.free(), "storage.backend=h2",
                "storage.h2.path=" + dir.resolve("tern"), "cluster.enabled=true", "cluster.node-id=lonely")) {
            assertThat(broker.awaitExit(Duration.ofSeconds(60))).as("exit code").hasValue(1);
            assertThat(broker.output()).anyMatch(line -> line.contains("Tern could not start")
                    && line.contains("storage.backend: redis"));
        }
    }

    /** A subscriber and a publisher on the node: a QoS 1 message goes round. */
    private static void assertServes(int port, String name) throws InterruptedException {
        BlockingQueue<Mqtt5Publish> received = Hive.queue();
        Mqtt5AsyncClient subscriber = Hive.subscriber(port, name + "-sub", "harness/" + name, MqttQos.AT_LEAST_ONCE,
                received);
        Mqtt5AsyncClient publisher = Hive.connected(port, name + "-pub");
        try {
            Hive.publish(publisher, "harness/" + name, "hello " + name, MqttQos.AT_LEAST_ONCE);
            Mqtt5Publish message = Hive.next(received);
            assertThat(message).as("message on port %d", port).isNotNull();
            assertThat(Hive.text(message)).isEqualTo("hello " + name);
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }
}
