package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code redis-server} killed and restarted under a running cluster, with its append-only file
 * synced at every write (how a Redis holding Tern's state is run): while it is down a QoS 1 publish
 * across nodes is refused, never acknowledged; when it is back the nodes renew their leases (nobody
 * could claim them meanwhile), resubscribe, and carry messages across again by themselves, to the
 * clients that stayed connected.
 */
@DisplayName("Cluster: redis-server restarted under the nodes")
class RedisRestartIT extends ThreeNodeCluster {

    private SingleRedis redis;

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        redis = SingleRedis.startPersistent(dir);
        return redis;
    }

    @Override
    String[] nodeSettings() {
        return new String[] {"cluster.lease=3", "cluster.handover-timeout=1"};
    }

    @Test
    void refusesWhileRedisIsDownAndCarriesAcrossNodesAgainWhenItIsBack() throws Exception {
        Mqtt5AsyncClient subscriber = Hive.connected(port(B), "rr-sub");
        Mqtt5AsyncClient publisher = Hive.connected(port(A), "rr-pub");
        try {
            Inbox inbox = new Inbox().subscribe(subscriber, "rr/t", MqttQos.AT_LEAST_ONCE);
            inbox.awaitRoute(publisher, "rr/t");
            Hive.publish(publisher, "rr/t", "before", MqttQos.AT_LEAST_ONCE);
            assertThat(Hive.text(inbox.next())).isEqualTo("before");

            redis.stop();
            assertThatThrownBy(() -> publisher.publishWith().topic("rr/t").payload("during".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(Hive.TIMEOUT_SECONDS, TimeUnit.SECONDS).join(),
                    "refused (MQTT 5 0x80) or left unacknowledged, never acknowledged unstored");
            redis.restart();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String arrived = null;
            for (int n = 0; arrived == null && System.nanoTime() < deadline; n++) {
                try {
                    Hive.publish(publisher, "rr/t", "after-" + n, MqttQos.AT_LEAST_ONCE);
                } catch (RuntimeException notYet) {
                    // Still recovering: the publish was refused; try again.
                }
                var message = inbox.nextWithin(Duration.ofMillis(500));
                arrived = message == null ? null : Hive.text(message);
            }
            assertThat(arrived).as("a message crossed nodes again after the restart").startsWith("after-");
        } finally {
            Hive.disconnect(publisher);
            Hive.disconnect(subscriber);
        }
    }
}
