package dev.tern.e2e.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ClientPackets;
import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while the broker is delivering: messages in flight to an online subscriber that
 * has not acknowledged them are resent, with DUP and their packet ids, after a restart
 * [MQTT-4.4.0-1].
 */
@DisplayName("Durability: kill -9 with messages in flight")
class InflightCrashIT {

    private static final int MESSAGES = 5;

    @TempDir
    Path data;

    @Test
    void unacknowledgedInFlightMessagesAreResentWithDupAfterKill9() throws Exception {
        int port = BrokerProcess.freePort();
        String[] settings = {"storage.backend=h2", "storage.h2.path=" + data.resolve("tern").toAbsolutePath()};
        List<ReceivedPublish> firstDelivery = new ArrayList<>();
        try (BrokerProcess broker = BrokerProcess.start(port, settings)) {
            RawMqttClient sub = RawMqttClient.connected(port, ConnectPacket.v311("inflight-sub").cleanSession(false));
            sub.send(ClientPackets.subscribe(1, "inflight/t", 1));
            assertThat(sub.readPacket().type()).isEqualTo(PacketType.SUBACK);
            MqttClient pub = new MqttClient(broker.uri(), "inflight-pub", new MemoryPersistence());
            pub.connect(new MqttConnectOptions());
            for (int i = 0; i < MESSAGES; i++) {
                pub.publish("inflight/t", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            for (int i = 0; i < MESSAGES; i++) {
                ReceivedPacket packet = sub.readPacket(Duration.ofSeconds(5));
                firstDelivery.add(packet.publish());
            }
            // Every publish was acknowledged; the publisher leaves before the crash so that its
            // client library never races the dead socket.
            pub.disconnect();
            pub.close();
            // The subscriber never acknowledges: all five are in flight when the broker dies.
            broker.kill9();
            sub.close();
        }

        try (BrokerProcess again = BrokerProcess.start(port, settings)) {
            RawMqttClient sub = RawMqttClient.connect(port);
            sub.send(ConnectPacket.v311("inflight-sub").cleanSession(false).toBytes());
            assertThat(sub.readPacket().connack().sessionPresent()).isTrue();
            List<ReceivedPublish> resent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                resent.add(sub.readPacket(Duration.ofSeconds(5)).publish());
            }
            assertThat(resent).allMatch(ReceivedPublish::dup);
            assertThat(resent).extracting(ReceivedPublish::packetId)
                    .containsExactlyElementsOf(firstDelivery.stream().map(ReceivedPublish::packetId).toList());
            assertThat(resent).extracting(ReceivedPublish::payload).containsExactly("m0", "m1", "m2", "m3", "m4");
            sub.close();
        }
    }
}
