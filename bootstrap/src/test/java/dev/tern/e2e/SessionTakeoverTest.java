package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.4 CONNECT response: session takeover")
class SessionTakeoverTest {

    private static final int CONTENDERS = 20;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /** [MQTT-3.1.4-2]: a second connection with the same client id closes the first. */
    @Test
    void newConnectionWithSameClientIdClosesTheOldOne() throws Exception {
        try (RawMqttClient first = RawMqttClient.connected(BROKER.port(), "same");
                RawMqttClient second = RawMqttClient.connected(BROKER.port(), "same")) {

            assertThat(first.awaitClosed(Duration.ofSeconds(3))).isTrue();
            second.send(pingreq());
            assertThat(second.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }

    /**
     * [MQTT-3.1.4-2] under contention: twenty simultaneous CONNECTs with one client id end with
     * exactly one open connection, and that survivor's session routes messages.
     */
    @Test
    void concurrentConnectsWithOneClientIdLeaveExactlyOneUsableConnection() throws Exception {
        List<RawMqttClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        try {
            for (int i = 0; i < CONTENDERS; i++) {
                clients.add(RawMqttClient.connect(BROKER.port()));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> accepted = new ArrayList<>();
            for (RawMqttClient client : clients) {
                accepted.add(pool.submit(() -> {
                    go.await();
                    client.send(ConnectPacket.v311("contended").cleanSession(false).toBytes());
                    return readsAcceptedConnack(client);
                }));
            }
            go.countDown();
            for (Future<Boolean> result : accepted) {
                result.get();
            }

            List<RawMqttClient> open = new ArrayList<>();
            for (RawMqttClient client : clients) {
                if (!client.awaitClosed(Duration.ofSeconds(1))) {
                    open.add(client);
                }
            }
            assertThat(open).hasSize(1);

            RawMqttClient survivor = open.get(0);
            survivor.send(subscribe(1, "contended/topic", 0));
            assertThat(survivor.readPacket().suback().returnCodes()).containsExactly(0);
            try (RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "contended-pub")) {
                publisher.send(publish("contended/topic", "hello survivor", 0, 0));
            }
            assertThat(survivor.readPacket().publish().payload()).isEqualTo("hello survivor");
        } finally {
            pool.shutdownNow();
            for (RawMqttClient client : clients) {
                client.close();
            }
        }
    }

    private static boolean readsAcceptedConnack(RawMqttClient client) {
        try {
            ReceivedPacket packet = client.readPacket(Duration.ofSeconds(5));
            return packet.type() == PacketType.CONNACK && packet.connack().returnCode() == 0;
        } catch (IOException closedBeforeConnack) {
            return false;
        }
    }
}
