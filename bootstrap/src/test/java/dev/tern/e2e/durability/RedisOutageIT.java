package dev.tern.e2e.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.bootstrap.TernBroker;
import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.CommandLineResult;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.e2e.raw.ClientPackets;
import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis goes away while Tern runs: a PUBLISH that needs storage is refused (MQTT 5: PUBACK 0x80)
 * or its connection closed (3.1.1), never acknowledged unstored; when Redis is back, Tern carries
 * on by itself and what it acknowledged reaches the subscriber.
 */
@DisplayName("Durability: Redis outage while running")
class RedisOutageIT {

    private static final Duration SLOW = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void refusesWhatItCannotStoreAndRecoversWhenRedisReturns() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(dir); TernBroker broker = start(redis.url())) {
            int port = broker.port("tcp");
            RawMqttClient sub = Received5.connected(port,
                    Connect5Packet.v5("outage-sub").cleanStart(false).sessionExpiry(3600));
            sub.send(Client5Packets.subscribe(1, "outage/t", 1));
            assertThat(sub.readPacket().type()).isEqualTo(PacketType.SUBACK);
            sub.close();

            RawMqttClient pub = Received5.connected(port, Connect5Packet.v5("outage-pub"));
            assertThat(publishV5(pub, 1, "before")).as("stored while Redis is up").isEqualTo(0x00);

            redis.stop();
            assertThat(publishV5(pub, 2, "during")).as("refused while Redis is down").isEqualTo(0x80);
            RawMqttClient v3 = RawMqttClient.connected(port, ConnectPacket.v311("outage-v3"));
            v3.send(ClientPackets.publish("outage/t", "v3-during", 1, 1));
            assertThat(v3.awaitClosed(SLOW)).as("a 3.1.1 publisher cannot be told: its connection closes").isTrue();

            redis.restart();
            List<String> accepted = new ArrayList<>(List.of("before"));
            int reason = -1;
            for (int id = 3; id < 60 && reason != 0x00; id++) {
                reason = publishV5(pub, id, "after-" + id);
                if (reason == 0x00) {
                    accepted.add("after-" + id);
                } else {
                    Thread.sleep(500);
                }
            }
            assertThat(reason).as("Tern recovered by itself").isEqualTo(0x00);

            RawMqttClient back = RawMqttClient.connect(port);
            back.send(Connect5Packet.v5("outage-sub").cleanStart(false).sessionExpiry(3600).toBytes());
            assertThat(Received5.connack(back.readPacket()).sessionPresent()).isTrue();
            List<String> received = new ArrayList<>();
            ReceivedPacket packet;
            while ((packet = readOrNull(back)) != null) {
                Received5.Publish5 publish = Received5.publish(packet);
                received.add(publish.text());
                back.send(Client5Packets.ack(4, publish.packetId()));
            }
            assertThat(received).as("every acknowledged message").containsAll(accepted);
            back.close();
            pub.close();
        }
    }

    private static TernBroker start(String redisUrl) throws Exception {
        CommandLine commandLine = ((CommandLineResult.Run) CommandLine.parse(List.of(
                "--set", "listeners.tcp.port=0", "--set", "listeners.websocket.enabled=false",
                "--set", "admin.http.port=0", "--set", "storage.backend=redis", "--set", "storage.redis.url=" + redisUrl))).commandLine();
        return TernBroker.start(ConfigLoader.load(commandLine, Map.of()));
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code. */
    private static int publishV5(RawMqttClient client, int packetId, String payload) throws Exception {
        client.send(Client5Packets.publish("outage/t", payload, 1, packetId));
        return Received5.ack(client.readPacket(SLOW), PacketType.PUBACK).reasonCode();
    }

    private static ReceivedPacket readOrNull(RawMqttClient client) throws Exception {
        try {
            return client.readPacket(Duration.ofSeconds(2));
        } catch (java.io.IOException | AssertionError timeout) {
            return null;
        }
    }
}
