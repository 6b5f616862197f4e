package dev.tern.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.durability.BrokerProcess;
import dev.tern.e2e.raw.ClientPackets;
import dev.tern.e2e.raw.PacketWriter;
import dev.tern.e2e.raw.RawMqttClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A broker with a 128 MB heap driven past its capacity: publishers push 64 KB messages as fast
 * as they can to subscribers that never read, whose queues (1,000 messages each, the default)
 * would need far more than the heap. Overload protection must stop reading from the publishers
 * instead of the broker dying with OutOfMemoryError, and let go once the memory is free again.
 */
@DisplayName("Hardening: overload protection with a 128 MB heap")
class OverloadIT {

    private static final int STUCK_SUBSCRIBERS = 3;
    private static final int PAYLOAD = 64 * 1024;

    /** Writes QoS 0 PUBLISHes on its socket until closed; the write blocks while the broker does not read. */
    private static final class Flooder implements AutoCloseable {

        final RawMqttClient client;
        final Thread thread;
        final AtomicLong sent = new AtomicLong();

        Flooder(int port, String id, String topic) throws IOException {
            client = RawMqttClient.connected(port, id);
            byte[] publish = PacketWriter.packet(3, 0).utf8(topic).bytes(new byte[PAYLOAD]).toBytes();
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        client.send(publish);
                        sent.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test closed the socket: done
                }
            }, "flooder-" + id);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            thread.interrupt();
            client.close();
            thread.join(5_000);
        }
    }

    @Test
    void pausesPublishersInsteadOfRunningOutOfMemoryAndRecoversWhenTheMemoryIsFree() throws Exception {
        int port = BrokerProcess.freePort();
        try (BrokerProcess broker = BrokerProcess.start("128m", port, "storage.backend=memory")) {
            List<RawMqttClient> stuck = new ArrayList<>();
            List<Flooder> flooders = new ArrayList<>();
            for (int i = 0; i < STUCK_SUBSCRIBERS; i++) {
                RawMqttClient subscriber = RawMqttClient.connected(port, "stuck-" + i);
                subscriber.send(ClientPackets.subscribe(1, "load/" + i, 0));
                subscriber.readPacket();
                stuck.add(subscriber);
            }
            for (int i = 0; i < STUCK_SUBSCRIBERS; i++) {
                flooders.add(new Flooder(port, "flooder-" + i, "load/" + i));
            }

            boolean engaged = broker.awaitLineContaining("Overload: live heap", Duration.ofSeconds(30));
            // hold the pressure a while: the broker must stay up with its publishers paused
            Thread.sleep(3_000);
            long sentWhilePaused = flooders.stream().mapToLong(f -> f.sent.get()).sum();
            Thread.sleep(1_000);
            long sentLater = flooders.stream().mapToLong(f -> f.sent.get()).sum();

            assertThat(engaged).as("overload protection engaged; broker printed: %s", tail(broker)).isTrue();
            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.output()).noneMatch(line -> line.contains("OutOfMemoryError"));
            // a paused publisher's socket fills up and its writes block: next to nothing gets through
            assertThat(sentLater - sentWhilePaused).isLessThan(200);

            for (Flooder flooder : flooders) {
                flooder.close();
            }
            for (RawMqttClient subscriber : stuck) {
                subscriber.close();
            }
            assertThat(broker.awaitLineContaining("Overload over", Duration.ofSeconds(20)))
                    .as("overload protection let go; broker printed: %s", tail(broker)).isTrue();

            assertServesANewClient(broker.uri());
            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.output()).noneMatch(line -> line.contains("OutOfMemoryError"));
        }
    }

    private static void assertServesANewClient(String uri) throws Exception {
        MqttClient client = new MqttClient(uri, "after-overload", new MemoryPersistence());
        client.connect();
        try {
            BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
            client.subscribe("after/overload", 1,
                    (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            client.publish("after/overload", new MqttMessage("fine".getBytes(StandardCharsets.UTF_8)));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("fine");
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private static List<String> tail(BrokerProcess broker) {
        List<String> lines = broker.output();
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }
}
