package dev.tern.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fencing: a node paused ({@code SIGSTOP}) past its lease, whose client meanwhile resumed its
 * session on another node, cannot change that session's stored state once it runs again.
 */
@DisplayName("Cluster: a node paused past its lease is fenced out")
class NodePauseIT extends ThreeNodeCluster {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SingleRedis.start(dir);
    }

    @Override
    String[] nodeSettings() {
        return new String[] {"cluster.lease=" + LEASE.toSeconds(), "cluster.handover-timeout=1"};
    }

    @Test
    void aSubscriptionTheResumedNodeStoresForALostSessionNeverReachesTheNewOwnersState() throws Exception {
        Connect5Packet resume = Connect5Packet.v5("p-fenced").cleanStart(false).sessionExpiry(3600);
        RawMqttClient onB = Received5.connected(port(B), resume);
        subscribe(onB, 1, "p/kept");

        nodes.pause(B);
        Thread.sleep(LEASE.plusSeconds(3).toMillis());
        try (RawMqttClient onC = RawMqttClient.connect(port(C))) {
            onC.send(resume.toBytes());
            assertThat(Received5.connack(onC.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))).sessionPresent())
                    .as("the session moved to node C").isTrue();
            subscribe(onC, 1, "p/new");

            nodes.resume(B);
            try {
                // Node B still believes it owns the client until it learns otherwise: it may try to store this.
                onB.send(Client5Packets.subscribe(2, "p/late", 1));
            } catch (IOException closedAlready) {
                // Node B closed the stale connection first: nothing could be stored either.
            }
            Thread.sleep(2_000);
            onC.send(Client5Packets.disconnect(0x00));
        }
        onB.close();

        try (RawMqttClient publisher = Received5.connected(port(A), Connect5Packet.v5("p-pub"));
                RawMqttClient back = RawMqttClient.connect(port(A))) {
            back.send(resume.toBytes());
            assertThat(Received5.connack(back.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS))).sessionPresent())
                    .isTrue();
            int id = 1;
            for (String topic : List.of("p/kept", "p/new", "p/late")) {
                publisher.send(Client5Packets.publish(topic, topic.getBytes(), 1, id++, false,
                        dev.tern.e2e.raw.PropertiesWriter.properties()));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
            }
            List<String> received = new ArrayList<>();
            while (!back.receivesNothingWithin(Duration.ofSeconds(2))) {
                Received5.Publish5 publish = Received5.publish(back.readPacket());
                received.add(publish.topic());
                back.send(Client5Packets.ack(4, publish.packetId()));
            }
            assertThat(received).as("the new owner's subscriptions, not the fenced node's late one")
                    .containsExactlyInAnyOrder("p/kept", "p/new");
        }
    }

    private static void subscribe(RawMqttClient client, int packetId, String filter) throws IOException {
        client.send(Client5Packets.subscribe(packetId, filter, 1));
        assertThat(client.readPacket(Duration.ofSeconds(Hive.TIMEOUT_SECONDS)).type()).isEqualTo(PacketType.SUBACK);
    }
}
