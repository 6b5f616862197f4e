package dev.tern.e2e.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the broker acknowledged survives {@code kill -9}: the broker runs as a child process on a
 * durable backend, is killed in the middle of traffic, and started again on the same data.
 */
@DisplayName("Durability: kill -9 loses nothing acknowledged")
class CrashRecoveryIT {

    private static final int MESSAGES = 400;

    @TempDir
    Path data;

    private RedisServerProcess redis;

    @AfterEach
    void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.close();
        }
    }

    /** The broker's settings for a backend; Redis gets a server of its own that outlives the broker. */
    private String[] settings(String backend) throws Exception {
        if (backend.equals("redis")) {
            if (redis == null) {
                redis = RedisServerProcess.start(data);
            }
            return new String[] {"storage.backend=redis", "storage.redis.url=" + redis.url()};
        }
        return new String[] {"storage.backend=" + backend, "storage.h2.path=" + data.resolve("tern").toAbsolutePath()};
    }

    private static MqttClient client(String uri, String id, boolean clean) throws MqttException {
        MqttClient client = new MqttClient(uri, id, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(clean);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(0);
        client.connect(options);
        return client;
    }

    /** Receives into a list; duplicates are kept so that the test can count them. */
    private static final class Collector implements MqttCallback {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(topic + ":" + new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "redis"})
    void acknowledgedMessagesForAnOfflineSubscriberSurviveKill9(String backend) throws Exception {
        int port = BrokerProcess.freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (BrokerProcess broker = BrokerProcess.start(port, settings(backend))) {
            MqttClient sub = client(broker.uri(), "offline-sub", false);
            sub.subscribe(new String[] {"crash/q1", "crash/q2"}, new int[] {1, 2});
            sub.disconnect();
            sub.close();
            MqttClient retainer = client(broker.uri(), "retainer", true);
            retainer.publish("crash/config", "kept".getBytes(StandardCharsets.UTF_8), 1, true);
            retainer.disconnect();

            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> publishers = new ArrayList<>();
            for (int qos = 1; qos <= 2; qos++) {
                int q = qos;
                Thread t = new Thread(() -> publishUntilKilled(broker.uri(), q, acknowledged, killed));
                publishers.add(t);
                t.start();
            }
            while (acknowledged.size() < MESSAGES / 2) {
                Thread.sleep(5);
            }
            broker.kill9();
            killed.set(true);
            for (Thread t : publishers) {
                t.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(MESSAGES / 2);

        try (BrokerProcess again = BrokerProcess.start(port, settings(backend))) {
            Collector collector = new Collector();
            MqttClient sub = new MqttClient(again.uri(), "offline-sub", new MemoryPersistence());
            sub.setCallback(collector);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            sub.connect(options);
            awaitQuiet(collector.received);

            Set<String> received = Set.copyOf(collector.received);
            assertThat(received).as("every acknowledged message, QoS 1 at least once").containsAll(acknowledged);
            List<String> qos2 = collector.received.stream().filter(m -> m.startsWith("crash/q2")).toList();
            assertThat(qos2).as("QoS 2 exactly once").doesNotHaveDuplicates();

            Collector retained = new Collector();
            MqttClient late = new MqttClient(again.uri(), "late", new MemoryPersistence());
            late.setCallback(retained);
            late.connect();
            late.subscribe("crash/config", 1);
            awaitQuiet(retained.received);
            assertThat(retained.received).containsExactly("crash/config:kept");

            MqttClient pub = client(again.uri(), "after-restart", true);
            pub.publish("crash/q1", "after".getBytes(StandardCharsets.UTF_8), 1, false);
            awaitQuiet(collector.received);
            assertThat(collector.received).as("the subscription survived").contains("crash/q1:after");
            sub.disconnect();
            late.disconnect();
            pub.disconnect();
        }
    }

    private static void publishUntilKilled(String uri, int qos, Set<String> acknowledged, AtomicBoolean killed) {
        try {
            MqttClient pub = client(uri, "pub-q" + qos, true);
            for (int i = 0; i < MESSAGES && !killed.get(); i++) {
                String payload = "m" + i;
                pub.publish("crash/q" + qos, payload.getBytes(StandardCharsets.UTF_8), qos, false);
                // publish returns once PUBACK (QoS 1) or PUBCOMP (QoS 2) arrived: acknowledged.
                acknowledged.add("crash/q" + qos + ":" + payload);
            }
        } catch (MqttException e) {
            // The broker was killed under this publisher: what it acknowledged before is recorded.
        }
    }

    /** Waits until nothing new has arrived for half a second (at most 20 s). */
    private static void awaitQuiet(List<String> received) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int last = -1;
        while (System.nanoTime() < deadline) {
            int now = received.size();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }
}
